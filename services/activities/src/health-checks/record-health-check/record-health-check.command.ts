import { Actor } from '@ishc/platform';
import { RecordHealthCheckBody } from './record-health-check.body';

export class RecordHealthCheckCommand {
  constructor(
    readonly body: RecordHealthCheckBody,
    readonly actor: Actor,
  ) {}
}
