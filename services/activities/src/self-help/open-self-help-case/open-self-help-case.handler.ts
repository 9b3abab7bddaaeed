import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SELF_HELP_CASE_STREAM, selfHelpCaseStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { activityLogTable } from '../../activity-log/activity-log.table';
import { loadClubContext } from '../../clubs/club-context';
import { decideOpenSelfHelpCase, evolveSelfHelpCase, initialSelfHelpCaseState } from '../domain/self-help-case';
import { OpenSelfHelpCaseCommand } from './open-self-help-case.command';

@CommandHandler(OpenSelfHelpCaseCommand)
export class OpenSelfHelpCaseHandler implements ICommandHandler<OpenSelfHelpCaseCommand, { id: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: OpenSelfHelpCaseCommand): Promise<{ id: string }> {
    const caseId = randomUUID();
    const { clubId, openedOn, kind } = body;
    const beneficiaryId = body.beneficiaryId ?? null;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadClubContext(client, clubId, beneficiaryId === null ? [] : [beneficiaryId]);
        const { events } = await decideAndAppend(this.store, {
          streamId: selfHelpCaseStreamId(caseId),
          streamType: SELF_HELP_CASE_STREAM,
          decider: { decide: decideOpenSelfHelpCase, evolve: evolveSelfHelpCase, initialState: initialSelfHelpCaseState },
          command: { caseId, clubId, beneficiaryId, openedOn, kind, valueVnd: body.valueVnd ?? null, today: this.clock.today(), context },
          client,
          metadata: commandMetadata(actor),
        });
        await activityLogTable.add(client, { recordId: caseId, clubId, kind: 'self_help_case', on: openedOn, record: events[0].data, details: null, subjectId: null });
        return { id: caseId };
      }),
    );
  }
}
