import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles, UnsupportedMediaTypeError, parseInput } from '@ishc/platform';
import { z } from 'zod';
import { UploadRequest } from '../file-upload.middleware';
import { CSV_TYPE, XLSX_TYPE, readMemberFile } from '../member-file';
import { ImportMembersCommand, ImportMembersResult } from './import-members.command';

const query = z.object({ dryRun: z.enum(['true', 'false'], { message: 'must be true or false' }).optional() }).strict();

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportMembersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('members')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiConsumes(CSV_TYPE, XLSX_TYPE)
  @ApiQuery({ name: 'dryRun', required: false, description: 'true: check every row and write nothing; false (default): register the valid rows' })
  @ApiOperation({
    summary:
      'Register members (and optionally their club membership) from a CSV or XLSX file sent as the raw body, with the columns of ' +
      'GET /imports/members/template; answers {row, status, errors, id?, possibleDuplicates} per row. Rows imported before are not created again',
  })
  async import(@Req() request: UploadRequest, @Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<ImportMembersResult> {
    const dryRun = parseInput(query, rawQuery).dryRun === 'true';
    if (!request.upload) throw new UnsupportedMediaTypeError(`Send the file as the request body with Content-Type ${CSV_TYPE} or ${XLSX_TYPE}.`);
    const rows = await readMemberFile(request.upload.contentType, request.upload.content);
    return this.commands.execute<ImportMembersCommand, ImportMembersResult>(new ImportMembersCommand(rows, dryRun, actor));
  }
}
