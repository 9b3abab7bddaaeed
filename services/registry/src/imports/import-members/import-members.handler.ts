import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EncryptedPersonalDataV1, MEMBERSHIPS_STREAM, MEMBER_STREAM, MemberJoinedClubV1, MemberRegisteredV1, memberStreamId, membershipsStreamId } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { NewStream, PostgresEventStore } from '@ishc/event-store';
import { Actor, Clock, EVENT_STORE, FieldError, ScopeChecker, UnitOfWork, canonicalJson, commandMetadata } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { clubCommuneOn } from '../../clubs/club-commune';
import { ClubView, clubTable } from '../../clubs/club.table';
import { DuplicateReason, matchKeys } from '../../members/domain/duplicate-match';
import { decideRegisterMember, initialMemberState } from '../../members/domain/member';
import { MemberKeyring } from '../../members/member-keyring';
import { PossibleDuplicate, memberTable } from '../../members/member.table';
import { decideJoinClub, initialMembershipsState } from '../../memberships/domain/memberships';
import { membershipTable } from '../../memberships/membership.table';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { ParsedImportRow, parseImportRow } from '../member-import-row';
import { ImportMembersCommand, ImportMembersResult, ImportRowResult } from './import-members.command';

/** Rows written per round of statements: each table gets one multi-row INSERT per batch. */
const BATCH_SIZE = 500;
/** The decider needs ciphertext; a dry run checks the rules without encrypting anything. */
const NO_CIPHERTEXT: EncryptedPersonalDataV1 = { alg: 'A256GCM', iv: '', tag: '', ciphertext: '' };

const violationErrors = (error: unknown): FieldError[] => {
  if (error instanceof RuleViolations) return error.violations.map((v) => ({ field: v.field ?? 'row', message: v.message }));
  if (error instanceof RuleViolation) return [{ field: error.field ?? 'row', message: error.message }];
  throw error;
};

/** A row that passed every check, with what its writing needs. */
interface ValidRow {
  result: ImportRowResult;
  parsed: ParsedImportRow & { member: NonNullable<ParsedImportRow['member']> };
  fingerprint: string;
  hashes: Array<{ reason: DuplicateReason; hash: string }>;
  club: ClubView | null;
}

/**
 * Bulk registration from a member file. Every row is checked as `POST /members` (and `POST
 * /clubs/{id}/memberships` when it names a club) would check it, with the caller's scope per row. A dry
 * run stops there. A real run, in one transaction, appends each valid row's events (a stream each, as
 * single registrations do) and writes the read tables, with one statement per batch of rows and table.
 * Rows imported before (same keyed fingerprint) are `existing`: importing a file again creates nothing.
 */
@CommandHandler(ImportMembersCommand)
export class ImportMembersHandler implements ICommandHandler<ImportMembersCommand, ImportMembersResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly keyring: MemberKeyring,
    private readonly scope: ScopeChecker,
  ) {}

  execute({ rows, dryRun, actor }: ImportMembersCommand): Promise<ImportMembersResult> {
    return this.unitOfWork.run(async (client) => {
      // One import at a time: "imported before" and duplicate checks see every earlier import whole.
      if (!dryRun) await client.query(`SELECT pg_advisory_xact_lock(hashtext('ishc:registry-member-import'))`);
      const today = this.clock.today();
      const results: ImportRowResult[] = [];
      const valid: ValidRow[] = [];
      const facts = new FactCache(client, this.scope, actor, today);
      for (const fileRow of rows) {
        const parsed = parseImportRow(fileRow);
        const result: ImportRowResult = { row: parsed.row, status: 'invalid', errors: [...parsed.errors], possibleDuplicates: [] };
        results.push(result);
        if (parsed.member === null || result.errors.length > 0) continue;
        const member = parsed.member;
        const club = parsed.membership ? await facts.club(parsed.membership.clubId) : null;
        result.errors.push(...(await this.ruleErrors({ ...parsed, member }, club, facts, today)));
        if (result.errors.length > 0) continue;
        const keys = this.keyring.keys;
        const birthYear = member.birthDate !== undefined ? Number(member.birthDate.slice(0, 4)) : (member.birthYear as number);
        valid.push({
          result,
          parsed: { ...parsed, member },
          club,
          fingerprint: keys.matchHash(`import|${canonicalJson({ member, membership: parsed.membership })}`),
          hashes: matchKeys({ fullName: member.fullName, birthYear, communeCode: member.communeCode, nationalId: member.nationalId ?? null }).map((k) => ({
            reason: k.reason,
            hash: keys.matchHash(k.key),
          })),
        });
      }
      const fresh = await this.setAsideExisting(client, valid);
      await this.findPossibleDuplicates(client, fresh);
      if (!dryRun) {
        const idOfRow = new Map<number, string>();
        for (let i = 0; i < fresh.length; i += BATCH_SIZE) await this.write(client, fresh.slice(i, i + BATCH_SIZE), { actor, today, facts, idOfRow });
      }
      for (const v of fresh) v.result.status = dryRun ? 'valid' : 'created';
      const count = (status: ImportRowResult['status']) => results.filter((r) => r.status === status).length;
      return { dryRun, total: results.length, valid: count('valid'), created: count('created'), existing: count('existing'), invalid: count('invalid'), rows: results };
    });
  }

  /** The rules of registration and joining, and the caller's scope, for a row whose fields are well-formed. */
  private async ruleErrors(parsed: ValidRow['parsed'], club: ClubView | null, facts: FactCache, today: string): Promise<FieldError[]> {
    const { member, membership } = parsed;
    const errors: FieldError[] = [];
    const commune = await facts.unit(member.communeCode);
    try {
      decideRegisterMember(
        {
          memberId: randomUUID(),
          sex: member.sex,
          birthDate: member.birthDate ?? null,
          birthYear: member.birthYear ?? null,
          ethnicMinority: member.ethnicMinority ?? null,
          disadvantaged: member.disadvantaged ?? [],
          communeCode: member.communeCode,
          commune,
          personal: NO_CIPHERTEXT,
          today,
        },
        initialMemberState(),
      );
    } catch (error) {
      errors.push(...violationErrors(error));
    }
    if (commune !== null && !(await facts.inScope(member.communeCode))) errors.push({ field: 'communeCode', message: `${member.communeCode} is outside your scope` });
    if (membership) {
      if (club === null) errors.push({ field: 'clubId', message: `unknown club ${membership.clubId}` });
      else {
        try {
          const clubFacts = { establishedOn: club.establishedOn, dissolvedOn: club.dissolvedOn };
          decideJoinClub({ memberId: 'new', clubId: club.clubId, club: clubFacts, joinedOn: membership.joinedOn, roles: membership.roles, today }, initialMembershipsState());
        } catch (error) {
          errors.push(...violationErrors(error));
        }
        const communeCode = await facts.clubCommune(club.clubId);
        if (!(await facts.inScope(communeCode))) errors.push({ field: 'clubId', message: `the club's commune ${communeCode} is outside your scope` });
      }
    }
    return errors;
  }

  /** Rows imported before, or repeated in this file, are `existing`; the others are returned. */
  private async setAsideExisting(client: PoolClient, valid: ValidRow[]): Promise<ValidRow[]> {
    const imported = await memberTable.importedRows(client, [...new Set(valid.map((v) => v.fingerprint))]);
    const firstRow = new Map<string, ValidRow>();
    const fresh: ValidRow[] = [];
    for (const v of valid) {
      const earlier = imported.get(v.fingerprint);
      const sameInFile = firstRow.get(v.fingerprint);
      if (earlier !== undefined) Object.assign(v.result, { status: 'existing', id: earlier });
      else if (sameInFile) Object.assign(v.result, { status: 'existing', sameAsRow: sameInFile.result.row });
      else {
        firstRow.set(v.fingerprint, v);
        fresh.push(v);
      }
    }
    return fresh;
  }

  /** Possible duplicates of each new row: registered members, and earlier rows of the file. Reported, never merged. */
  private async findPossibleDuplicates(client: PoolClient, fresh: ValidRow[]): Promise<void> {
    const registered = await memberTable.matchingHashes(client, [...new Set(fresh.flatMap((v) => v.hashes.map((h) => h.hash)))]);
    const byHash = new Map<string, typeof registered>();
    for (const m of registered) byHash.set(m.hash, [...(byHash.get(m.hash) ?? []), m]);
    const earlierRows = new Map<string, ValidRow[]>();
    for (const v of fresh) {
      for (const { reason, hash } of v.hashes) {
        for (const m of byHash.get(hash) ?? []) if (m.reason === reason) v.result.possibleDuplicates.push({ duplicateOf: m.memberId, reason });
        for (const e of earlierRows.get(hash) ?? []) v.result.possibleDuplicates.push({ duplicateOfRow: e.result.row, reason });
        earlierRows.set(hash, [...(earlierRows.get(hash) ?? []), v]);
      }
    }
  }

  /** One batch: one statement appending every new stream, then one multi-row statement per read table. */
  private async write(
    client: PoolClient,
    batch: ValidRow[],
    { actor, today, facts, idOfRow }: { actor: Actor; today: string; facts: FactCache; idOfRow: Map<number, string> },
  ): Promise<void> {
    const keys = this.keyring.keys;
    const registered: Array<{ member: MemberRegisteredV1; wrappedKey: EncryptedPersonalDataV1 }> = [];
    const joins: MemberJoinedClubV1[] = [];
    const streams: NewStream[] = [];
    const metadata = commandMetadata(actor);
    for (const v of batch) {
      const { member, membership } = v.parsed;
      const memberId = randomUUID();
      v.result.id = memberId;
      idOfRow.set(v.result.row, memberId);
      const dataKey = keys.newDataKey();
      const personal = keys.encrypt(memberId, dataKey, {
        fullName: member.fullName,
        birthDate: member.birthDate ?? null,
        ethnicity: member.ethnicity ?? null,
        phone: member.phone ?? null,
        nationalId: member.nationalId ?? null,
      });
      const [event] = decideRegisterMember(
        {
          memberId,
          sex: member.sex,
          birthDate: member.birthDate ?? null,
          birthYear: member.birthYear ?? null,
          ethnicMinority: member.ethnicMinority ?? null,
          disadvantaged: member.disadvantaged ?? [],
          communeCode: member.communeCode,
          commune: await facts.unit(member.communeCode),
          personal,
          today,
        },
        initialMemberState(),
      );
      streams.push({ streamId: memberStreamId(memberId), streamType: MEMBER_STREAM, events: [{ type: event.type, data: event.data, metadata }] });
      registered.push({ member: event.data as MemberRegisteredV1, wrappedKey: keys.wrap(memberId, dataKey) });
      if (membership && v.club) {
        const club = { establishedOn: v.club.establishedOn, dissolvedOn: v.club.dissolvedOn };
        const joined = decideJoinClub({ memberId, clubId: membership.clubId, club, joinedOn: membership.joinedOn, roles: membership.roles, today }, initialMembershipsState());
        streams.push({ streamId: membershipsStreamId(memberId), streamType: MEMBERSHIPS_STREAM, events: joined.map((e) => ({ type: e.type, data: e.data, metadata })) });
        joins.push(joined[0].data as MemberJoinedClubV1);
      }
    }
    // Every new stream of the batch in one statement (the event store reports them for the consistency token).
    await this.store.appendNewStreams(streams, { client });
    await memberTable.insertMany(client, registered);
    const hashes = batch.flatMap((v) => v.hashes.map((h) => ({ memberId: v.result.id as string, ...h })));
    const duplicates: PossibleDuplicate[] = batch.flatMap((v) =>
      v.result.possibleDuplicates.map((d) => ({
        memberId: v.result.id as string,
        duplicateOf: d.duplicateOf ?? (idOfRow.get(d.duplicateOfRow as number) as string),
        reason: d.reason,
      })),
    );
    await memberTable.recordMatchesMany(client, hashes, duplicates);
    await membershipTable.insertJoins(client, joins);
    await memberTable.recordImportedRows(client, batch.map((v) => ({ fingerprint: v.fingerprint, memberId: v.result.id as string })));
  }
}

/** Looked up once per import: org units, clubs and the caller's scope over them. */
class FactCache {
  private readonly units = new Map<string, Awaited<ReturnType<typeof orgUnitTable.find>>>();
  private readonly clubs = new Map<string, ClubView | null>();
  private readonly scopes = new Map<string, boolean>();
  private readonly clubCommunes = new Map<string, string>();

  constructor(
    private readonly client: PoolClient,
    private readonly scope: ScopeChecker,
    private readonly actor: Actor,
    private readonly today: string,
  ) {}

  async unit(code: string) {
    if (!this.units.has(code)) this.units.set(code, await orgUnitTable.find(this.client, code));
    return this.units.get(code) ?? null;
  }

  async club(clubId: string): Promise<ClubView | null> {
    if (!this.clubs.has(clubId)) this.clubs.set(clubId, await clubTable.find(this.client, clubId, 'share'));
    return this.clubs.get(clubId) ?? null;
  }

  /** The club's commune today, through whole successions (as the membership routes check scope). */
  async clubCommune(clubId: string): Promise<string> {
    if (!this.clubCommunes.has(clubId)) this.clubCommunes.set(clubId, (await clubCommuneOn(this.client, clubId, this.today)).communeCode);
    return this.clubCommunes.get(clubId) as string;
  }

  async inScope(code: string): Promise<boolean> {
    if (!this.scopes.has(code)) this.scopes.set(code, await this.scope.isInScope(this.actor, code, this.today));
    return this.scopes.get(code) as boolean;
  }
}
