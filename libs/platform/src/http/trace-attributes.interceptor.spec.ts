import { traceAttributesOf } from './trace-attributes.interceptor';

describe('traceAttributesOf', () => {
  it('takes a club id and an org-unit code from the route, the query or the body', () => {
    expect(traceAttributesOf({ route: { path: '/api/registry/clubs/:id' }, params: { id: 'c0ffee-1' } })).toEqual({ clubId: 'c0ffee-1', orgUnit: undefined });
    expect(traceAttributesOf({ route: { path: '/api/microfinance/clubs/:clubId/loans' }, params: { clubId: 'c-2' } }).clubId).toBe('c-2');
    expect(traceAttributesOf({ route: { path: '/api/registry/org-units/:code' }, params: { code: '29461' } }).orgUnit).toBe('29461');
    expect(traceAttributesOf({ route: { path: '/api/reporting/indicators' }, query: { orgUnit: '849', asOf: '2024-01-01' } }).orgUnit).toBe('849');
    expect(traceAttributesOf({ route: { path: '/api/registry/clubs' }, body: { name: 'CLB', communeCode: '29461' } }).orgUnit).toBe('29461');
  });

  it('leaves out ids of other things and anything not shaped like an id or a code', () => {
    expect(traceAttributesOf({ route: { path: '/api/registry/members/:id' }, params: { id: 'm-1' } })).toEqual({ clubId: undefined, orgUnit: undefined });
    expect(traceAttributesOf({ route: { path: '/api/reporting/indicators' }, query: { orgUnit: 'Nguyễn Văn A' } }).orgUnit).toBeUndefined();
    expect(traceAttributesOf({ route: { path: '/api/registry/clubs' }, body: { communeCode: { $ne: 1 } } }).orgUnit).toBeUndefined();
  });
});
