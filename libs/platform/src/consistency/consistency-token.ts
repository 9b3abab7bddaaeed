import { SERVICE_NAMES, ServiceName } from '@ishc/contracts';
import type { Position } from '@ishc/event-store';
import { ValidationError } from '../errors/http-errors';

export const CONSISTENCY_HEADER = 'X-Consistency-Token';
/** The query parameter a read takes consistency tokens in (API.md). */
export const CONSISTENT_WITH_PARAM = 'consistentWith';

/** "This service's event store has committed up to here": what a write answers and a read may wait for. */
export interface ConsistencyToken {
  service: ServiceName;
  position: Position;
}

/** `<service>:<transactionId>:<globalPosition>` (docs/configuration.md). */
export function formatConsistencyToken(service: ServiceName, position: Position): string {
  return `${service}:${position.transactionId}:${position.globalPosition}`;
}

const TOKEN = /^([a-z]+):(\d{1,20}):(\d{1,20})$/;

export function parseConsistencyToken(text: string): ConsistencyToken | null {
  const match = TOKEN.exec(text.trim());
  if (!match || !(SERVICE_NAMES as readonly string[]).includes(match[1])) return null;
  return { service: match[1] as ServiceName, position: { transactionId: match[2], globalPosition: match[3] } };
}

/**
 * The `consistentWith` query value: comma-separated tokens (the parameter may also repeat). Any
 * malformed token is a 400 naming `consistentWith`. Absent or empty → [].
 */
export function parseConsistencyTokens(value: string | string[] | undefined | unknown): ConsistencyToken[] {
  if (value === undefined || value === null) return [];
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part) =>
    typeof part === 'string' ? part.split(',') : [null],
  );
  const texts = parts.filter((part) => part === null || part.trim().length > 0);
  const tokens = texts.map((text) => (text === null ? null : parseConsistencyToken(text)));
  const bad = tokens.map((token, index) => (token === null ? index + 1 : 0)).filter((index) => index > 0);
  if (bad.length > 0) {
    throw new ValidationError([
      {
        field: CONSISTENT_WITH_PARAM,
        message: `token${bad.length > 1 ? 's' : ''} ${bad.join(', ')} of ${texts.length} not of the form <service>:<transactionId>:<globalPosition> (as a write's ${CONSISTENCY_HEADER} gives it)`,
      },
    ]);
  }
  return tokens as ConsistencyToken[];
}
