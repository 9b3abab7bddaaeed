import { HomeCareVisitEvent, IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubContext, assertKnown, dateViolations, membershipViolations } from '../../clubs/domain/club-context';

/** A home-care visit is its own stream: recorded once. */
export interface HomeCareVisitState {
  recorded: boolean;
}

export const initialHomeCareVisitState = (): HomeCareVisitState => ({ recorded: false });

export const evolveHomeCareVisit = (_state: HomeCareVisitState, _event: HomeCareVisitEvent): HomeCareVisitState => ({ recorded: true });

export interface RecordHomeCareVisit {
  visitId: string;
  clubId: string;
  volunteerId: string;
  beneficiaryId: string;
  visitedOn: IsoDate;
  today: IsoDate;
  context: ClubContext;
}

/**
 * A volunteer's visit: the club and both people known (else a conflict the client may retry); `visitedOn`
 * within the club's lifetime and not in the future; the volunteer a member holding `home_care_volunteer`
 * that day, the beneficiary a member that day and someone else than the volunteer — every invalid field
 * reported together. The services given stay out of the event (see HomeCareVisitRecordedV1).
 */
export function decideRecordHomeCareVisit(command: RecordHomeCareVisit, state: HomeCareVisitState): HomeCareVisitEvent[] {
  if (state.recorded) throw new RuleViolation('conflict', null, `home-care visit ${command.visitId} is already recorded`);
  const { visitId, clubId, volunteerId, beneficiaryId, visitedOn, context } = command;
  const volunteer = { field: 'volunteerId', memberId: volunteerId };
  const beneficiary = { field: 'beneficiaryId', memberId: beneficiaryId };
  assertKnown(context, clubId, [volunteer, beneficiary]);
  const violations = [
    ...dateViolations('visitedOn', visitedOn, command.today, context.club),
    ...membershipViolations([volunteer], context, clubId, visitedOn, 'home_care_volunteer'),
    ...(beneficiaryId === volunteerId
      ? [new RuleViolation('invalid', 'beneficiaryId', 'must be someone else than the volunteer')]
      : membershipViolations([beneficiary], context, clubId, visitedOn)),
  ];
  if (violations.length > 0) throw new RuleViolations(violations);
  return [{ type: 'HomeCareVisitRecorded', data: { visitId, clubId, volunteerId, beneficiaryId, visitedOn } }];
}
