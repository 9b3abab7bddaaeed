import { FieldError, ProblemDetails, problemType } from './problem-details';

export interface ProblemOptions {
  /** A specific problem type slug (e.g. `loan-not-approved`); defaults to the class's. */
  type?: string;
  errors?: FieldError[];
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error that is also an answer: throw it anywhere under a request and the ProblemDetails filter
 * answers with its status and body. The detail is shown to the client, so it must not quote input.
 */
export class ProblemError extends Error {
  readonly type: string;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    defaultType: string,
    options: ProblemOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.type = problemType(options.type ?? defaultType);
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  toProblem(): ProblemDetails {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
