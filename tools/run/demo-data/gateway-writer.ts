// Writes through the gateway as any client would (API.md), remembering the last X-Consistency-Token of
// each service so that a read can wait for its own writes. Retries what the API says to retry: 503 with
// Retry-After, and 409 while another service's replica has not seen a new club yet (microfinance).

export class DemoWriteError extends Error {
  override readonly name = 'DemoWriteError';
}

export interface WriterOptions {
  gatewayUrl: string;
  token: string;
  signal?: AbortSignal;
  /** How long a 409 (replica not caught up) is retried before it counts as a failure. */
  conflictRetryMs?: number;
}

export class GatewayWriter {
  readonly tokens = new Map<string, string>();
  requests = 0;

  constructor(private readonly options: WriterOptions) {}

  post<T>(path: string, body: unknown, retryConflicts = false): Promise<T> {
    return this.call<T>('POST', path, body, retryConflicts);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body, false);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path, undefined, false);
  }

  /** A GET that may not exist yet on this platform (404 → undefined). */
  async getOptional<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof DemoWriteError && / 404:/.test(error.message)) return undefined;
      throw error;
    }
  }

  /** The tokens of every service written to, for `consistentWith`. */
  consistencyTokens(): string {
    return [...this.tokens.values()].join(',');
  }

  private async call<T>(method: string, path: string, body: unknown, retryConflicts: boolean): Promise<T> {
    const deadline = Date.now() + (this.options.conflictRetryMs ?? 30_000);
    for (let attempt = 1; ; attempt++) {
      this.options.signal?.throwIfAborted();
      this.requests++;
      const response = await fetch(`${this.options.gatewayUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.options.signal,
      });
      const text = await response.text();
      const retryable = response.status === 503 || (retryConflicts && response.status === 409);
      if (retryable && Date.now() < deadline) {
        const retryAfterS = Number(response.headers.get('retry-after'));
        await sleep(retryAfterS > 0 ? Math.min(retryAfterS * 1000, 2000) : Math.min(100 * attempt, 1000));
        continue;
      }
      if (!response.ok) throw new DemoWriteError(`${method} ${path.split('?')[0]} → ${response.status}: ${text.slice(0, 300)}`);
      const token = response.headers.get('x-consistency-token');
      if (token) this.tokens.set(token.split(':')[0], token);
      return (text ? JSON.parse(text) : undefined) as T;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
