/** One invalid input field: `field` is its path joined with '.', e.g. `targets.0.value`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of the platform carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** Set on 500s so a report can be matched to the logs and the trace. */
  traceId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are URNs: stable identifiers clients can switch on, which do not pretend to be
 * documentation pages that nobody serves.
 */
export function problemType(slug: string): string {
  return `urn:ishc:problem:${slug}`;
}
