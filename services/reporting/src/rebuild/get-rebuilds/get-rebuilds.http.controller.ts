import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError, Roles, ValidationError } from '@ishc/platform';
import { GenerationRecord } from '../../read-model/generation.table';
import { ReadModelRebuilds, RebuildView } from '../read-model-rebuilds';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('rebuilds')
export class GetRebuildsController {
  constructor(private readonly rebuilds: ReadModelRebuilds) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every generation of the read models: building, active, retired or abandoned (with why)' })
  list(): Promise<GenerationRecord[]> {
    return this.rebuilds.list();
  }

  @Get(':number')
  @Roles('admin')
  @ApiOperation({ summary: "One generation; while it builds, its consumer's progress in each source" })
  async get(@Param('number') number: string): Promise<RebuildView> {
    if (!/^\d{1,9}$/.test(number)) throw new ValidationError([{ field: 'number', message: 'must be a generation number (a whole number)' }]);
    const rebuild = await this.rebuilds.find(Number(number));
    if (!rebuild) throw new NotFoundError(`There is no generation ${number} of the read models.`);
    return rebuild;
  }
}
