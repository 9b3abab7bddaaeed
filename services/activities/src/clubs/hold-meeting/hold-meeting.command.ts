import { Actor } from '@ishc/platform';
import { HoldMeetingBody } from './hold-meeting.body';

export class HoldMeetingCommand {
  constructor(
    readonly clubId: string,
    readonly body: HoldMeetingBody,
    readonly actor: Actor,
  ) {}
}
