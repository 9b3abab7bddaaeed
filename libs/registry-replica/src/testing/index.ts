// Test kit for the services that keep registry replicas (specs and spec-support only; not in the build).
export * from './fake-registry';
export * from './replicating-service-app';
export * from './given-replicating-service-client';
