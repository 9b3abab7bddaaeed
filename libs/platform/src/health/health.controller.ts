import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HttpResponse } from '../http/http-types';
import { HealthRegistry, ReadinessReport } from './health-registry';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  /**
   * Liveness: the process runs and serves HTTP. Never depends on anything else (a database outage must
   * not get every replica restarted). `/health` and `/health/live` are the same.
   */
  @Get(['', 'live'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 when every registered check passes and nothing holds it (a projection rebuild, the
   * shutdown), else 503; each check's status either way.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness (database and registered dependencies)' })
  async ready(@Res({ passthrough: true }) response: HttpResponse): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
