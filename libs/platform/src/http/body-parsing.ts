import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { problemFromBodyParserError } from '../errors/body-parser-errors';

/** Default limit of a JSON body. Uploads (CSV/XLSX imports) go through multipart, not this parser. */
export const DEFAULT_BODY_LIMIT = '1mb';

/**
 * JSON bodies only, up to `limit`. body-parser's own errors are turned into problem errors right
 * after it, before Nest's handler would wrap a malformed-JSON SyntaxError (whose message quotes the
 * body) into a 400 that echoes it. Needs the app created with `bodyParser: false`.
 */
export function configureBodyParsing(app: INestApplication, limit: string | number = DEFAULT_BODY_LIMIT): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit, type: ['application/json', 'application/*+json'] });
  express.use((error: unknown, _request: unknown, _response: unknown, next: (error?: unknown) => void) => {
    next(problemFromBodyParserError(error) ?? error);
  });
}
