import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { readOrgUnitValidity } from '../../indicators/coverage-facts.query';
import { PLAN_STREAM, decideDefinePlan, evolvePlan, initialPlanState, planStreamId } from '../domain/plan';
import { planTable } from '../plan.table';
import { DefinePlanCommand, DefinePlanResult } from './define-plan.command';

@CommandHandler(DefinePlanCommand)
export class DefinePlanHandler implements ICommandHandler<DefinePlanCommand, DefinePlanResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ definition, actor }: DefinePlanCommand): Promise<DefinePlanResult> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        // The unit as the projection of registry events knows it (reporting's replica of the hierarchy).
        const unit = await readOrgUnitValidity(client, definition.orgUnitCode);
        const outcome = await decideAndAppend(this.store, {
          streamId: planStreamId(definition.code),
          streamType: PLAN_STREAM,
          decider: { decide: decideDefinePlan, evolve: evolvePlan, initialState: initialPlanState },
          command: { definition, unit },
          client,
          metadata: commandMetadata(actor),
        });
        // The read table follows the events in the same transaction (an inline projection).
        if (outcome.appended) await planTable.save(client, definition, outcome.appended.nextExpectedVersion);
        return { plan: definition, created: outcome.previousVersion === null, changed: outcome.appended !== null };
      }),
    );
  }
}
