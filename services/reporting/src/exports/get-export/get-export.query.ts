import { z } from 'zod';
import { reportQuery } from '../../indicators/get-indicators/get-indicators.query';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'adx', 'dhis2-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /exports?orgUnit=&asOf=&plan=&format=csv|xlsx|adx|dhis2-json` (API.md §Reporting). */
export const getExportQuery = reportQuery({ format: z.enum(EXPORT_FORMATS, { message: `Expected one of ${EXPORT_FORMATS.join(', ')}` }) });
