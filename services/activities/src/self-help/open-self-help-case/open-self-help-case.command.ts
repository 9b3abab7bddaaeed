import { Actor } from '@ishc/platform';
import { OpenSelfHelpCaseBody } from './open-self-help-case.body';

export class OpenSelfHelpCaseCommand {
  constructor(
    readonly body: OpenSelfHelpCaseBody,
    readonly actor: Actor,
  ) {}
}
