// Import this module first in a service's main.ts: the OpenTelemetry SDK has to patch `http` before
// Nest, express or pg load it. A bad tracing variable stops the process here, naming the variable.
import { startTracing } from './tracing/start-tracing';
import { TracingConfigError } from './tracing/traces-exporter-config';

try {
  startTracing({ env: process.env, flushOnExit: true });
} catch (error) {
  if (!(error instanceof TracingConfigError)) throw error;
  process.stderr.write(`Invalid configuration: ${error.message}\n`);
  process.exit(1);
}
