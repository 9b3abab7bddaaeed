// App.
export * from './bootstrap-service';
export * from './create-service-app';
export * from './platform.module';
export * from './tokens';
// Configuration.
export * from './config/config-error';
export * from './config/load-config';
export * from './config/service-config';
export * from './config/database-url';
// Errors and input.
export * from './errors/problem-details';
export * from './errors/problem-error';
export * from './errors/http-errors';
export { problemFromError, type MappedProblem } from './errors/problem-from-error';
export { ProblemDetailsFilter, sendProblem } from './errors/problem-details.filter';
export * from './errors/rule-violation-problem';
export * from './validation/parse-input';
export * from './validation/zod-field-errors';
export * from './validation/iso-date';
// Auth.
export * from './auth/actor';
export * from './auth/access-token';
export * from './auth/auth.decorators';
export { AuthGuard, bearerToken } from './auth/auth.guard';
export * from './auth/org-unit-scope';
export * from './auth/dated-parent-links.scope';
export * from './auth/dev-token.controller';
// Transactions, idempotency, consistency.
export * from './database/unit-of-work';
export { createServicePool, survivingIdleClientErrors, IDLE_IN_TRANSACTION_TIMEOUT_MS } from './database/pg-pool.provider';
export * from './database/migrate';
export * from './database/with-transaction';
export * from './consistency/write-tracker';
export * from './consistency/consistency-token';
export { WriteInterceptor } from './idempotency/write.interceptor';
export { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key-header';
export { migrateIdempotencyKeys } from './idempotency/idempotency-keys.table';
export { requestHash, canonicalJson } from './idempotency/request-hash';
// Health, metrics, HTTP.
export * from './health/health-registry';
export { HealthController } from './health/health.controller';
export { MetricsController } from './metrics/metrics.controller';
export type { HttpRequest, HttpResponse, AuthenticatedRequest } from './http/http-types';
export { DEFAULT_BODY_LIMIT } from './http/body-parsing';
export { buildOpenApiDocument } from './openapi/openapi';
// Event sourcing: the service's event store, its transport, event metadata, business dates.
export * from './event-sourcing/event-sourcing.tokens';
export { EventSourcingModule, type EventSourcingOptions } from './event-sourcing/event-sourcing.module';
export { transportTracing } from './event-sourcing/transport-tracing';
export * from './event-sourcing/event-metadata';
export * from './event-sourcing/clock';
