import { FieldError } from './problem-details';
import { ProblemError, ProblemOptions } from './problem-error';

type Options = Omit<ProblemOptions, 'errors'>;

/** 400: invalid input; lists every invalid field. */
export class ValidationError extends ProblemError {
  constructor(errors: FieldError[], detail?: string, options: Options = {}) {
    const count = errors.length;
    super(400, 'Invalid request', detail ?? `${count} invalid field${count === 1 ? '' : 's'}.`, 'validation', {
      ...options,
      errors,
    });
  }
}

/** 400 without fields: the request as a whole cannot be read (e.g. malformed JSON). */
export class BadRequestError extends ProblemError {
  constructor(detail: string, options: Options = {}) {
    super(400, 'Bad request', detail, 'bad-request', options);
  }
}

/** 401: no bearer token, or one that does not verify. */
export class UnauthorizedError extends ProblemError {
  constructor(detail = 'A valid bearer token is required.', options: Options = {}) {
    super(401, 'Unauthorized', detail, 'unauthorized', {
      ...options,
      headers: { 'WWW-Authenticate': 'Bearer', ...options.headers },
    });
  }
}

/** 403: authenticated, but the role or org-unit scope does not allow this. */
export class ForbiddenError extends ProblemError {
  constructor(detail = 'You are not allowed to do this.', options: Options = {}) {
    super(403, 'Forbidden', detail, 'forbidden', options);
  }
}

/** 404: unknown id or code. */
export class NotFoundError extends ProblemError {
  constructor(detail = 'Not found.', options: Options = {}) {
    super(404, 'Not found', detail, 'not-found', options);
  }
}

/** 409: conflicts with the current state (a business rule, or a concurrent change). */
export class ConflictError extends ProblemError {
  constructor(detail: string, options: Options = {}) {
    super(409, 'Conflict', detail, 'conflict', options);
  }
}

/** 413: the body is larger than the service accepts. */
export class PayloadTooLargeError extends ProblemError {
  constructor(detail = 'The request body is too large.', options: Options = {}) {
    super(413, 'Payload too large', detail, 'payload-too-large', options);
  }
}

/** 415: a body the service cannot read (content encoding or charset). */
export class UnsupportedMediaTypeError extends ProblemError {
  constructor(detail: string, options: Options = {}) {
    super(415, 'Unsupported media type', detail, 'unsupported-media-type', options);
  }
}

/** 422: well-formed but unprocessable, e.g. an Idempotency-Key reused with another request. */
export class UnprocessableError extends ProblemError {
  constructor(detail: string, options: Options = {}) {
    super(422, 'Unprocessable request', detail, 'unprocessable', options);
  }
}

/** 503: not now, try again (with Retry-After), e.g. a read waiting for a projection past its limit. */
export class ServiceUnavailableError extends ProblemError {
  constructor(detail: string, retryAfterSeconds?: number, options: Options = {}) {
    super(503, 'Service unavailable', detail, 'unavailable', {
      ...options,
      headers: { ...(retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {}), ...options.headers },
    });
  }
}
