import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { renderMetrics } from '@ishc/observability';
import { Registry } from 'prom-client';
import { Roles } from '../auth/auth.decorators';
import { HttpResponse } from '../http/http-types';
import { METRICS_REGISTRY } from '../tokens';

/**
 * Prometheus metrics. Not among API.md's unauthenticated routes, so it needs a token like everything
 * else; the scraper is given an admin token.
 */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  async metrics(@Res({ passthrough: true }) response: HttpResponse): Promise<string> {
    const { contentType, body } = await renderMetrics(this.registry);
    response.setHeader('Content-Type', contentType);
    return body;
  }
}
