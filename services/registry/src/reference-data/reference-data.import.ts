import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, PG_POOL, PLATFORM_ENV } from '@ishc/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult } from '../org-units/apply-org-unit-changes/apply-org-unit-changes.command';
import { DefineOrgUnitCommand, DefineOrgUnitResult } from '../org-units/define-org-unit/define-org-unit.command';
import { orgUnitTable } from '../org-units/org-unit.table';
import { parseSuccessions, parseUnits, planReferenceImport } from './reference-data';

export const REFERENCE_DATA_VARIABLE = 'REGISTRY_REFERENCE_DATA';
export const REFERENCE_REFORM_DATE = '2025-07-01';
const UNITS_FILE = 'units.csv';
const SUCCESSIONS_FILE = `successions-${REFERENCE_REFORM_DATE}.csv`;

/** The service itself, as the author of the imported events. */
const SYSTEM: Actor = { sub: 'registry:reference-data', roles: ['admin'], scope: [] };

/** `REGISTRY_REFERENCE_DATA`: true (the default) or false; anything else stops the start. */
export function referenceDataEnabled(env: NodeJS.ProcessEnv): boolean {
  const raw = env[REFERENCE_DATA_VARIABLE]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${REFERENCE_DATA_VARIABLE}: must be true or false`);
}

/**
 * The folder holding the CSV files: beside this file when running from sources (tests), else the
 * sources' folder from the compiled file's place (dist/services/registry/src/reference-data).
 */
function referenceDataFolder(): string {
  const candidates = [__dirname, resolve(__dirname, '../../../../../services/registry/src/reference-data')];
  const found = candidates.find((dir) => existsSync(join(dir, UNITS_FILE)));
  if (!found) throw new Error(`${REFERENCE_DATA_VARIABLE}: reference data not found (looked in ${candidates.join(', ')}); set it to false to start without`);
  return found;
}

/**
 * Imports the built-in reference data (Trà Vinh / Trà Cú and the 1 July 2025 reform, see README.md) on
 * start, through the same commands as the API: define the units as they were, then apply the reform.
 * Idempotent: once the reform is recorded, the units are re-defined as the files give them, which are
 * exactly the recorded definitions, so a restart appends nothing.
 */
@Injectable()
export class ReferenceDataImport implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataImport.name);

  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_ENV) private readonly env: NodeJS.ProcessEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (referenceDataEnabled(this.env)) await this.importAll();
  }

  /** Returns how many commands wrote something. */
  async importAll(): Promise<number> {
    const folder = referenceDataFolder();
    const units = parseUnits(readFileSync(join(folder, UNITS_FILE), 'utf8'));
    const successions = parseSuccessions(readFileSync(join(folder, SUCCESSIONS_FILE), 'utf8'));
    const plan = planReferenceImport(units, successions, REFERENCE_REFORM_DATE);
    const reformApplied = await orgUnitTable.changeSetApplied(this.pool, plan.changeSet.id);
    let changed = 0;
    for (const definition of reformApplied ? plan.after : plan.before) {
      const result = await this.commands.execute<DefineOrgUnitCommand, DefineOrgUnitResult>(new DefineOrgUnitCommand(definition, SYSTEM));
      if (result.changed) changed++;
    }
    if (!reformApplied) {
      const result = await this.commands.execute<ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult>(new ApplyOrgUnitChangesCommand(plan.changeSet, null));
      if (result.applied) changed++;
    }
    this.logger.log(`reference data: ${units.length} units, reform of ${REFERENCE_REFORM_DATE}; ${changed} command(s) changed something`);
    return changed;
  }
}
