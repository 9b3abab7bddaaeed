import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { renderMetrics } from '@ishc/observability';
import { Registry } from 'prom-client';
import { InvalidTokenError, verifyAccessToken } from '../auth/access-token';
import { isAdmin } from '../auth/actor';
import { Public } from '../auth/auth.decorators';
import { bearerToken } from '../auth/auth.guard';
import { ServiceConfig } from '../config/service-config';
import { ForbiddenError, UnauthorizedError } from '../errors/http-errors';
import { HttpRequest, HttpResponse } from '../http/http-types';
import { METRICS_REGISTRY, PLATFORM_CONFIG } from '../tokens';

/**
 * Prometheus metrics. Not among API.md's unauthenticated routes: it tells how busy each route is and how
 * far behind each read model is. Prometheus scrapes it with the static `METRICS_TOKEN` (a JWT expires,
 * a scrape config's credentials file does not); a person may use an admin token.
 */
@ApiTags('metrics')
@ApiBearerAuth()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format); METRICS_TOKEN or an admin token' })
  async metrics(@Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<string> {
    await this.authorize(bearerToken(request.headers.authorization));
    const { contentType, body } = await renderMetrics(this.registry);
    response.setHeader('Content-Type', contentType);
    return body;
  }

  private async authorize(token: string | null): Promise<void> {
    if (!token) throw new UnauthorizedError('A bearer token is required (METRICS_TOKEN or an admin token).');
    if (this.config.metricsToken && sameSecret(token, this.config.metricsToken)) return;
    try {
      const actor = await verifyAccessToken(token, this.config.jwtSecret);
      if (!isAdmin(actor)) throw new ForbiddenError('This needs one of the roles: admin.');
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedError(error.message);
      throw error;
    }
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
