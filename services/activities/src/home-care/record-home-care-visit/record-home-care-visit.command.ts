import { Actor } from '@ishc/platform';
import { RecordHomeCareVisitBody } from './record-home-care-visit.body';

export class RecordHomeCareVisitCommand {
  constructor(
    readonly body: RecordHomeCareVisitBody,
    readonly actor: Actor,
  ) {}
}
