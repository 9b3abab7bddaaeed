import { IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { isIsoDate } from '../../shared/iso-date';
import { FundCommand, FundEvent, FundState, decideFund } from './fund';

/** A club's lifetime as microfinance's replica of the registry knows it. */
export interface ClubLifetime {
  clubId: string;
  establishedOn: IsoDate;
  /** The first day the club no longer exists (null while it does). */
  dissolvedOn: IsoDate | null;
}

/**
 * The fund's own rules (decideFund) within the club's lifetime: a club the replica has not seen yet is a
 * conflict the client may retry (the registry's event may still be on its way); a fund opened, or money
 * received, before the club was established or on/after its dissolution names the date field. Every
 * invalid field is reported together.
 */
export function decideFundOfClub(command: FundCommand, state: FundState, clubId: string, club: ClubLifetime | null): FundEvent[] {
  if (club === null) {
    throw new RuleViolation('conflict', null, `club ${clubId} is not known to microfinance yet (the registry's event may still be on its way); retry shortly`);
  }
  const lifetime = lifetimeViolations(command, club);
  let events: FundEvent[];
  try {
    events = decideFund(command, state);
  } catch (error) {
    const own = error instanceof RuleViolations ? error.violations : error instanceof RuleViolation && error.kind === 'invalid' ? [error] : null;
    if (own === null) throw error;
    const named = new Set(own.map((v) => v.field));
    throw new RuleViolations([...own, ...lifetime.filter((v) => !named.has(v.field))]);
  }
  if (lifetime.length > 0) throw new RuleViolations(lifetime);
  return events;
}

function lifetimeViolations(command: FundCommand, club: ClubLifetime): RuleViolation[] {
  const dated: [string, IsoDate] | null =
    command.type === 'OpenFund' ? ['openedOn', command.openedOn] : command.type === 'Contribute' ? ['receivedOn', command.receivedOn] : null;
  if (dated === null || !isIsoDate(dated[1])) return [];
  const [field, on] = dated;
  if (on < club.establishedOn) return [new RuleViolation('invalid', field, `must not be before the club was established (${club.establishedOn})`)];
  if (club.dissolvedOn !== null && on >= club.dissolvedOn) return [new RuleViolation('invalid', field, `must be before the club was dissolved (${club.dissolvedOn})`)];
  return [];
}
