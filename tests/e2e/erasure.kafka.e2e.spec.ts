import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { describeWith } from '@ishc/testing';
import { ApiResponse, apiClient } from './support/api-client';
import { defineTraCuUnits } from './support/org-units';
import { Haystack, databaseRows, findPlaintexts, kafkaMessages } from './support/plaintext-search';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

interface Indicators {
  indicators: Array<{ code: string; value: number | null; numerator: number; denominator: number | null }>;
}
interface MemberView {
  id: string;
  erased: boolean;
  fullName?: string;
  phone?: string | null;
  nationalId?: string | null;
}

// The member's personal data: a name with Vietnamese diacritics (đ among them), a phone as an officer
// types it (stored without the spaces), a 12-digit CCCD.
const FULL_NAME = 'Thạch Thị Ngọc Điệp'.normalize('NFC');
const PHONE_TYPED = '0386 142 957';
const PHONE = '0386142957';
const NATIONAL_ID = '084195003716';
/** What the test searches for; findPlaintexts also folds case, NFC/NFD and diacritics of both sides. */
const PLAINTEXTS = [
  FULL_NAME,
  FULL_NAME.normalize('NFD'),
  FULL_NAME.toLowerCase(),
  FULL_NAME.toLowerCase().normalize('NFD'),
  PHONE_TYPED,
  PHONE,
  PHONE.slice(1), // the +84 form's digits
  NATIONAL_ID,
];
/** A string the non-vacuity check plants; never a member's data. */
const CANARY = 'Đặng Thị Kiểm Tra Canary'.normalize('NFC');

const brokers = () => (process.env.KAFKA_BROKERS as string).split(',');
const today = () => new Date().toISOString().slice(0, 10);

/** A read with consistentWith answers 503 with Retry-After after its wait; a client retries then, so does this. */
async function readHonouringRetryAfter<T>(read: () => Promise<ApiResponse<T>>, attempts = 3): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await read();
    if (res.status !== 503 || attempt >= attempts) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? '1')));
  }
}

/**
 * Issue 3, "done when": after erasure, no plaintext name, phone or national ID of that member is found in
 * the registry database, the Kafka topics, the reporting database or the logs — and, since personal data
 * is encrypted from the start, not before erasure either. Every indicator is unchanged by the erasure.
 * The processes run compiled, on the Kafka transport, logging at debug level (the most they ever log).
 */
describeWith(['postgres', 'kafka'], 'erasing a member leaves no plaintext anywhere and every indicator unchanged — Kafka transport', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    const extraEnv = { REGISTRY_MASTER_KEY: Buffer.alloc(32, 11).toString('base64'), LOG_LEVEL: 'debug' };
    platform = await startPlatform({ services: ['registry', 'reporting'], transport: 'kafka', extraEnv });
  }, 120_000);
  afterAll(() => platform?.close());

  const namespace = () => platform.env.KAFKA_NAMESPACE as string;
  const databases = async (): Promise<Haystack[]> => {
    const haystacks: Haystack[] = [];
    for (const [service, db] of platform.databases) haystacks.push(...(await databaseRows(db.pool, service)));
    return haystacks;
  };
  const logs = (): Haystack[] => [...platform.processes.values()].map((p) => ({ where: `${p.name} stdout/stderr`, text: p.output() }));

  it('the search is not vacuous: it finds a planted plaintext in any schema and column type, in a Kafka key, value or header, and in a log', async () => {
    const registry = platform.databases.get('registry')?.pool;
    const reporting = platform.databases.get('reporting')?.pool;
    if (!registry || !reporting) throw new Error('registry and reporting databases expected');
    await registry.query('CREATE SCHEMA erasure_probe; CREATE TABLE erasure_probe.planted (note text, doc jsonb, blob bytea)');
    await reporting.query('CREATE TABLE erasure_probe_planted (note text)');
    try {
      await registry.query('INSERT INTO erasure_probe.planted VALUES ($1, NULL, NULL), (NULL, $2, NULL), (NULL, NULL, $3)', [
        CANARY.normalize('NFD'),
        JSON.stringify({ name: CANARY.toLowerCase() }),
        Buffer.from(CANARY, 'utf8'),
      ]);
      await reporting.query('INSERT INTO erasure_probe_planted VALUES ($1)', [CANARY.toUpperCase()]);
      const found = findPlaintexts(await databases(), [CANARY]).map((f) => f.where);
      expect(found.sort()).toEqual(['registry.erasure_probe.planted row 0', 'registry.erasure_probe.planted row 1', 'registry.erasure_probe.planted row 2', 'reporting.public.erasure_probe_planted row 0']);
    } finally {
      await registry.query('DROP SCHEMA erasure_probe CASCADE');
      await reporting.query('DROP TABLE erasure_probe_planted');
    }

    const kafka = new Kafka({ brokers: brokers(), clientId: 'erasure-probe', logLevel: logLevel.NOTHING });
    const topic = `${namespace()}erasure-probe`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    await admin.connect();
    await producer.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      // The value JSON with \u escapes, as an ASCII-only serialiser would write it.
      const escaped = JSON.stringify({ name: CANARY }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      await producer.send({
        topic,
        messages: [{ key: CANARY, value: 'k' }, { value: escaped }, { value: 'h', headers: { person: Buffer.from(CANARY.normalize('NFD'), 'utf8') } }],
      });
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
    const inKafka = findPlaintexts(await kafkaMessages(brokers(), namespace()), [CANARY]).map((f) => f.where);
    expect(inKafka.sort()).toEqual([`kafka ${topic}/0@0`, `kafka ${topic}/0@1`, `kafka ${topic}/0@2`]);

    const fakeLog = [{ where: 'a fake log', text: `{"level":30,"msg":"registered ${CANARY.toLowerCase()}"}` }];
    expect(findPlaintexts(fakeLog, [CANARY])).toHaveLength(1);
    expect(findPlaintexts(fakeLog, [FULL_NAME, PHONE, NATIONAL_ID])).toEqual([]);
  }, 120_000);

  it('before and after erasure no plaintext name, phone or national ID is in any database, Kafka topic or log; indicators unchanged', async () => {
    const api = apiClient(platform.gateway.url, await platform.token());
    await defineTraCuUnits(api);
    const club = await api.post<{ id: string }>('/api/registry/clubs', { name: 'CLB ấp Sóc Mới', communeCode: '29461', establishedOn: '2024-01-15' });
    expect(club.status).toBe(201);

    // A mistyped registration first (its 400 must not echo or log the rest), then the real one, with an
    // Idempotency-Key as an officer's application sends it (the stored answer must not hold plaintext).
    const person = { fullName: FULL_NAME, sex: 'F', birthYear: 1952, ethnicity: 'Khmer', ethnicMinority: true, communeCode: '29461', phone: PHONE_TYPED };
    const mistyped = await api.post('/api/registry/members', { ...person, nationalId: '08419500371' });
    expect(mistyped.status).toBe(400);
    const member = await api.post<{ id: string }>('/api/registry/members', { ...person, nationalId: NATIONAL_ID }, { 'idempotency-key': randomUUID() });
    expect(member.status).toBe(201);
    const memberId = member.body.id;
    const joined = await api.post(`/api/registry/clubs/${club.body.id}/memberships`, { memberId, joinedOn: '2024-03-01', roles: ['member'] });
    expect(joined.status).toBe(201);
    const joinToken = joined.headers.get('x-consistency-token') as string;
    expect(joinToken).toMatch(/^registry:\d+:\d+$/);

    // The search terms are the member's data as the registry answers them.
    const shown = await api.get<MemberView>(`/api/registry/members/${memberId}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ erased: false, fullName: FULL_NAME, phone: PHONE, nationalId: NATIONAL_ID });

    const asOfs = ['2024-12-31', today()];
    const indicators = async (token: string) => {
      const figures: Record<string, Indicators['indicators']> = {};
      for (const asOf of asOfs) {
        const res = await readHonouringRetryAfter(() => api.get<Indicators>(`/api/reporting/indicators?orgUnit=849&asOf=${asOf}&consistentWith=${token}`));
        expect(res.status).toBe(200);
        figures[asOf] = res.body.indicators;
      }
      return figures;
    };
    const before = await indicators(joinToken);
    // The member counts (older, ethnic minority), so "unchanged" says something.
    for (const asOf of asOfs) expect(before[asOf].find((i) => i.code === 'members_active')?.numerator).toBe(1);

    const searchEverywhere = async () => {
      const [inDatabases, inKafka] = [await databases(), await kafkaMessages(brokers(), namespace())];
      // The member's events and rows are among what was searched (its id is stored in clear, by design).
      expect(findPlaintexts(inDatabases.filter((h) => h.where.startsWith('registry.')), [memberId]).length).toBeGreaterThan(0);
      expect(findPlaintexts(inDatabases.filter((h) => h.where.startsWith('reporting.')), [memberId]).length).toBeGreaterThan(0);
      expect(findPlaintexts(inKafka, [memberId]).length).toBeGreaterThan(0);
      return findPlaintexts([...inDatabases, ...inKafka, ...logs()], PLAINTEXTS);
    };
    expect(await searchEverywhere()).toEqual([]);
    // The ciphertext stays in the events (and on Kafka); what makes it unreadable is the data key's going.
    const keyMaterial = async () => {
      const registry = platform.databases.get('registry')?.pool;
      const r = await registry?.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM member_keys WHERE member_id = $1) + (SELECT count(*) FROM member_match_hashes WHERE member_id = $1) AS n`,
        [memberId],
      );
      return Number(r?.rows[0].n);
    };
    expect(await keyMaterial()).toBeGreaterThan(0);

    const erased = await api.post<{ erased: boolean }>(`/api/registry/members/${memberId}/erasure`, {});
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toBe(true);
    const erasureToken = erased.headers.get('x-consistency-token') as string;
    expect(erasureToken).toMatch(/^registry:\d+:\d+$/);
    expect(erasureToken).not.toBe(joinToken);

    expect(await indicators(erasureToken)).toEqual(before);
    const afterwards = await api.get<MemberView>(`/api/registry/members/${memberId}`);
    expect(afterwards.status).toBe(200);
    expect(afterwards.body.erased).toBe(true);
    expect(afterwards.body.fullName).toBeUndefined();
    expect(await keyMaterial()).toBe(0);
    expect(await searchEverywhere()).toEqual([]);
  }, 180_000);
});
