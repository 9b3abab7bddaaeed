import { spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import path from 'node:path';
import { PostgresEventStore, migrateEventStore } from '@ishc/event-store';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { ROOT, waitFor } from './support/platform-process';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';
import { appendHistory, registryHistory } from './support/registry-event-stream';

/**
 * ISSUE 6's rebuild, end to end: over a generated province (9 districts, 99 communes, thousands of
 * clubs across the years, some dissolved), `npm run rebuild:reporting`'s command rebuilds reporting's
 * read models from position zero beside the serving ones and switches over. Every read during the
 * rebuild answers, and the answers — and every row of the read models — are identical before and after.
 */
const DATES = ['2019-06-30', '2020-12-31', '2022-03-15', '2024-12-31'];
const UNITS = ['84', 'D0', 'D4', 'D8', 'C0-0', 'C3-5', 'C8-10'];
const QUESTIONS = [
  ...UNITS.flatMap((unit) => DATES.map((asOf) => `indicators?orgUnit=${unit}&asOf=${asOf}`)),
  ...DATES.map((asOf) => `indicators/breakdown?orgUnit=84&asOf=${asOf}&by=commune`),
  'indicators/breakdown?orgUnit=D2&asOf=2024-12-31&by=club',
];

async function readModels(pool: Pool): Promise<Record<string, unknown[]>> {
  const tables = await pool.query<{ name: string }>(
    `SELECT viewname AS name FROM pg_views WHERE schemaname = 'public' AND viewname LIKE 'rp\\_%' AND viewname <> 'rp_read_model_identity' AND viewname <> 'rp_projection_version' ORDER BY 1`,
  );
  const model: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) model[name] = (await pool.query(`SELECT to_jsonb(t) AS row FROM ${name} t ORDER BY to_jsonb(t)::text`)).rows.map((r) => r.row);
  return model;
}

/** The command as an operator runs it (compiled by the test run's build), against the gateway. */
function runRebuildCommand(gatewayUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/tools/run/rebuild/cli.js'), gatewayUrl], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function rebuildOver(transport: 'embedded' | 'kafka'): void {
  describeWith(transport === 'kafka' ? ['postgres', 'kafka'] : ['postgres'], `rebuilding reporting's read models over a generated province — ${transport} transport`, () => {
    let platform: PlatformUnderTest;
    beforeAll(async () => {
      platform = await startPlatform({ services: transport === 'kafka' ? ['registry', 'reporting'] : ['reporting'], transport });
    }, 180_000); // joining Kafka consumer groups on a loaded 2-core machine can take more than jest's minute
    afterAll(() => platform?.close());

    it('answers identically before, during and after the rebuild, and goes on projecting', async () => {
      const registry = new PostgresEventStore(platform.databases.get('registry')!.pool);
      await migrateEventStore(registry.pool);
      const last = await appendHistory(registry, registryHistory(5_000), 250, async () => undefined);
      const token = `registry:${last.lastPosition.transactionId}:${last.lastPosition.globalPosition}`;
      const admin = await platform.token();
      const ask = async (question: string, consistentWith = '') => {
        const res = await fetch(`${platform.gateway.url}/api/reporting/${question}${consistentWith ? `&consistentWith=${consistentWith}` : ''}`, {
          headers: { authorization: `Bearer ${admin}` },
        });
        return { status: res.status, body: (await res.json()) as unknown };
      };
      await waitFor(async () => (await ask(QUESTIONS[0], token)).status === 200, 120_000, 'reporting to project the province');
      const before = await Promise.all(QUESTIONS.map((q) => ask(q)));
      expect(before.map((a) => a.status)).toEqual(QUESTIONS.map(() => 200));
      const reportingDb = platform.databases.get('reporting')!.pool;
      const modelBefore = await readModels(reportingDb);
      expect(modelBefore.rp_club.length).toBeGreaterThan(2500);

      const command = runRebuildCommand(platform.gateway.url);
      let finished = false;
      command.then(() => (finished = true));
      let readsDuring = 0;
      while (!finished) {
        const question = QUESTIONS[readsDuring % QUESTIONS.length];
        expect(await ask(question)).toEqual(before[readsDuring % QUESTIONS.length]);
        readsDuring++;
      }
      const { code, output } = await command;
      expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('generation 1 is active') });
      expect(readsDuring).toBeGreaterThan(0);

      expect(await Promise.all(QUESTIONS.map((q) => ask(q)))).toEqual(before);
      expect(await readModels(reportingDb)).toEqual(modelBefore);
      const definition = await reportingDb.query(`SELECT definition FROM pg_views WHERE schemaname = 'public' AND viewname = 'rp_club'`);
      expect(definition.rows[0].definition).toContain('rp_generation_1.rp_club');

      // The rebuilt generation is the live one now: a new write reaches it, read-your-writes included.
      const more = await appendHistory(registry, registryHistory(5_200).slice(-20), 20, async () => undefined);
      const next = `registry:${more.lastPosition.transactionId}:${more.lastPosition.globalPosition}`;
      await waitFor(async () => (await ask(QUESTIONS[0], next)).status === 200, 60_000, 'the new generation to project a new write');

      // Generation 0's consumer goes with it: its checkpoints (embedded) or inbox rows (Kafka), and below its group.
      const [bookkeeping, key] = transport === 'kafka' ? ['messaging_inbox', 'consumer'] : ['checkpoints', 'processor_id'];
      const rowsOf = async (consumer: string) => (await reportingDb.query(`SELECT 1 FROM ${bookkeeping} WHERE ${key} = $1 LIMIT 1`, [consumer])).rowCount;
      await waitFor(async () => (await rowsOf('reporting-projections')) === 0, 60_000, "generation 0's consumer rows to be deleted");
      expect(await rowsOf('reporting-projections-g1')).toBe(1);

      if (transport === 'kafka') {
        const namespace = platform.env.KAFKA_NAMESPACE;
        const topic = `${namespace}ishc.registry.events`;
        const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: 'rebuild-e2e', logLevel: logLevel.NOTHING });
        const kafkaAdmin = kafka.admin();
        await kafkaAdmin.connect();
        try {
          const groups = async () => (await kafkaAdmin.listGroups()).groups.map((group) => group.groupId);
          await waitFor(async () => !(await groups()).includes(`${namespace}reporting-projections`), 60_000, "generation 0's consumer group to be deleted");
          expect(await groups()).toContain(`${namespace}reporting-projections-g1`);

          // A topic that lost its oldest messages (retention, a deletion) cannot feed a rebuild: 409, naming it.
          await kafkaAdmin.fetchTopicMetadata({ topics: [topic] }); // deleteTopicRecords needs it loaded
          await kafkaAdmin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '1' }] });
        } finally {
          await kafkaAdmin.disconnect();
        }
        const refused = await fetch(`${platform.gateway.url}/api/reporting/rebuilds`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
        expect(refused.status).toBe(409);
        expect(((await refused.json()) as { detail: string }).detail).toContain(`${topic}[0] starts at offset 1`);
      }
    }, 360_000);
  });
}

rebuildOver('embedded');
rebuildOver('kafka');
