import { ClubReassignedV1 } from '@ishc/contracts';
import { Actor } from '@ishc/platform';
import { ReassignClubBody } from './reassign-club.body';

export class ReassignClubCommand {
  constructor(
    readonly body: ReassignClubBody,
    readonly actor: Actor,
  ) {}
}

export type ReassignClubResult = ClubReassignedV1;
