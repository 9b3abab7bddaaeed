import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceConfig } from '../config/service-config';
import { NotFoundError } from '../errors/http-errors';
import { PLATFORM_CONFIG } from '../tokens';
import { parseInput } from '../validation/parse-input';
import { actorClaimsSchema, signDevToken } from './access-token';
import { Public } from './auth.decorators';

export const DEV_TOKEN_TTL = '8h';

/**
 * `POST auth/dev-token {sub, roles, scope}` → `{token}` (API.md §Auth), answering 404 unless DEV_TOKENS
 * is on. The gateway serves `/api/auth/dev-token`; a service may mount this controller too.
 */
@ApiTags('auth')
@Controller('auth')
export class DevTokenController {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a development access token (only when DEV_TOKENS=true)' })
  async issue(@Body() body: unknown): Promise<{ token: string }> {
    // Checked before the body, so that with dev tokens off the route looks absent whatever is sent.
    if (!this.config.devTokens) throw new NotFoundError('No route matches this method and path.');
    const claims = parseInput(actorClaimsSchema, body);
    return { token: await signDevToken(claims, this.config.jwtSecret, DEV_TOKEN_TTL) };
  }
}
