// Tracing (start it with `import '@ishc/observability/register'` as a process's first line).
export * from './tracing/trace-context';
export * from './tracing/kafka-trace-headers';
export * from './tracing/with-span';
export * from './tracing/http-route';
export * from './tracing/start-tracing';
export * from './tracing/traces-exporter-config';
export * from './tracing/file-span-exporter';
export * from './tracing/span-json';
export * from './tracing/in-memory-tracer';
export { isProbeRequest } from './tracing/http-instrumentation';
export { withoutQuery } from './tracing/query-redacting-span-processor';
// Logs.
export * from './logging/create-logger';
export * from './logging/http-logger-options';
export * from './logging/log-serializers';
export * from './logging/trace-mixin';
export { REDACTED_LOG_PATHS } from './logging/redaction';
// Metrics.
export * from './metrics/metrics-registry';
export * from './metrics/http-metrics';
export * from './metrics/platform-metrics';
export * from './metrics/scrape-collectors';
