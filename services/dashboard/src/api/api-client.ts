// A small JSON client for the gateway. Every failure becomes an ApiError with the HTTP status and the
// problem's detail (RFC 9457), so a component can say what happened (403 out of scope, 404 not built yet).
import { Problem } from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly path: string,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status} for ${path}`);
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly baseUrl = '',
  ) {}

  async get<T>(path: string, query?: Query): Promise<T> {
    const response = await this.fetch(withQuery(path, query));
    return (await response.json()) as T;
  }

  /** A file answer (exports): the body and the name the server suggests. */
  async download(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | undefined }> {
    const response = await this.fetch(withQuery(path, query));
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await response.blob(), fileName: fileName ? decodeURIComponent(fileName) : undefined };
  }

  private async fetch(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    } catch {
      throw new ApiError(0, path, undefined);
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
      throw new ApiError(response.status, path, problem);
    }
    return response;
  }
}
