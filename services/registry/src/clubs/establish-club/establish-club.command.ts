import { Actor } from '@ishc/platform';
import { EstablishClubBody } from './establish-club.body';

export class EstablishClubCommand {
  constructor(
    readonly clubId: string,
    readonly body: EstablishClubBody,
    readonly actor: Actor,
  ) {}
}
