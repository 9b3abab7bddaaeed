import request from 'supertest';
import { TestApp, startTestApp } from '../spec-support/test-app';
import { describeWith } from '@ishc/testing';
import { WIDGET_GATE_LOCK } from '../spec-support/widgets.test-module';

describeWith(['postgres'], 'Idempotency-Key on writes', () => {
  let t: TestApp;
  let token: string;
  const post = (key: string | null, body: object, bearer = token) => {
    const req = request(t.app.getHttpServer()).post('/api/registry/widgets').set('Authorization', `Bearer ${bearer}`);
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const widgetsNamed = async (name: string) =>
    Number((await t.db.pool.query('SELECT count(*) FROM widgets WHERE name = $1', [name])).rows[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token();
  });
  afterAll(() => t.close());

  it('replays the first answer (status, body, consistency token) for the same key and body, writing nothing new', async () => {
    const body = { name: 'replayed', count: 2, plantedOn: '2024-03-01' };
    const first = await post('key-replay', body);
    expect(first.status).toBe(201);
    expect(first.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);

    // Same body with keys in another order: the same request.
    const again = await post('key-replay', { plantedOn: '2024-03-01', count: 2, name: 'replayed' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['x-consistency-token']).toBe(first.headers['x-consistency-token']);
    expect(await widgetsNamed('replayed')).toBe(1);
  });

  it('answers 422 when the key is reused with another body, writing nothing', async () => {
    expect((await post('key-other-body', { name: 'first-body', count: 1, plantedOn: '2024-03-01' })).status).toBe(201);
    const reused = await post('key-other-body', { name: 'second-body', count: 1, plantedOn: '2024-03-01' });
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ type: 'urn:ishc:problem:idempotency-key-reused', status: 422 });
    expect(await widgetsNamed('second-body')).toBe(0);
  });

  it('scopes keys to the caller: another caller’s same key is a new request', async () => {
    const body = { name: 'per-caller', count: 1, plantedOn: '2024-03-01' };
    const mine = await post('shared-key', body);
    const theirs = await post('shared-key', body, await t.token(['commune_officer'], ['001'], 'user-2'));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await widgetsNamed('per-caller')).toBe(2);
  });

  it('rolls the key back with the write when the handler fails, so the key can be used again', async () => {
    const failed = await post('key-failure', { name: 'explode', count: 1, plantedOn: '2024-03-01' });
    expect(failed.status).toBe(500);
    expect(await widgetsNamed('explode')).toBe(0);
    const keys = await t.db.pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', ['key-failure']);
    expect(keys.rowCount).toBe(0);
    expect((await post('key-failure', { name: 'retried', count: 1, plantedOn: '2024-03-01' })).status).toBe(201);
  });

  it('rejects a malformed key', async () => {
    const res = await post('x'.repeat(300), { name: 'long-key', count: 1, plantedOn: '2024-03-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('writes once when duplicates arrive concurrently: the others wait for the first and replay it', async () => {
    const body = { name: 'gated-concurrent', count: 1, plantedOn: '2024-03-01' };
    const gate = await t.db.pool.connect();
    try {
      // Hold the gate: the first request to claim the key waits for it inside its transaction.
      await gate.query('SELECT pg_advisory_lock($1)', [WIDGET_GATE_LOCK]);
      const responses = Array.from({ length: 4 }, () => post('key-concurrent', body).then((res) => res));
      // Every request is now blocked in the database: one on the gate, the rest on the key's row.
      await eventually(async () => {
        const { rows } = await t.db.pool.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
          [t.db.name],
        );
        expect(rows[0].waiting).toBe(4);
      });
      await gate.query('SELECT pg_advisory_unlock($1)', [WIDGET_GATE_LOCK]);
      const settled = await Promise.all(responses);
      expect(settled.map((res) => res.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(settled.map((res) => res.body.id)).size).toBe(1);
      expect(new Set(settled.map((res) => res.headers['x-consistency-token'])).size).toBe(1);
      expect(await widgetsNamed('gated-concurrent')).toBe(1);
    } finally {
      gate.release();
    }
  });
});

/** Retries an assertion until it holds (or the test times out): waits on state, never on a clock. */
async function eventually(assertion: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await assertion();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
