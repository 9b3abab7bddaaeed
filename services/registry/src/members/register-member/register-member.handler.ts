import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MEMBER_STREAM, memberStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { matchKeys } from '../domain/duplicate-match';
import { decideRegisterMember, evolveMember, initialMemberState } from '../domain/member';
import { MemberKeyring } from '../member-keyring';
import { memberTable } from '../member.table';
import { RegisterMemberCommand, RegisterMemberResult } from './register-member.command';

@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand, RegisterMemberResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly keyring: MemberKeyring,
  ) {}

  execute({ memberId, body, actor }: RegisterMemberCommand): Promise<RegisterMemberResult> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const commune = await orgUnitTable.find(client, body.communeCode);
        const dataKey = this.keyring.keys.newDataKey();
        const personal = this.keyring.keys.encrypt(memberId, dataKey, {
          fullName: body.fullName,
          birthDate: body.birthDate ?? null,
          ethnicity: body.ethnicity ?? null,
          phone: body.phone ?? null,
          nationalId: body.nationalId ?? null,
        });
        const outcome = await decideAndAppend(this.store, {
          streamId: memberStreamId(memberId),
          streamType: MEMBER_STREAM,
          decider: { decide: decideRegisterMember, evolve: evolveMember, initialState: initialMemberState },
          command: {
            memberId,
            sex: body.sex,
            birthDate: body.birthDate ?? null,
            birthYear: body.birthYear ?? null,
            ethnicMinority: body.ethnicMinority ?? null,
            disadvantaged: body.disadvantaged ?? [],
            communeCode: body.communeCode,
            commune,
            personal,
            today: this.clock.today(),
          },
          client,
          metadata: commandMetadata(actor),
          // The controller made the id just now: nothing to read before deciding.
          newStream: true,
        });
        const member = outcome.state.member;
        if (!member) throw new Error(`member ${memberId} was not registered`);
        const hashes = matchKeys({ fullName: body.fullName, birthYear: member.birthYear, communeCode: member.communeCode, nationalId: body.nationalId ?? null }).map(
          (k) => ({ reason: k.reason, hash: this.keyring.keys.matchHash(k.key) }),
        );
        const duplicates = await memberTable.register(client, member, this.keyring.keys.wrap(memberId, dataKey), hashes);
        return { memberId, possibleDuplicates: duplicates.map(({ duplicateOf, reason }) => ({ duplicateOf, reason })) };
      }),
    );
  }
}
