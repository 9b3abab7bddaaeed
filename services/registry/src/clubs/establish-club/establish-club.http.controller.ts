import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClubEstablishedV1 } from '@ishc/contracts';
import { Actor, CurrentActor, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { EstablishClubCommand } from './establish-club.command';
import { establishClubBody } from './establish-club.body';

@ApiTags('clubs')
@ApiBearerAuth()
@Controller('clubs')
export class EstablishClubController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Establish a club in a commune (the commune must be valid on establishedOn)' })
  async establish(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string } & ClubEstablishedV1> {
    const input = parseInput(establishClubBody, body);
    await this.scope.assertInScope(actor, input.communeCode, input.establishedOn);
    const club = await this.commands.execute<EstablishClubCommand, ClubEstablishedV1>(new EstablishClubCommand(randomUUID(), input, actor));
    return { id: club.clubId, ...club };
  }
}
