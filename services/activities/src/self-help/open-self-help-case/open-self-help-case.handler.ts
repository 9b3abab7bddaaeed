import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SELF_HELP_CASE_STREAM, selfHelpCaseStreamId } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ClubActivityRecorder } from '../../activity-log/record-club-activity';
import { decideOpenSelfHelpCase, evolveSelfHelpCase, initialSelfHelpCaseState } from '../domain/self-help-case';
import { OpenSelfHelpCaseCommand } from './open-self-help-case.command';

@CommandHandler(OpenSelfHelpCaseCommand)
export class OpenSelfHelpCaseHandler implements ICommandHandler<OpenSelfHelpCaseCommand, { id: string }> {
  constructor(private readonly recorder: ClubActivityRecorder) {}

  execute({ body, actor }: OpenSelfHelpCaseCommand): Promise<{ id: string }> {
    const caseId = randomUUID();
    const { clubId, openedOn, kind } = body;
    const beneficiaryId = body.beneficiaryId ?? null;
    return this.recorder.record({
      recordId: caseId,
      clubId,
      memberIds: beneficiaryId === null ? [] : [beneficiaryId],
      streamId: selfHelpCaseStreamId(caseId),
      streamType: SELF_HELP_CASE_STREAM,
      newStream: true,
      decide: (state, context, today) =>
        decideOpenSelfHelpCase({ caseId, clubId, beneficiaryId, openedOn, kind, valueVnd: body.valueVnd ?? null, today, context }, state),
      evolve: evolveSelfHelpCase,
      initialState: initialSelfHelpCaseState,
      logEntry: { kind: 'self_help_case', on: openedOn, details: null, subjectId: null },
      actor,
    });
  }
}
