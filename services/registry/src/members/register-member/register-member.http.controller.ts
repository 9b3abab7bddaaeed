import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { RegisterMemberCommand, RegisterMemberResult } from './register-member.command';
import { registerMemberBody } from './register-member.body';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class RegisterMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Register a person (personal data encrypted); answers possible duplicates, never merges them' })
  async register(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string; possibleDuplicates: RegisterMemberResult['possibleDuplicates'] }> {
    const input = parseInput(registerMemberBody, body);
    await this.scope.assertInScope(actor, input.communeCode, this.clock.today());
    const result = await this.commands.execute<RegisterMemberCommand, RegisterMemberResult>(new RegisterMemberCommand(randomUUID(), input, actor));
    return { id: result.memberId, possibleDuplicates: result.possibleDuplicates };
  }
}
