import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';
import { ProblemError } from './problem-error';

/**
 * body-parser's errors carry a `type`. Their messages can quote the body (Node's JSON.parse error shows
 * a snippet of the input), so each is answered with a fixed detail instead.
 */
export function problemFromBodyParserError(error: unknown): ProblemError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch ((error as { type: unknown }).type) {
    case 'entity.parse.failed':
      return new BadRequestError('The request body is not valid JSON.', { type: 'malformed-body' });
    case 'entity.too.large':
      return new PayloadTooLargeError();
    case 'entity.verify.failed':
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
    case 'parameters.too.many':
      return new BadRequestError('The request body could not be read.', { type: 'malformed-body' });
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeError('The request body’s Content-Encoding is not supported.');
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('The request body’s charset is not supported.');
    default:
      return null;
  }
}
