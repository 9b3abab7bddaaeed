import { Actor } from '@ishc/platform';
import { RecordDeathBody } from './record-death.body';

export class RecordDeathCommand {
  constructor(
    readonly body: RecordDeathBody,
    readonly actor: Actor,
  ) {}
}
