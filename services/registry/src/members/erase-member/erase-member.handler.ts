import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MEMBER_STREAM, memberStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { decideEraseMember, evolveMember, initialMemberState } from '../domain/member';
import { memberTable } from '../member.table';
import { EraseMemberCommand } from './erase-member.command';

@CommandHandler(EraseMemberCommand)
export class EraseMemberHandler implements ICommandHandler<EraseMemberCommand, { erasedOn: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ memberId, actor }: EraseMemberCommand): Promise<{ erasedOn: string }> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const outcome = await decideAndAppend(this.store, {
          streamId: memberStreamId(memberId),
          streamType: MEMBER_STREAM,
          decider: { decide: decideEraseMember, evolve: evolveMember, initialState: initialMemberState },
          command: { memberId, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
        });
        const erasedOn = outcome.state.erasedOn as string;
        // Also on a repeat: whatever key material is left goes.
        await memberTable.erase(client, memberId, erasedOn);
        return { erasedOn };
      }),
    );
  }
}
