import { IsoDate, LoanEvent } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubLifetime } from '../../funds/domain/club-lifetime';
import { isIsoDate } from '../../shared/iso-date';
import { LoanCommand, LoanState, decideLoan } from './loan';

/** A member as microfinance's replica of the registry knows it: memberships (`leftOn` exclusive) and the day of death. */
export interface KnownMember {
  diedOn: IsoDate | null;
  memberships: readonly { clubId: string; joinedOn: IsoDate; leftOn: IsoDate | null }[];
  /**
   * The replica applied the person's registration moments ago and has no membership of them in the loan's
   * club at all: the registry's joining may still be on its way (it travels apart from the registration).
   */
  awaitingMembership?: boolean;
}

/** What the replica knows of the loan's club and borrower (null: not seen yet). */
export interface BorrowerContext {
  clubId: string;
  memberId: string;
  club: ClubLifetime | null;
  member: KnownMember | null;
}

/** True when the person is a member of the club on `on` (joined on or before it, not yet left, alive). */
export function isMemberOn(member: KnownMember, clubId: string, on: IsoDate): boolean {
  if (member.diedOn !== null && on >= member.diedOn) return false;
  return member.memberships.some((m) => m.clubId === clubId && m.joinedOn <= on && (m.leftOn === null || on < m.leftOn));
}

/**
 * The loan's own rules (decideLoan) for a borrower of the club. Applying and disbursing need the club and
 * the member in the replica, and the membership of a member registered moments ago (not seen yet: a
 * conflict the client may retry, the registry's event may still be on its way); the date must lie within
 * the club's lifetime (an invalid field, reported with the loan's own invalid fields); and the borrower
 * must be a member of the club on that date (a conflict: club funds are lent to current members only).
 * Approval, repayments and write-offs follow the loan alone.
 */
export function decideLoanOfBorrower(command: LoanCommand, state: LoanState, context: BorrowerContext): LoanEvent[] {
  const dated = borrowerDate(command);
  if (dated === null) return decideLoan(command, state);
  const { club, member } = context;
  if (club === null) throw notKnownYet(`club ${context.clubId}`);
  if (member === null) throw notKnownYet(`member ${context.memberId}`);
  if (member.awaitingMembership) throw notKnownYet(`the membership of member ${context.memberId} in club ${context.clubId}`);
  const [field, on] = dated;
  const lifetime = lifetimeViolations(field, on, club);
  let events: LoanEvent[];
  try {
    events = decideLoan(command, state);
  } catch (error) {
    const own = error instanceof RuleViolations ? error.violations : error instanceof RuleViolation && error.kind === 'invalid' ? [error] : null;
    if (own === null || lifetime.length === 0) throw error;
    const named = new Set(own.map((v) => v.field));
    throw new RuleViolations([...own, ...lifetime.filter((v) => !named.has(v.field))]);
  }
  if (lifetime.length > 0) throw new RuleViolations(lifetime);
  if (!isMemberOn(member, context.clubId, on)) {
    throw new RuleViolation('conflict', 'memberId', `member ${context.memberId} is not a member of club ${context.clubId} on ${on}; club funds are lent to its current members only`);
  }
  return events;
}

/** The date on which the borrower must be a member: the application's and the disbursement's. */
function borrowerDate(command: LoanCommand): [string, IsoDate] | null {
  if (command.type === 'ApplyForLoan') return ['appliedOn', command.appliedOn];
  if (command.type === 'DisburseLoan') return ['disbursedOn', command.disbursedOn];
  return null;
}

function notKnownYet(what: string): RuleViolation {
  return new RuleViolation('conflict', null, `${what} is not known to microfinance yet (the registry's event may still be on its way); retry shortly`);
}

function lifetimeViolations(field: string, on: IsoDate, club: ClubLifetime): RuleViolation[] {
  if (!isIsoDate(on)) return [];
  if (on < club.establishedOn) return [new RuleViolation('invalid', field, `must not be before the club was established (${club.establishedOn})`)];
  if (club.dissolvedOn !== null && on >= club.dissolvedOn) return [new RuleViolation('invalid', field, `must be before the club was dissolved (${club.dissolvedOn})`)];
  return [];
}
