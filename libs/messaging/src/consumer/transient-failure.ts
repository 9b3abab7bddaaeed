// A message is poison only if IT is the problem. When the database is unreachable or the transaction lost
// a race, every message would fail the same way: dead-lettering them would empty the topic into the DLQ.
// Such failures are retried until they pass (Kafka redelivers), never dead-lettered.
import { errorCode } from '../logger';

const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57', '40']; // connection, resources, operator intervention, rollback (deadlock, serialization)
const CONNECTION_MESSAGES = /connection terminated|connection error|timeout exceeded when trying to connect|terminating connection|Connection refused/i;

export function isTransientFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined) {
    if (/^[0-9A-Z]{5}$/.test(code)) return TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2));
    if (/^E[A-Z]+$/.test(code)) return true; // Node system errors: ECONNREFUSED, ECONNRESET, ETIMEDOUT …
  }
  return error instanceof Error && CONNECTION_MESSAGES.test(error.message);
}
