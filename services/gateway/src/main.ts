// Tracing first: OpenTelemetry must patch `http` before anything else loads it, so the gateway's spans
// (and the traceparent it sends on) join each request's trace.
import '@ishc/observability/register';
import { createLogger, LogLevel } from '@ishc/observability';
import { swaggerUiDistDir } from './api-docs.http';
import { dashboardDistDir } from './dashboard.http';
import { devTokenIssuer } from './dev-token-issuer';
import { GatewayConfigError, readGatewayConfig } from './gateway-config';
import { createGateway } from './gateway-server';

const logger = createLogger({ service: 'gateway', level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info' });

function start(): void {
  let config;
  try {
    config = readGatewayConfig(process.env);
  } catch (error) {
    if (!(error instanceof GatewayConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const gateway = createGateway({
    config,
    devTokens: config.devTokens && config.jwtSecret ? devTokenIssuer(config.jwtSecret) : undefined,
    swaggerUiDir: swaggerUiDistDir(),
    dashboardDir: dashboardDistDir(),
    logger,
  });
  gateway.server.on('error', (error) => {
    logger.fatal({ err: error }, `gateway cannot listen on port ${config.port}`);
    process.exit(1);
  });
  gateway.server.listen(config.port, () => {
    logger.info({ port: config.port, services: config.services, devTokens: config.devTokens }, `gateway listening on ${config.port}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'gateway stopping');
    // Requests in flight may finish; a stuck one must not hold the process forever.
    setTimeout(() => process.exit(0), 5000).unref();
    // Then raise the signal again, as Nest's shutdown hooks do: the tracing hook (still listening) flushes
    // the last spans and ends the process the default way.
    gateway.close().then(() => process.kill(process.pid, signal));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

start();
