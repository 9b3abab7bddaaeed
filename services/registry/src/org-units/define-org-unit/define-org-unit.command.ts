import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { Actor } from '@ishc/platform';

export class DefineOrgUnitCommand {
  constructor(
    readonly definition: OrgUnitDefinedV1,
    readonly actor: Actor,
  ) {}
}

export interface DefineOrgUnitResult {
  unit: OrgUnitDefinedV1;
  created: boolean;
  /** False when the definition was already recorded as is (nothing appended). */
  changed: boolean;
}
