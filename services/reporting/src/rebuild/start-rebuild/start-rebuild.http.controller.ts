import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HttpResponse, Roles } from '@ishc/platform';
import { GenerationRecord } from '../../read-model/generation.table';
import { ReadModelRebuilds } from '../read-model-rebuilds';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('rebuilds')
export class StartRebuildController {
  constructor(private readonly rebuilds: ReadModelRebuilds) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Rebuild every projection from position zero into a new generation of the read models, beside the serving one, then switch over (202; follow it at the Location; 409 while one runs)',
  })
  async start(@Res({ passthrough: true }) response: HttpResponse): Promise<GenerationRecord> {
    const generation = await this.rebuilds.start();
    response.setHeader('Location', `/api/reporting/rebuilds/${generation.number}`);
    return generation;
  }
}
