import { JsonObject, mergeOpenApiDocuments } from './openapi-merge';

const problem = { type: 'object', properties: { title: { type: 'string' } } };

function doc(service: string, extra: JsonObject = {}): JsonObject {
  return {
    openapi: '3.0.0',
    info: { title: service, version: '0.1.0' },
    security: [{ bearer: [] }],
    paths: {
      [`/api/${service}/health`]: { get: { operationId: 'HealthController_check', responses: { 200: { description: 'ok' } } } },
      [`/api/${service}/things`]: {
        parameters: [{ name: 'asOf', in: 'query' }],
        post: {
          operationId: 'ThingsController_create',
          tags: ['things'],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: { 400: { description: 'bad', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
        },
      },
    },
    components: {
      schemas: { Problem: problem, Thing: { type: 'object', properties: { [service]: { type: 'string' } } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    tags: [{ name: 'things', description: `${service} things` }],
    ...extra,
  };
}

describe('mergeOpenApiDocuments', () => {
  const merged = mergeOpenApiDocuments([
    { service: 'registry', document: doc('registry') },
    { service: 'activities', document: doc('activities') },
  ]);
  const paths = merged.paths as Record<string, Record<string, JsonObject>>;
  const components = merged.components as Record<string, JsonObject>;

  it('keeps every path of every service', () => {
    expect(Object.keys(paths)).toEqual(['/api/registry/health', '/api/registry/things', '/api/activities/health', '/api/activities/things']);
    expect(paths['/api/registry/things'].parameters).toEqual([{ name: 'asOf', in: 'query' }]);
  });

  it('makes operationIds unique by prefixing the service', () => {
    expect(paths['/api/registry/health'].get.operationId).toBe('registry_HealthController_check');
    expect(paths['/api/activities/health'].get.operationId).toBe('activities_HealthController_check');
  });

  it('shares identical components and renames differing ones, refs included', () => {
    expect(Object.keys(components.schemas)).toEqual(['Problem', 'Thing', 'activities.Thing']);
    expect(components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    const body = (op: JsonObject) => JSON.stringify(op.requestBody);
    expect(body(paths['/api/registry/things'].post)).toContain('#/components/schemas/Thing"');
    expect(body(paths['/api/activities/things'].post)).toContain('#/components/schemas/activities.Thing"');
    expect(JSON.stringify(paths['/api/activities/things'].post.responses)).toContain('#/components/schemas/Problem"');
  });

  it('renames a component whose content changes because what it refers to was renamed', () => {
    const withWrapper = (service: string) =>
      doc(service, {
        components: {
          schemas: {
            Thing: { type: 'object', properties: { [service]: { type: 'string' } } },
            Page: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } },
          },
        },
      });
    const result = mergeOpenApiDocuments([
      { service: 'registry', document: withWrapper('registry') },
      { service: 'reporting', document: withWrapper('reporting') },
    ]);
    const schemas = (result.components as Record<string, JsonObject>).schemas;
    expect(Object.keys(schemas).sort()).toEqual(['Page', 'Thing', 'reporting.Page', 'reporting.Thing']);
    expect(JSON.stringify(schemas['reporting.Page'])).toContain('#/components/schemas/reporting.Thing');
    expect(JSON.stringify(schemas.Page)).toContain('#/components/schemas/Thing"');
  });

  it('tags untagged operations with their service, and keeps the auth requirement of each document', () => {
    expect(paths['/api/registry/health'].get.tags).toEqual(['registry']);
    expect(paths['/api/registry/things'].post.tags).toEqual(['things']);
    expect(paths['/api/activities/health'].get.security).toEqual([{ bearer: [] }]);
    expect((merged.tags as JsonObject[]).map((t) => t.name)).toEqual(['things', 'registry', 'activities']);
  });

  it('says which services are missing', () => {
    const partial = mergeOpenApiDocuments([{ service: 'registry', document: doc('registry') }], [{ service: 'reporting', reason: 'ECONNREFUSED' }]);
    expect(partial['x-ishc-missing-services']).toEqual([{ service: 'reporting', reason: 'ECONNREFUSED' }]);
    expect((partial.info as JsonObject).description).toContain('reporting (ECONNREFUSED)');
  });

  it('is a valid, empty document when no service answers', () => {
    const none = mergeOpenApiDocuments([], [{ service: 'registry', reason: 'ECONNREFUSED' }]);
    expect(none).toMatchObject({ openapi: '3.0.0', info: { title: 'ISHC platform API' }, paths: {}, components: {} });
  });
});
