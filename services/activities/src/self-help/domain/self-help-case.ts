import { IsoDate, SelfHelpCaseEvent } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubContext, NamedPerson, assertKnown, dateViolations, membershipViolations } from '../../clubs/domain/club-context';

/** A self-help case is its own stream (later events, such as closing it, would join it). */
export interface SelfHelpCaseState {
  opened: boolean;
}

export const initialSelfHelpCaseState = (): SelfHelpCaseState => ({ opened: false });

export const evolveSelfHelpCase = (_state: SelfHelpCaseState, _event: SelfHelpCaseEvent): SelfHelpCaseState => ({ opened: true });

export interface OpenSelfHelpCase {
  caseId: string;
  clubId: string;
  beneficiaryId: string | null;
  openedOn: IsoDate;
  kind: string;
  valueVnd: number | null;
  today: IsoDate;
  context: ClubContext;
}

/**
 * A self-help case: the club (and the person helped, when named) known, else a conflict the client may
 * retry; `openedOn` within the club's lifetime and not in the future; the person helped a member of the
 * club that day.
 */
export function decideOpenSelfHelpCase(command: OpenSelfHelpCase, state: SelfHelpCaseState): SelfHelpCaseEvent[] {
  if (state.opened) throw new RuleViolation('conflict', null, `self-help case ${command.caseId} is already opened`);
  const { caseId, clubId, beneficiaryId, openedOn, kind, valueVnd, context } = command;
  const people: NamedPerson[] = beneficiaryId === null ? [] : [{ field: 'beneficiaryId', memberId: beneficiaryId }];
  assertKnown(context, clubId, people);
  const violations = [...dateViolations('openedOn', openedOn, command.today, context.club), ...membershipViolations(people, context, clubId, openedOn)];
  if (violations.length > 0) throw new RuleViolations(violations);
  return [{ type: 'SelfHelpCaseOpened', data: { caseId, clubId, beneficiaryId, openedOn, kind, valueVnd } }];
}
