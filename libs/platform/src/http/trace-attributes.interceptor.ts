import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import { HttpRequest } from './http-types';

/** Route templates whose `:id` is a club's id (`/api/registry/clubs/:id/...`). */
const CLUB_ID_ROUTE = /\/clubs\/:id(\/|$)/;
/** Route templates whose `:code` is an org unit's code. */
const ORG_UNIT_ROUTE = /\/org-units\/:code(\/|$)/;
const ORG_UNIT_CODE = /^[A-Za-z0-9._-]{1,32}$/;
const CLUB_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Marks the request's server span with `ishc.club_id` and `ishc.org_unit` when the route names them (a
 * club id or org-unit code in the path, `orgUnit` in the query, `communeCode` in a body), so an
 * operator can find every trace of one club or commune in Zipkin (tag search). Ids and administrative
 * codes only: they are not personal data. Anything not shaped like one is left out.
 */
@Injectable()
export class TraceAttributesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const span = trace.getActiveSpan();
    if (span) {
      const request = context.switchToHttp().getRequest<HttpRequest & { route?: { path?: unknown } }>();
      const { clubId, orgUnit } = traceAttributesOf(request);
      if (clubId) span.setAttribute('ishc.club_id', clubId);
      if (orgUnit) span.setAttribute('ishc.org_unit', orgUnit);
    }
    return next.handle();
  }
}

export function traceAttributesOf(request: {
  params?: Record<string, unknown>;
  query?: unknown;
  body?: unknown;
  route?: { path?: unknown };
}): { clubId?: string; orgUnit?: string } {
  const path = typeof request.route?.path === 'string' ? request.route.path : '';
  const params = request.params ?? {};
  const club = params.clubId ?? (CLUB_ID_ROUTE.test(path) ? params.id : undefined);
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const unit = (ORG_UNIT_ROUTE.test(path) ? params.code : undefined) ?? query.orgUnit ?? body.communeCode;
  return {
    clubId: typeof club === 'string' && CLUB_ID.test(club) ? club : undefined,
    orgUnit: typeof unit === 'string' && ORG_UNIT_CODE.test(unit) ? unit : undefined,
  };
}
