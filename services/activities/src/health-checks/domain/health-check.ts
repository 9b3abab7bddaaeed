import { HealthCheckEvent, IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubContext, assertKnown, dateViolations, membershipViolations } from '../../clubs/domain/club-context';

/** A health check is its own stream: recorded once. */
export interface HealthCheckState {
  recorded: boolean;
}

export const initialHealthCheckState = (): HealthCheckState => ({ recorded: false });

export const evolveHealthCheck = (_state: HealthCheckState, _event: HealthCheckEvent): HealthCheckState => ({ recorded: true });

export interface RecordHealthCheck {
  healthCheckId: string;
  clubId: string;
  memberId: string;
  checkedOn: IsoDate;
  today: IsoDate;
  /** What the replica knows of the club and the member. */
  context: ClubContext;
}

/**
 * A member's health check: the club and the member known (else a conflict the client may retry), `checkedOn`
 * within the club's lifetime and not in the future, the member a member of the club that day. The
 * measurements (plausible ranges, at least one) are checked with the request body and never enter the event.
 */
export function decideRecordHealthCheck(command: RecordHealthCheck, state: HealthCheckState): HealthCheckEvent[] {
  if (state.recorded) throw new RuleViolation('conflict', null, `health check ${command.healthCheckId} is already recorded`);
  const { healthCheckId, clubId, memberId, checkedOn, context } = command;
  const people = [{ field: 'memberId', memberId }];
  assertKnown(context, clubId, people);
  const violations = [...dateViolations('checkedOn', checkedOn, command.today, context.club), ...membershipViolations(people, context, clubId, checkedOn)];
  if (violations.length > 0) throw new RuleViolations(violations);
  return [{ type: 'HealthCheckRecorded', data: { healthCheckId, clubId, memberId, checkedOn } }];
}
