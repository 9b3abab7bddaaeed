import { Actor } from '@ishc/platform';
import { PossibleDuplicate } from '../member.table';
import { RegisterMemberBody } from './register-member.body';

export class RegisterMemberCommand {
  constructor(
    readonly memberId: string,
    readonly body: RegisterMemberBody,
    readonly actor: Actor,
  ) {}
}

export interface RegisterMemberResult {
  memberId: string;
  possibleDuplicates: Array<Pick<PossibleDuplicate, 'duplicateOf' | 'reason'>>;
}
