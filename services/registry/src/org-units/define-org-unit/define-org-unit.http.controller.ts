import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { Actor, CurrentActor, ForbiddenError, HttpResponse, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { DefineOrgUnitCommand, DefineOrgUnitResult } from './define-org-unit.command';
import { defineOrgUnitBody, orgUnitCode } from './define-org-unit.body';
import { asObject } from '../../shared/as-object';

@ApiTags('org units')
@ApiBearerAuth()
@Controller('org-units')
export class DefineOrgUnitController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
  ) {}

  @Put(':code')
  @Roles('province_officer')
  @ApiOperation({ summary: 'Create or replace an org unit (201 when created, 200 otherwise)' })
  async define(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<OrgUnitDefinedV1> {
    // The path's code is validated with the body, so one answer lists every bad field.
    const input = parseInput(defineOrgUnitBody.extend({ code: orgUnitCode }), { ...asObject(body), code });
    // A unit is placed under a parent the caller is responsible for; only an admin defines a country.
    if (input.parentCode === null && !actor.roles.includes('admin')) throw new ForbiddenError('Only an admin defines a unit without a parent.');
    if (input.parentCode !== null) await this.scope.assertInScope(actor, input.parentCode, input.validFrom);
    const definition: OrgUnitDefinedV1 = {
      code: input.code,
      name: input.name,
      level: input.level,
      parentCode: input.parentCode,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      attributes: input.attributes ?? {},
    };
    const result = await this.commands.execute<DefineOrgUnitCommand, DefineOrgUnitResult>(new DefineOrgUnitCommand(definition, actor));
    response.status(result.created ? 201 : 200);
    return result.unit;
  }
}
