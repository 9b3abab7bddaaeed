import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { FileSpanExporter } from './file-span-exporter';
import { TracingSettings } from './traces-exporter-config';

/**
 * One processor per configured exporter. Network exporters batch; `console` and `file` export each span
 * as it ends (no batching delay), so a test polling the trace file finds a scenario's spans promptly.
 * The OTLP and Zipkin exporters read their endpoints from the standard variables themselves.
 */
export function createSpanProcessors(settings: TracingSettings): SpanProcessor[] {
  return settings.exporters.map((name): SpanProcessor => {
    switch (name) {
      case 'otlp':
        return new BatchSpanProcessor(new OTLPTraceExporter());
      case 'zipkin':
        return new BatchSpanProcessor(new ZipkinExporter());
      case 'console':
        return new SimpleSpanProcessor(new ConsoleSpanExporter());
      case 'file':
        return new SimpleSpanProcessor(new FileSpanExporter(settings.traceFile as string));
      case 'none':
        throw new Error('unreachable: "none" is filtered out by readTracingSettings');
    }
  });
}
