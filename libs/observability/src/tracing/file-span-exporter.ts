import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { spanToJson } from './span-json';

/**
 * OTEL_TRACES_EXPORTER=file: appends one JSON line per finished span to a file. Tests point every process
 * of a scenario at the same file and read the whole trace back. Each export is a single synchronous
 * O_APPEND write, so lines from concurrent processes do not interleave and nothing is lost when the
 * process exits right after a span ends.
 */
export class FileSpanExporter implements SpanExporter {
  private stopped = false;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error('FileSpanExporter is shut down') });
      return;
    }
    try {
      if (spans.length > 0) {
        appendFileSync(this.path, spans.map((span) => JSON.stringify(spanToJson(span)) + '\n').join(''));
      }
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  async forceFlush(): Promise<void> {
    // Every export is already written synchronously.
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
  }
}
