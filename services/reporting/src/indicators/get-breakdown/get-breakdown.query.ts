import { z } from 'zod';
import { reportQuery } from '../get-indicators/get-indicators.query';

/** `GET /indicators/breakdown?orgUnit=&asOf=&plan=&by=commune|club` (API.md §Reporting). */
export const getBreakdownQuery = reportQuery({ by: z.enum(['commune', 'club'], { message: 'Expected commune or club' }) });
