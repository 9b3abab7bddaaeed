/**
 * Credentials that must never reach a log line, wherever a request or response object is logged.
 * Bodies never reach logs in the first place (see log-serializers.ts).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
];

export const REDACTION_CENSOR = '[redacted]';
