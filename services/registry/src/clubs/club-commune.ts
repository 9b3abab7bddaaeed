import { Pool, PoolClient } from 'pg';
import { orgUnitTable } from '../org-units/org-unit.table';
import { ClubAssignmentView, clubTable } from './club.table';

type Db = Pool | PoolClient;

/** The assignment covering `day` (the first before the club exists, the last after it ended). */
export function assignmentOn(assignments: ClubAssignmentView[], day: string): ClubAssignmentView {
  const covering = assignments.find((a) => a.validFrom <= day && (a.validTo === null || a.validTo >= day));
  if (covering) return covering;
  return day < assignments[0].validFrom ? assignments[0] : assignments[assignments.length - 1];
}

export interface ClubCommuneOnDay {
  /** The commune the club belongs to on the day: its assignment's, followed through whole successions. */
  communeCode: string;
  /** Every commune from the assignment's to the resolved one (the whole-succession chain). */
  chain: string[];
  assignment: ClubAssignmentView;
  assignments: ClubAssignmentView[];
}

/** Where a club belongs on `day` (ISHC.md §3): reassignments are rows, whole successions are followed. */
export async function clubCommuneOn(db: Db, clubId: string, day: string): Promise<ClubCommuneOnDay> {
  const assignments = await clubTable.assignments(db, clubId);
  const assignment = assignmentOn(assignments, day);
  const chain = await orgUnitTable.wholeChain(db, assignment.communeCode, day);
  return { communeCode: chain[chain.length - 1], chain, assignment, assignments };
}
