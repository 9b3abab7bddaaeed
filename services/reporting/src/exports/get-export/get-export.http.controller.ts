import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, HttpResponse, parseInput } from '@ishc/platform';
import { INDICATOR_DEFINITIONS } from '../../indicators/domain/indicator-definitions';
import { IndicatorReports } from '../../indicators/indicator-reports';
import { toAdx } from '../domain/adx';
import { toCsv } from '../domain/csv';
import { toDhis2DataValueSet } from '../domain/dhis2-data-value-set';
import { ExportSubject, IndicatorLabels, exportRows } from '../domain/export-table';
import { toXlsx } from '../xlsx-export';
import { ExportFormat, getExportQuery } from './get-export.query';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  adx: 'application/adx+xml; charset=utf-8',
  'dhis2-json': 'application/json; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', adx: 'adx.xml', 'dhis2-json': 'dhis2.json' };

const labels = (): IndicatorLabels => new Map(INDICATOR_DEFINITIONS.map((d) => [d.code as string, { vi: d.names.vi, unit: d.unit }]));

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class GetExportController {
  constructor(private readonly reports: IndicatorReports) {}

  @Get()
  @ApiOperation({ summary: 'The indicators of a unit or plan and of each of its communes, as CSV, XLSX, ADX or DHIS2 dataValueSets JSON (docs/integration.md)' })
  @ApiQuery({ name: 'format', required: true, enum: ['csv', 'xlsx', 'adx', 'dhis2-json'] })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'Org-unit code; may be omitted when plan is given' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'plan', required: false })
  async export(@Query() rawQuery: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: HttpResponse): Promise<StreamableFile | object> {
    const { format, ...query } = parseInput(getExportQuery, rawQuery);
    const report = await this.reports.resolve(query, actor);
    const total = await this.reports.indicators(report);
    const communes = await this.reports.breakdown(report, 'commune');
    const subject: ExportSubject = {
      asOf: total.asOf,
      plan: total.plan,
      units: [{ orgUnit: total.orgUnit, orgUnitName: report.orgUnitName, indicators: total.indicators }, ...communes.rows],
    };
    const name = `ishc-${total.orgUnit}-${total.asOf}${total.plan ? `-${total.plan}` : ''}.${EXTENSIONS[format]}`;
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    switch (format) {
      case 'csv':
        return new StreamableFile(Buffer.from(toCsv(exportRows(subject, labels())), 'utf8'));
      case 'xlsx':
        return new StreamableFile(await toXlsx(exportRows(subject, labels())));
      case 'adx':
        return new StreamableFile(Buffer.from(toAdx(subject, new Date().toISOString()), 'utf8'));
      case 'dhis2-json':
        return toDhis2DataValueSet(subject);
    }
  }
}
