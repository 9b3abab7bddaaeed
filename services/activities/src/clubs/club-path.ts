import { IsoDate } from '@ishc/contracts';
import { ValidationError } from '@ishc/platform';
import { z } from 'zod';
import { ReplicatedClub } from '../replica/club-replica.table';

const uuid = z.uuid({ message: 'must be a UUID' });

/** The path's club id: a UUID, else 400 naming `clubId`. */
export function clubIdFromPath(clubId: string): string {
  if (!uuid.safeParse(clubId).success) throw new ValidationError([{ field: 'clubId', message: 'must be a UUID' }]);
  return clubId;
}

/**
 * The date to check a caller's scope on for a club and a date of the request: the date itself, kept within
 * the club's lifetime (a date outside it is refused as invalid, with the field named, not as out of scope).
 */
export function scopeDateFor(club: ReplicatedClub, on: IsoDate): IsoDate {
  if (on < club.establishedOn) return club.establishedOn;
  if (club.dissolvedOn !== null && on > club.dissolvedOn) return club.dissolvedOn;
  return on;
}
