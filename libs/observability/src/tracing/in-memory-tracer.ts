import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface InMemoryTracer {
  /** Every span ended so far. */
  exporter: InMemorySpanExporter;
  uninstall(): Promise<void>;
}

/**
 * For tests: a real tracer provider (async-context propagation included) that keeps finished spans in
 * memory, registered globally until `uninstall()`. Lets a spec assert parent/child and links without
 * the SDK's exporters or environment.
 */
export function installInMemoryTracer(): InMemoryTracer {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  return {
    exporter,
    uninstall: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
