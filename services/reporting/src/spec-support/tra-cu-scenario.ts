import { MemberRegisteredV1 } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ReportingTestApp } from './reporting-test-app';

const PERSONAL: MemberRegisteredV1['personal'] = { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VjcmV0' };

/** The clubs of the scenario, by name. */
export interface TraCuScenario {
  clubs: { a: string; b: string; c: string; d: string };
  /** Tokens of every write, for consistentWith. */
  tokens: string[];
}

/**
 * Trà Cú across the 2025 reform, on the built-in reference data:
 * - A in Thị trấn Trà Cú (29461 → V86-TRACU), established 2020-01-01: before the plan, not new;
 * - B in 29461, established 2022-03-01: new; 50 members (30 women, 30 aged 60+ in 2025, 20 younger),
 *   both funds from 2022;
 * - C in Xã Phước Hưng (29464 → V86-TAPSON), established 2023-06-01: new; 3 members, 2 older;
 * - D in the new Xã Lưu Nghiệp Anh (V86-LNA), established 2025-09-01: new, after the reform.
 */
export async function traCuScenario(t: ReportingTestApp): Promise<TraCuScenario> {
  const tokens = [await t.referenceData()];
  const a = await t.establishClub('29461', '2020-01-01');
  const b = await t.establishClub('29461', '2022-03-01');
  const c = await t.establishClub('29464', '2023-06-01');
  const d = await t.establishClub('V86-LNA', '2025-09-01');
  tokens.push(a.token, b.token, c.token, d.token);
  const members: Array<{ clubId: string; sex: 'F' | 'M'; birthYear: number }> = [];
  // B: 30 older (born 1950; the first 20 women), 20 younger (born 1990; the first 10 women).
  for (let i = 0; i < 30; i++) members.push({ clubId: b.clubId, sex: i < 20 ? 'F' : 'M', birthYear: 1950 });
  for (let i = 0; i < 20; i++) members.push({ clubId: b.clubId, sex: i < 10 ? 'F' : 'M', birthYear: 1990 });
  // C: two older (one 57 in 2025: older with elderlyAge 55 only), one younger.
  members.push({ clubId: c.clubId, sex: 'F', birthYear: 1940 }, { clubId: c.clubId, sex: 'M', birthYear: 1945 }, { clubId: c.clubId, sex: 'F', birthYear: 1968 });
  for (const m of members) {
    const memberId = randomUUID();
    tokens.push(
      await t.memberEvents(memberId, [
        {
          type: 'MemberRegistered',
          data: { memberId, sex: m.sex, birthYear: m.birthYear, ethnicMinority: true, disadvantaged: [], communeCode: '29461', registeredOn: '2023-06-01', personal: PERSONAL },
        },
        { type: 'MemberJoinedClub', data: { memberId, clubId: m.clubId, joinedOn: '2023-06-01', roles: ['member'] } },
      ]),
    );
  }
  tokens.push(await t.fundEvents(b.clubId, 'income', [{ type: 'FundOpened', data: { clubId: b.clubId, kind: 'income', openedOn: '2022-04-01' } }]));
  tokens.push(await t.fundEvents(b.clubId, 'activity', [{ type: 'FundOpened', data: { clubId: b.clubId, kind: 'activity', openedOn: '2022-04-01' } }]));
  return { clubs: { a: a.clubId, b: b.clubId, c: c.clubId, d: d.clubId }, tokens: lastPerService(tokens) };
}

/** The last token of each service (a token stands for all of that service's earlier writes). */
function lastPerService(tokens: string[]): string[] {
  const last = new Map<string, string>();
  for (const token of tokens) last.set(token.split(':')[0], token);
  return [...last.values()];
}

/**
 * Waits until reporting has projected every write of the tokens: a read with consistentWith, repeated
 * while it answers 503 (a loaded machine may need more than the read's own 10 s).
 */
export async function untilProjected(t: ReportingTestApp, tokens: string[], timeoutMs = 60_000): Promise<void> {
  const admin = await t.token();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(t.app.getHttpServer())
      .get(`/api/reporting/indicators?orgUnit=VN&asOf=2025-12-31&consistentWith=${tokens.join(',')}`)
      .set('Authorization', `Bearer ${admin}`);
    if (res.status === 200) return;
    if (res.status !== 503 || Date.now() > deadline) throw new Error(`reporting did not catch up: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
