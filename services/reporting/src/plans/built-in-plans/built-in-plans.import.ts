import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PG_POOL, PLATFORM_ENV } from '@ishc/platform';
import { Pool } from 'pg';
import { readOrgUnitValidity } from '../../indicators/coverage-facts.query';
import { DefinePlanCommand, DefinePlanResult } from '../define-plan/define-plan.command';
import { BUILT_IN_PLANS } from './built-in-plans';

export const BUILT_IN_PLANS_VARIABLE = 'REPORTING_BUILT_IN_PLANS';
const RETRY_MS = 2_000;

/** `REPORTING_BUILT_IN_PLANS`: true (the default) or false; anything else stops the start. */
export function builtInPlansEnabled(env: NodeJS.ProcessEnv): boolean {
  const raw = env[BUILT_IN_PLANS_VARIABLE]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${BUILT_IN_PLANS_VARIABLE}: must be true or false`);
}

/**
 * Defines the built-in plans (793/QĐ-UBND for Trà Cú, 1336/QĐ-TTg for the country) on start, through the
 * same command as the API; an identical definition appends nothing, so restarts are idempotent. A plan's
 * unit comes from registry events, which the projection may not have reached yet on a first start: such
 * a plan is defined as soon as its unit is known (checked every 2 s, in the background).
 */
@Injectable()
export class BuiltInPlansImport implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BuiltInPlansImport.name);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_ENV) private readonly env: NodeJS.ProcessEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!builtInPlansEnabled(this.env)) return;
    const waiting = await this.importAll();
    if (waiting.length > 0) {
      this.logger.log(`built-in plans ${waiting.join(', ')} wait for their org units to be projected`);
      this.schedule();
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Defines every built-in plan whose unit is known; answers the codes still waiting for theirs. */
  async importAll(): Promise<string[]> {
    const waiting: string[] = [];
    for (const plan of BUILT_IN_PLANS) {
      if (!(await readOrgUnitValidity(this.pool, plan.orgUnitCode))) {
        waiting.push(plan.code);
        continue;
      }
      await this.commands.execute<DefinePlanCommand, DefinePlanResult>(new DefinePlanCommand(plan, null));
    }
    return waiting;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.importAll()
        .then((waiting) => {
          if (waiting.length > 0 && !this.stopped) this.schedule();
        })
        .catch((error: Error) => {
          this.logger.warn(`built-in plans: ${error.message}; retrying`);
          if (!this.stopped) this.schedule();
        });
    }, RETRY_MS);
    this.timer.unref();
  }
}
