/** The values of OTEL_TRACES_EXPORTER we understand; `file` is ours (JSON lines into ISHC_TRACE_FILE). */
export const TRACES_EXPORTERS = ['otlp', 'zipkin', 'console', 'none', 'file'] as const;
export type TracesExporterName = (typeof TRACES_EXPORTERS)[number];

export interface TracingSettings {
  disabled: boolean;
  exporters: TracesExporterName[];
  traceFile: string | null;
}

export class TracingConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TracingConfigError';
  }
}

/** Reads the standard OTel switches (and ours); a bad value throws naming the variable. */
export function readTracingSettings(env: NodeJS.ProcessEnv): TracingSettings {
  const disabled = /^true$/i.test(env.OTEL_SDK_DISABLED?.trim() ?? '');
  const names = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(TRACES_EXPORTERS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new TracingConfigError(
      `OTEL_TRACES_EXPORTER: unknown exporter ${unknown.map((n) => `"${n}"`).join(', ')} (use ${TRACES_EXPORTERS.join(', ')})`,
    );
  }
  const chosen = (names.length === 0 ? ['otlp'] : names) as TracesExporterName[];
  // As in the OTel SDK: `none` alone means no exporter; next to others it is ignored.
  const exporters = chosen.filter((name) => name !== 'none');
  const traceFile = env.ISHC_TRACE_FILE?.trim() || null;
  if (!disabled && exporters.includes('file') && !traceFile) {
    throw new TracingConfigError('ISHC_TRACE_FILE: required when OTEL_TRACES_EXPORTER includes "file"');
  }
  return { disabled, exporters: [...new Set(exporters)], traceFile };
}
