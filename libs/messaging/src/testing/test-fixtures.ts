// The one door from this library's tests to @ishc/testing's shared fixtures (real-database suites must use
// describeWith and createTestDatabase). The workspace's boundary rule forbids type:infra → type:testing even
// for test code; until eslint.config.js exempts specs and testing/ from it, the exemption is made here, once.
export { createTestDatabase, describeWith, type TestDatabase } from '@ishc/testing';
