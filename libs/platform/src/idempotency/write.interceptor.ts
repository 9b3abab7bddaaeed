import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, from, lastValueFrom } from 'rxjs';
import { ServiceConfig } from '../config/service-config';
import { CONSISTENCY_HEADER, formatConsistencyToken } from '../consistency/consistency-token';
import { WriteTracker } from '../consistency/write-tracker';
import { UnitOfWork } from '../database/unit-of-work';
import { UnprocessableError } from '../errors/http-errors';
import { HttpRequest, HttpResponse } from '../http/http-types';
import { PLATFORM_CONFIG } from '../tokens';
import { idempotencyKeyOf } from './idempotency-key-header';
import { claimIdempotencyKey, completeIdempotencyKey, findStoredResponse } from './idempotency-keys.table';
import { requestHash } from './request-hash';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global interceptor for writes (POST/PUT/PATCH/DELETE):
 * - tracks the request's event appends and answers with `X-Consistency-Token` for the last one;
 * - with an `Idempotency-Key`, runs the handler inside one transaction that first claims the key, so
 *   the handler's writes (which join it through UnitOfWork) and the stored answer commit together or
 *   not at all. The same key again replays the stored status, body and token without running the
 *   handler; the same key with another method, path or body is a 422.
 */
@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly writes: WriteTracker,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (!WRITE_METHODS.has(request.method)) return next.handle();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    // The handler is subscribed inside the tracking scope (and the transaction), so async-local state
    // set up here is what it sees.
    return from(
      this.writes.run(() => (key === null ? this.handleWrite(response, next) : this.handleIdempotentWrite(request, response, key, next))),
    );
  }

  private async handleWrite(response: HttpResponse, next: CallHandler): Promise<unknown> {
    const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    this.setConsistencyHeader(response, this.consistencyToken());
    return result;
  }

  private async handleIdempotentWrite(request: HttpRequest, response: HttpResponse, key: string, next: CallHandler): Promise<unknown> {
    const actor = request.user?.sub ?? '';
    const hash = requestHash(request.method, request.originalUrl, request.body);
    const outcome = await this.unitOfWork.run(async (client) => {
      if (!(await claimIdempotencyKey(client, actor, key, hash))) {
        const stored = await findStoredResponse(client, actor, key);
        if (!stored) throw new Error('idempotency key claimed by a committed transaction but not completed');
        if (stored.requestHash !== hash) {
          throw new UnprocessableError('This Idempotency-Key was already used with a different request.', {
            type: 'idempotency-key-reused',
          });
        }
        return { body: stored.body, statusCode: stored.statusCode, token: stored.consistencyToken };
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const token = this.consistencyToken();
      await completeIdempotencyKey(client, actor, key, { statusCode: response.statusCode, body, consistencyToken: token });
      return { body, statusCode: response.statusCode, token };
    });
    response.status(outcome.statusCode);
    this.setConsistencyHeader(response, outcome.token);
    return outcome.body === null ? undefined : outcome.body;
  }

  private consistencyToken(): string | null {
    const position = this.writes.lastPosition;
    return position ? formatConsistencyToken(this.config.service, position) : null;
  }

  private setConsistencyHeader(response: HttpResponse, token: string | null): void {
    if (token === null || response.headersSent) return;
    response.setHeader(CONSISTENCY_HEADER, token);
    // CORS is off, but a browser behind a same-origin proxy that adds CORS can still read the header.
    response.setHeader('Access-Control-Expose-Headers', CONSISTENCY_HEADER);
  }
}
