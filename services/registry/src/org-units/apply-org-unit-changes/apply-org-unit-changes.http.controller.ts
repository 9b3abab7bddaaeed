import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles, parseInput } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult } from './apply-org-unit-changes.command';
import { applyOrgUnitChangesBody } from './apply-org-unit-changes.body';

@ApiTags('org units')
@ApiBearerAuth()
@Controller('org-unit-changes')
export class ApplyOrgUnitChangesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Apply a reform atomically: retire, create, reparent units and link old → new (admin only)' })
  async apply(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const input = parseInput(applyOrgUnitChangesBody, body);
    const result = await this.commands.execute<ApplyOrgUnitChangesCommand, ApplyOrgUnitChangesResult>(
      new ApplyOrgUnitChangesCommand(
        {
          id: randomUUID(),
          effectiveOn: input.effectiveOn,
          retire: input.retire ?? [],
          create: (input.create ?? []).map((u) => ({ ...u, validTo: u.validTo ?? null, attributes: u.attributes ?? {} })),
          reparent: input.reparent ?? [],
          successions: input.successions ?? [],
        },
        actor,
      ),
    );
    return { id: result.id };
  }
}
