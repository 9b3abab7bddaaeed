import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ORG_UNIT_STREAM, orgUnitStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { PoolClient } from 'pg';
import { OrgUnitEvent, decideRecordChangeSet, evolveOrgUnit, initialOrgUnitState } from '../domain/org-unit';
import { HierarchyState, dayBefore, decideOrgUnitChangeSet, streamCodeOf } from '../domain/org-unit-change-set';
import { orgUnitTable } from '../org-unit.table';
import { ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult } from './apply-org-unit-changes.command';

/**
 * One reform in one transaction: the change set is decided on the hierarchy it touches (pure, every
 * rule at once), then each unit's events are appended to its own stream with its expected version and
 * the read tables follow. Any failure rolls everything back. Change sets are serialised by an advisory
 * lock, so two reforms cannot both retire the same unit's children from under each other.
 */
@CommandHandler(ApplyOrgUnitChangesCommand)
export class ApplyOrgUnitChangesHandler implements ICommandHandler<ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ changeSet, actor }: ApplyOrgUnitChangesCommand): Promise<ApplyOrgUnitChangesResult> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ishc:org-unit-changes']);
        if (await orgUnitTable.changeSetApplied(client, changeSet.id)) return { id: changeSet.id, applied: false };
        const events = decideOrgUnitChangeSet(changeSet, await this.hierarchyFor(client, changeSet));
        const byUnit = new Map<string, OrgUnitEvent[]>();
        for (const event of events) byUnit.set(streamCodeOf(event), [...(byUnit.get(streamCodeOf(event)) ?? []), event]);
        for (const [code, unitEvents] of byUnit) {
          await decideAndAppend(this.store, {
            streamId: orgUnitStreamId(code),
            streamType: ORG_UNIT_STREAM,
            decider: { decide: decideRecordChangeSet, evolve: evolveOrgUnit, initialState: initialOrgUnitState },
            command: { changeSetId: changeSet.id, events: unitEvents },
            client,
            metadata: commandMetadata(actor),
          });
        }
        // The read tables follow in the same transaction, in the events' order.
        for (const event of events) {
          if (event.type === 'OrgUnitDefined') await orgUnitTable.save(client, event.data);
          else if (event.type === 'OrgUnitReparented') await orgUnitTable.reparent(client, event.data.code, event.data.parentCode, event.data.effectiveOn);
          else if (event.type === 'OrgUnitRetired') await orgUnitTable.retire(client, event.data.code, event.data.validTo);
          else await orgUnitTable.addSuccession(client, event.data);
        }
        await orgUnitTable.recordChangeSet(client, changeSet.id, changeSet.effectiveOn);
        return { id: changeSet.id, applied: true };
      }),
    );
  }

  /** The units the change set names and the children of those it retires. */
  private async hierarchyFor(client: PoolClient, changeSet: ApplyOrgUnitChangesCommand['changeSet']): Promise<HierarchyState> {
    const named = new Set<string>([
      ...changeSet.retire,
      ...changeSet.create.map((u) => u.code),
      ...changeSet.create.flatMap((u) => (u.parentCode ? [u.parentCode] : [])),
      ...changeSet.reparent.flatMap((r) => [r.code, r.parentCode]),
      ...changeSet.successions.flatMap((s) => [s.from, s.to]),
    ]);
    for (const child of await orgUnitTable.childCodes(client, changeSet.retire, dayBefore(changeSet.effectiveOn))) named.add(child);
    const facts = await orgUnitTable.facts(client, [...named]);
    return { units: Object.fromEntries(facts.map((f) => [f.code, f])), changeSets: [] };
  }
}
