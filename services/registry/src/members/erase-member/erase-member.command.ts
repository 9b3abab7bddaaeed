import { Actor } from '@ishc/platform';

export class EraseMemberCommand {
  constructor(
    readonly memberId: string,
    readonly actor: Actor,
  ) {}
}
