import { Injectable, NestMiddleware } from '@nestjs/common';
import { PayloadTooLargeError } from '@ishc/platform';
import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { uploadTypeOf } from './member-file';

/** Largest upload accepted (a 5,000-row XLSX is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  contentType: string;
  content: Buffer;
}

export type UploadRequest = IncomingMessage & { body?: unknown; upload?: UploadedFile };

/**
 * Reads a CSV or XLSX request body (raw, with its media type as Content-Type) into `request.upload`,
 * before the interceptors run: the request's `body` becomes the file's digest, which is what an
 * Idempotency-Key compares (the same key with another file is a 422). Other media types pass through
 * untouched (the route answers 415). Past MAX_UPLOAD_BYTES: 413.
 */
@Injectable()
export class FileUploadMiddleware implements NestMiddleware {
  async use(request: UploadRequest, _response: unknown, next: (error?: unknown) => void): Promise<void> {
    const contentType = uploadTypeOf(request.headers['content-type']);
    if (contentType === null) return next();
    const content = await readBody(request, MAX_UPLOAD_BYTES);
    request.upload = { contentType, content };
    request.body = { file: { contentType, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') } };
    next();
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeError(`A file may have at most ${limit} bytes.`);
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
