import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseInput } from '@ishc/platform';
import { z } from 'zod';
import { CSV_TYPE, XLSX_TYPE } from '../member-file';
import { csvTemplate, xlsxTemplate } from './member-import-template';

const query = z.object({ format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).optional() }).strict();

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class MemberImportTemplateController {
  @Get('members/template')
  @ApiOperation({ summary: 'The member file template, with its Vietnamese column headers (XLSX also explains each column)' })
  @ApiQuery({ name: 'format', required: false, description: 'xlsx (default) or csv' })
  async template(@Query() rawQuery: unknown): Promise<StreamableFile> {
    const format = parseInput(query, rawQuery).format ?? 'xlsx';
    if (format === 'csv') return new StreamableFile(csvTemplate(), { type: `${CSV_TYPE}; charset=utf-8`, disposition: 'attachment; filename="mau-nhap-thanh-vien.csv"' });
    return new StreamableFile(await xlsxTemplate(), { type: XLSX_TYPE, disposition: 'attachment; filename="mau-nhap-thanh-vien.xlsx"' });
  }
}
