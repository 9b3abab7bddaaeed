// Crash scenarios make transports log warnings and errors on purpose. Tests keep them out of the output
// unless MESSAGING_TEST_LOGS=1 (then everything from warn up goes to stderr).
import { defaultLogger, type MessagingLogger } from '../logger';

export function quietLogger(): MessagingLogger {
  if (process.env.MESSAGING_TEST_LOGS === '1') return defaultLogger;
  const drop = () => undefined;
  return { debug: drop, info: drop, warn: drop, error: drop };
}
