import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ORG_UNIT_STREAM, orgUnitStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { decideDefineOrgUnit, evolveOrgUnit, initialOrgUnitState } from '../domain/org-unit';
import { orgUnitTable } from '../org-unit.table';
import { DefineOrgUnitCommand, DefineOrgUnitResult } from './define-org-unit.command';

@CommandHandler(DefineOrgUnitCommand)
export class DefineOrgUnitHandler implements ICommandHandler<DefineOrgUnitCommand, DefineOrgUnitResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ definition, actor }: DefineOrgUnitCommand): Promise<DefineOrgUnitResult> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const parent = definition.parentCode ? await orgUnitTable.find(client, definition.parentCode) : null;
        const outcome = await decideAndAppend(this.store, {
          streamId: orgUnitStreamId(definition.code),
          streamType: ORG_UNIT_STREAM,
          decider: { decide: decideDefineOrgUnit, evolve: evolveOrgUnit, initialState: initialOrgUnitState },
          command: { definition, parent },
          client,
          metadata: commandMetadata(actor),
        });
        // The read table follows the events in the same transaction (an inline projection).
        if (outcome.appended) await orgUnitTable.save(client, definition);
        return { unit: definition, created: outcome.previousVersion === null, changed: outcome.appended !== null };
      }),
    );
  }
}
