// The few log calls this library makes. The shape is pino's `(fields, message)`, so a pino logger can be
// passed as is; without one, warnings and errors go to stderr as JSON lines and the rest is dropped.

export interface MessagingLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

function stderrLine(level: string) {
  return (fields: Record<string, unknown>, message: string): void => {
    process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), lib: 'messaging', msg: message, ...fields })}\n`);
  };
}

export const defaultLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: stderrLine('warn'),
  error: stderrLine('error'),
};

/** Error fields fit for a log line: the message and type, never the event's data. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { err: { type: error.name, message: error.message, code: errorCode(error) } };
  return { err: { type: typeof error, message: String(error) } };
}

/** PostgreSQL's SQLSTATE (or a Node system error code), when the error carries one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
