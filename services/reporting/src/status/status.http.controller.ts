import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsumerProgress } from '@ishc/messaging';
import { ProjectionConsumer } from '../projections/projection-consumer';

@ApiTags('status')
@ApiBearerAuth()
@Controller('status')
export class StatusController {
  constructor(private readonly projections: ProjectionConsumer) {}

  @Get()
  @ApiOperation({ summary: "Each source's processed position and lag" })
  async status(): Promise<{ sources: ConsumerProgress[] }> {
    return { sources: await this.projections.running().status() };
  }
}
