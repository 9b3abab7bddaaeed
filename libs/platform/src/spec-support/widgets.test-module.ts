// A tiny service used by the platform's own specs: a couple of routes exercising every concern.
import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { ExpectedVersionConflictError } from '@ishc/event-store';
import { z } from 'zod';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { DevTokenController } from '../auth/dev-token.controller';
import { ScopeChecker, StaticOrgUnitScope } from '../auth/org-unit-scope';
import { WriteTracker } from '../consistency/write-tracker';
import { UnitOfWork } from '../database/unit-of-work';
import { NotFoundError } from '../errors/http-errors';
import { ORG_UNIT_SCOPE } from '../tokens';
import { isoDate } from '../validation/iso-date';
import { ZodValidationPipe, parseInput } from '../validation/parse-input';

export const WIDGETS_TABLE = `
CREATE TABLE IF NOT EXISTS widgets (id bigserial PRIMARY KEY, name text NOT NULL, count integer NOT NULL, planted_on date NOT NULL)`;

/** Advisory lock a `gated-*` widget waits for inside its transaction: lets a spec hold requests mid-flight. */
export const WIDGET_GATE_LOCK = 424242;

const newWidget = z.strictObject({
  name: z.string().min(1),
  count: z.number().int().positive(),
  plantedOn: isoDate,
  tags: z.array(z.string().max(5)).optional(),
});

@Controller('widgets')
class WidgetsController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly writes: WriteTracker,
  ) {}

  @Post()
  async create(@Body(new ZodValidationPipe(newWidget)) body: z.output<typeof newWidget>): Promise<{ id: string }> {
    return this.unitOfWork.run(async (client) => {
      if (body.name.startsWith('gated')) await client.query('SELECT pg_advisory_xact_lock($1)', [WIDGET_GATE_LOCK]);
      const { rows } = await client.query<{ id: string; tx: string }>(
        `INSERT INTO widgets (name, count, planted_on) VALUES ($1, $2, $3) RETURNING id::text, pg_current_xact_id()::text AS tx`,
        [body.name, body.count, body.plantedOn],
      );
      // Stands in for an event-store append in the same transaction.
      this.writes.recordAppend({ lastPosition: { transactionId: rows[0].tx, globalPosition: rows[0].id } });
      if (body.name === 'explode') throw new Error('boom after the insert');
      return { id: rows[0].id };
    });
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<{ id: string; name: string }> {
    const { rows } = await this.unitOfWork.query<{ id: string; name: string }>(
      'SELECT id::text, name FROM widgets WHERE id::text = $1',
      [id],
    );
    if (!rows[0]) throw new NotFoundError(`No widget ${id}.`);
    return rows[0];
  }
}

@Controller()
class ProbesController {
  constructor(private readonly scope: ScopeChecker) {}

  @Get('whoami')
  whoami(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('officers-only')
  @Roles('province_officer')
  officersOnly(): { ok: true } {
    return { ok: true };
  }

  @Get('units/:code')
  async unit(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() query: unknown): Promise<{ code: string }> {
    const { asOf } = parseInput(z.object({ asOf: isoDate }), query);
    await this.scope.assertInScope(actor, code, asOf);
    return { code };
  }

  @Get('boom')
  boom(): never {
    throw new Error('internal detail: Nguyễn Văn A, national id 001234567890');
  }

  @Post('stale')
  stale(): never {
    throw new ExpectedVersionConflictError('club-1', 3, 4);
  }
}

/** Country 01 > province 001 > commune 00001; province 002 elsewhere. */
export const UNIT_PARENTS = { '01': null, '001': '01', '00001': '001', '002': '01' };

@Module({
  controllers: [WidgetsController, ProbesController, DevTokenController],
  providers: [{ provide: ORG_UNIT_SCOPE, useValue: new StaticOrgUnitScope(UNIT_PARENTS) }],
})
export class WidgetsModule {}
