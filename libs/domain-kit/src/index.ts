// The vocabulary every service's pure domain code uses for a broken rule (no framework, no I/O).
export * from './rule-violation';
