import { Actor } from '@ishc/platform';
import { ApplyOrgUnitChangeSet } from '../domain/org-unit-change-set';

export class ApplyOrgUnitChangesCommand {
  constructor(
    readonly changeSet: ApplyOrgUnitChangeSet,
    /** Null: the service itself (the reference-data import). */
    readonly actor: Actor | null,
  ) {}
}

export interface ApplyOrgUnitChangesResult {
  id: string;
  /** False when the change set had been applied already (nothing was written). */
  applied: boolean;
}
