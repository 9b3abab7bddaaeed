// Injection tokens of the platform's providers (see PlatformModule.forService).

/** The validated ServiceConfig of this process. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** A pg Pool on this service's own database. */
export const PG_POOL = Symbol('PG_POOL');
/** The service's OrgUnitScopeResolver (provided by each service, in any of its modules). */
export const ORG_UNIT_SCOPE = Symbol('ORG_UNIT_SCOPE');
/** The prom-client Registry served at /api/<service>/metrics. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
/** The environment the platform read its config from (process.env, or a test's), for other services' URLs. */
export const PLATFORM_ENV = Symbol('PLATFORM_ENV');
