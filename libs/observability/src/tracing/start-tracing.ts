import { NodeSDK } from '@opentelemetry/sdk-node';
import { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { shutdownOnExit } from './flush-on-exit';
import { createHttpInstrumentation } from './http-instrumentation';
import { QueryRedactingSpanProcessor } from './query-redacting-span-processor';
import { resolveServiceName } from './service-name';
import { createSpanProcessors } from './span-processors';
import { TracesExporterName, readTracingSettings } from './traces-exporter-config';

export interface StartTracingOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults to OTEL_SERVICE_NAME, else the service inferred from the entry point's path. */
  serviceName?: string;
  /** Install the SIGTERM/SIGINT/beforeExit flush (the register hook does). Default false. */
  flushOnExit?: boolean;
  /** Instrument `http` (default true; needs to run before `http` is first required to see everything). */
  instrumentHttp?: boolean;
}

export interface TracingHandle {
  readonly enabled: boolean;
  readonly serviceName: string;
  readonly exporters: TracesExporterName[];
  /** Exports every finished span now. */
  flush(): Promise<void>;
  /** Flushes and stops; later spans are dropped. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry NodeSDK for traces from the standard variables (see docs/configuration.md).
 * Metrics are served by our Prometheus registry and logs by pino, so the SDK's own metric and log
 * pipelines stay off (the SDK would otherwise default logs to OTLP).
 */
export function startTracing(options: StartTracingOptions = {}): TracingHandle {
  const env = options.env ?? process.env;
  const settings = readTracingSettings(env);
  const serviceName = options.serviceName ?? resolveServiceName(env);
  if (settings.disabled) {
    return { enabled: false, serviceName, exporters: [], flush: async () => {}, shutdown: async () => {} };
  }
  const exporting = createSpanProcessors(settings);
  const spanProcessors: SpanProcessor[] = [new QueryRedactingSpanProcessor(), ...exporting];
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors,
    logRecordProcessors: [],
    instrumentations: options.instrumentHttp === false ? [] : [createHttpInstrumentation()],
  });
  sdk.start();
  const flush = async () => {
    await Promise.all(exporting.map((processor) => processor.forceFlush()));
  };
  const handle: TracingHandle = {
    enabled: true,
    serviceName,
    exporters: settings.exporters,
    flush,
    // Processors' shutdown does not wait for exports still pending (a span's resource attributes may
    // still be resolving), so flush first.
    shutdown: async () => {
      await flush();
      await sdk.shutdown();
    },
  };
  if (options.flushOnExit) shutdownOnExit(handle);
  return handle;
}
