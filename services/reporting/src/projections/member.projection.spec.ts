import { describeWith } from '@ishc/testing';
import { MemberRegisteredV1, OrgUnitDefinedV1 } from '@ishc/contracts';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { memberIndicators } from '../indicators/domain/member-indicators';
import { readMemberFacts } from '../indicators/member-facts.query';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null): ProjectedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom: '1992-05-01', validTo: null, attributes: {} } satisfies OrgUnitDefinedV1,
});
const registered = (memberId: string, over: Partial<MemberRegisteredV1> = {}): ProjectedEvent => ({
  type: 'MemberRegistered',
  data: {
    memberId,
    sex: 'F',
    birthYear: 1960,
    ethnicMinority: false,
    disadvantaged: [],
    communeCode: 'C1',
    registeredOn: '2020-01-01',
    personal: { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VjcmV0' },
    ...over,
  } satisfies MemberRegisteredV1,
});
const joined = (memberId: string, clubId: string, joinedOn: string): ProjectedEvent => ({
  type: 'MemberJoinedClub',
  data: { memberId, clubId, joinedOn, roles: ['member'] },
});
const ended = (memberId: string, clubId: string, leftOn: string, reason: string | null = null): ProjectedEvent => ({
  type: 'MembershipEnded',
  data: { memberId, clubId, leftOn, reason },
});

const CLUB_A = id(101);
const CLUB_B = id(102);
const [ANH, BINH, CUC, DAO, EM] = [id(1), id(2), id(3), id(4), id(5)];

// Given a commune with two clubs, five members over time: a move between clubs, a death, a rejoin.
const history: ProjectedEvent[] = [
  unit('VN', 'country', null),
  unit('D1', 'district', 'VN'),
  unit('C1', 'commune', 'D1'),
  { type: 'ClubEstablished', data: { clubId: CLUB_A, name: 'A', communeCode: 'C1', hamletCode: null, establishedOn: '2020-01-01' } },
  { type: 'ClubEstablished', data: { clubId: CLUB_B, name: 'B', communeCode: 'C1', hamletCode: null, establishedOn: '2020-01-01' } },
  registered(ANH, { birthYear: 1964, ethnicMinority: true, disadvantaged: ['poor', 'living_alone'] }),
  registered(BINH, { sex: 'M', birthYear: 1990 }),
  registered(CUC, { birthYear: 1950, disadvantaged: ['disability'] }),
  registered(DAO, { sex: 'M', birthYear: 1955, ethnicMinority: null }),
  joined(ANH, CLUB_A, '2021-01-01'),
  joined(BINH, CLUB_A, '2021-01-01'),
  // Binh moves to club B on 2023-03-01.
  ended(BINH, CLUB_A, '2023-03-01', 'moved'),
  joined(BINH, CLUB_B, '2023-03-01'),
  joined(CUC, CLUB_B, '2021-01-01'),
  // Cuc dies on 2023-06-15: the membership ends that day, then the death.
  ended(CUC, CLUB_B, '2023-06-15', 'died'),
  { type: 'MemberDied', data: { memberId: CUC, diedOn: '2023-06-15' } },
  // Dao leaves club A and rejoins it later.
  joined(DAO, CLUB_A, '2021-01-01'),
  ended(DAO, CLUB_A, '2022-01-01'),
  joined(DAO, CLUB_A, '2023-01-01'),
  // Em dies before the registration is projected (another stream): the death is kept.
  { type: 'MemberDied', data: { memberId: EM, diedOn: '2022-06-01' } },
  registered(EM, { birthYear: 1940 }),
  joined(EM, CLUB_B, '2021-01-01'),
  ended(EM, CLUB_B, '2022-06-01', 'died'),
];

describeWith(['postgres'], 'reporting projection of members and memberships', () => {
  const db = givenReportingDatabase('reporting_member_projection');

  const apply = (events: ProjectedEvent[]) => db.inTransaction((client) => projectRegistryEvents(events, client));
  const membersAt = async (unitCode: string, asOf: string) => {
    const { clubs } = await readCoverageFacts(db.pool, unitCode, asOf);
    const result = memberIndicators(clubs, await readMemberFacts(db.pool, clubs.map((c) => c.clubId), asOf), asOf);
    return Object.fromEntries(result.map((i) => [i.code, i.value]));
  };

  it('keeps members (statistics only) and dated memberships, and answers each date', async () => {
    await apply(history);
    const members = await db.pool.query(`SELECT member_id, sex, birth_year, ethnic_minority, disadvantaged, to_char(died_on, 'YYYY-MM-DD') AS died_on FROM rp_member ORDER BY member_id`);
    expect(members.rows).toEqual([
      { member_id: ANH, sex: 'F', birth_year: 1964, ethnic_minority: true, disadvantaged: ['poor', 'living_alone'], died_on: null },
      { member_id: BINH, sex: 'M', birth_year: 1990, ethnic_minority: false, disadvantaged: [], died_on: null },
      { member_id: CUC, sex: 'F', birth_year: 1950, ethnic_minority: false, disadvantaged: ['disability'], died_on: '2023-06-15' },
      { member_id: DAO, sex: 'M', birth_year: 1955, ethnic_minority: null, disadvantaged: [], died_on: null },
      { member_id: EM, sex: 'F', birth_year: 1940, ethnic_minority: false, disadvantaged: [], died_on: '2022-06-01' },
    ]);
    const dao = await db.pool.query(
      `SELECT to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM rp_membership WHERE member_id = $1 ORDER BY joined_on`,
      [DAO],
    );
    expect(dao.rows).toEqual([
      { joined_on: '2021-01-01', left_on: '2022-01-01' },
      { joined_on: '2023-01-01', left_on: null },
    ]);

    // 2021-12-31: all five; Anh turns 57 that year (young), the others 31, 71, 66, 81.
    expect(await membersAt('D1', '2021-12-31')).toEqual({
      members_active: 5,
      members_active_women: 3,
      members_active_older: 3,
      members_active_young: 2,
      members_active_ethnic_minority: 1,
      members_active_disadvantaged: 2,
    });
    // 2022-06-01: Dao has left (leftOn exclusive), Em died that day.
    expect((await membersAt('D1', '2022-06-01')).members_active).toBe(3);
    expect((await membersAt('D1', '2022-05-31')).members_active).toBe(4);
    // 2023-03-01: Binh moved to B that day, counted once; Dao is back.
    expect((await membersAt('C1', '2023-03-01')).members_active).toBe(4);
    // 2023-06-15: Cuc died that day; 2024: Anh turns 60 in year(T), so older from 1 January.
    expect(await membersAt('VN', '2024-01-01')).toEqual({
      members_active: 3,
      members_active_women: 1,
      members_active_older: 2,
      members_active_young: 1,
      members_active_ethnic_minority: 1,
      members_active_disadvantaged: 1,
    });
  });

  it('changes nothing in the statistics when a member is erased (only their encrypted personal data becomes unreadable)', async () => {
    const before = await membersAt('D1', '2024-01-01');
    const rowsBefore = (await db.pool.query('SELECT * FROM rp_member ORDER BY member_id')).rows;
    await apply([{ type: 'MemberErased', data: { memberId: ANH, erasedOn: '2024-02-01' } }]);
    expect(await membersAt('D1', '2024-01-01')).toEqual(before);
    expect(await membersAt('D1', '2024-03-01')).toEqual(before);
    expect((await db.pool.query('SELECT * FROM rp_member ORDER BY member_id')).rows).toEqual(rowsBefore);
  });

  it('gives the same rows and answers when the whole history is applied again (upserts)', async () => {
    const snapshot = async () => ({
      members: (await db.pool.query('SELECT * FROM rp_member ORDER BY member_id')).rows,
      memberships: (await db.pool.query('SELECT * FROM rp_membership ORDER BY member_id, club_id, joined_on')).rows,
      at: [await membersAt('D1', '2021-12-31'), await membersAt('D1', '2023-03-01'), await membersAt('D1', '2024-01-01')],
    });
    const before = await snapshot();
    await apply(history);
    expect(await snapshot()).toEqual(before);
  });
});
