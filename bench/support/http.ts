// A tiny JSON client for the services' HTTP APIs (Node's fetch: keep-alive connection pool).

export interface JsonAnswer<T> {
  status: number;
  body: T;
  consistencyToken: string | null;
}

export async function postJson<T>(url: string, token: string, body: unknown): Promise<JsonAnswer<T>> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, consistencyToken: res.headers.get('x-consistency-token') };
}

export async function getJson<T>(url: string, token: string): Promise<JsonAnswer<T>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, consistencyToken: res.headers.get('x-consistency-token') };
}

/** Throws unless the answer has the expected status (the error counts in the load result). */
export function expectStatus<T>(answer: JsonAnswer<T>, ...expected: number[]): JsonAnswer<T> {
  if (!expected.includes(answer.status)) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer;
}
