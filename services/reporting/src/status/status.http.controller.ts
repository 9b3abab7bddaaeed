import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsumerProgress } from '@ishc/messaging';
import { IndicatorCache, indicatorCacheLookups } from '../cache/indicator-cache';
import { ProjectionConsumer } from '../projections/projection-consumer';

@ApiTags('status')
@ApiBearerAuth()
@Controller('status')
export class StatusController {
  constructor(
    private readonly projections: ProjectionConsumer,
    private readonly cache: IndicatorCache,
  ) {}

  @Get()
  @ApiOperation({ summary: "Each source's processed position and lag, the read models' active generation, and the indicator cache's hits and misses" })
  async status(): Promise<{ sources: ConsumerProgress[]; readModels: { generation: number }; cache: { store: 'redis' | 'memory'; hits: number; misses: number } }> {
    return {
      sources: await this.projections.running().status(),
      readModels: { generation: this.projections.liveGeneration().number },
      cache: { store: this.cache.store.kind, ...indicatorCacheLookups() },
    };
  }
}
