import request from 'supertest';
import { createServiceApp } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { Registry } from 'prom-client';
import { RegistryModule } from '../app.module';
import { RegistryTestApp, TEST_SECRET, startRegistry } from '../spec-support/registry-test-app';
import { ReferenceDataImport } from './reference-data.import';

describeWith(['postgres'], 'built-in reference data (Trà Vinh / Trà Cú and the 2025 reform)', () => {
  let t: RegistryTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startRegistry({ referenceData: true });
    admin = await t.token();
  });
  afterAll(() => t?.close());

  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/registry${path}`).set('Authorization', `Bearer ${admin}`).expect(200);
  const eventCount = async () => Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);

  it('on 30 June 2025 Trà Cú lists its 17 communes under Trà Vinh', async () => {
    const res = await get('/org-units/849?asOf=2025-06-30');
    expect(res.body).toMatchObject({ code: '849', status: 'valid', parent: { code: '84' }, footprint: null });
    expect(res.body.children).toHaveLength(17);
    expect(res.body.children.every((c: { level: string }) => c.level === 'commune')).toBe(true);
  });

  it('on 1 July 2025 the district has ended and its footprint is the 6 new communes', async () => {
    const res = await get('/org-units/849?asOf=2025-07-01');
    expect(res.body).toMatchObject({ code: '849', status: 'ended', validTo: '2025-06-30', parent: null, children: [] });
    expect(res.body.footprint.map((u: { code: string }) => u.code)).toEqual(['V86-DAIAN', 'V86-HAMGIANG', 'V86-LNA', 'V86-LONGHIEP', 'V86-TAPSON', 'V86-TRACU']);
  });

  it('links old and new communes and provinces with their kind, and hangs the new communes under Vĩnh Long', async () => {
    const oldCommune = await get('/org-units/29461?asOf=2025-07-01');
    expect(oldCommune.body).toMatchObject({ status: 'ended', successors: [{ code: 'V86-TRACU', kind: 'whole', effectiveOn: '2025-07-01' }] });
    const newCommune = await get('/org-units/V86-TRACU?asOf=2025-07-01');
    expect(newCommune.body).toMatchObject({ status: 'valid', validFrom: '2025-07-01', parent: { code: '86' } });
    expect(newCommune.body.predecessors.map((p: { code: string; kind: string }) => `${p.code}:${p.kind}`)).toEqual(['29461:whole', '29479:whole', '29485:whole']);
    expect((await get('/org-units/86?asOf=2025-07-01')).body.children).toHaveLength(6);
    expect((await get('/org-units/84?asOf=2025-07-01')).body).toMatchObject({ status: 'ended', successors: [{ code: '86', kind: 'whole' }] });
  });

  it('importing again (as on a restart) appends no event', async () => {
    const before = await eventCount();
    expect(before).toBeGreaterThan(36);
    await expect(t.app.get(ReferenceDataImport).importAll()).resolves.toBe(0);
    await expect(t.app.get(ReferenceDataImport).importAll()).resolves.toBe(0);
    expect(await eventCount()).toBe(before);

    // A second process on the same database (a restart) imports on start, and appends nothing either.
    const restarted = await createServiceApp({
      service: 'registry',
      module: RegistryModule,
      env: { REGISTRY_DATABASE_URL: t.db.url, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ISHC_MODE: 'embedded', TRANSPORT: 'embedded' },
      metricsRegistry: new Registry(),
    });
    await restarted.close();
    expect(await eventCount()).toBe(before);
  });
});
