import pino, { DestinationStream, Level, Logger } from 'pino';
import { REDACTED_LOG_PATHS, REDACTION_CENSOR } from './redaction';
import { logSerializers } from './log-serializers';
import { traceMixin } from './trace-mixin';

export type LogLevel = Level | 'silent';

export interface CreateLoggerOptions {
  service: string;
  level?: LogLevel;
  /** Defaults to stdout. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * The JSON logger every process uses: `service` and the active trace/span ids on each line, ISO times,
 * credentials redacted, requests logged without body, query or headers.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      mixin: traceMixin,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_LOG_PATHS, censor: REDACTION_CENSOR },
      serializers: logSerializers,
    },
    // Synchronous stdout by default: a process that exits on a fatal error still gets its last line out.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
