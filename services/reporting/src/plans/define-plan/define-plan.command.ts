import { Actor } from '@ishc/platform';
import { PlanDefinedV1 } from '../domain/plan';

export class DefinePlanCommand {
  constructor(
    readonly definition: PlanDefinedV1,
    /** Null for the built-in plans, defined by the service itself. */
    readonly actor: Actor | null,
  ) {}
}

export interface DefinePlanResult {
  plan: PlanDefinedV1;
  created: boolean;
  /** False when the definition was already recorded as is (nothing appended). */
  changed: boolean;
}
