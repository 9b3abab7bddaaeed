import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, HttpResponse, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { PlanDefinedV1 } from '../domain/plan';
import { DefinePlanCommand, DefinePlanResult } from './define-plan.command';
import { definePlanBody, planCode } from './define-plan.body';

const asObject = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class DefinePlanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
  ) {}

  @Put(':code')
  @Roles('province_officer', 'district_officer')
  @ApiOperation({ summary: 'Create or replace a plan with its period, parameters and targets (201 when created, 200 otherwise)' })
  async define(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<PlanDefinedV1> {
    // The path's code is validated with the body, so one answer lists every bad field.
    const input = parseInput(definePlanBody.extend({ code: planCode }), { ...asObject(body), code });
    // A plan is set by someone responsible for its unit when the plan starts.
    await this.scope.assertInScope(actor, input.orgUnitCode, input.start);
    const definition: PlanDefinedV1 = {
      code: input.code,
      name: input.name,
      orgUnitCode: input.orgUnitCode,
      start: input.start,
      end: input.end,
      elderlyAge: input.elderlyAge ?? null,
      settings: input.settings ?? {},
      targets: input.targets,
    };
    const result = await this.commands.execute<DefinePlanCommand, DefinePlanResult>(new DefinePlanCommand(definition, actor));
    response.status(result.created ? 201 : 200);
    return result.plan;
  }
}
