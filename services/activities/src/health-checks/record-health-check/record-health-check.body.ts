import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { HEALTH_MEASUREMENTS, HEALTH_MEASUREMENT_RANGES, HealthMeasurement } from '../domain/health-measurements';

const uuid = z.uuid({ message: 'must be a UUID' });

/** A measurement within its plausible range (health-measurements.ts), with at most its decimals. The value is never echoed. */
function measurement(name: HealthMeasurement) {
  const { min, max, unit, decimals } = HEALTH_MEASUREMENT_RANGES[name];
  const range = `must be between ${min} and ${max} ${unit}`;
  return z
    .number({ message: `must be a number (${unit})` })
    .min(min, { message: range })
    .max(max, { message: range })
    .refine((x) => Math.abs(x * 10 ** decimals - Math.round(x * 10 ** decimals)) < 1e-6, {
      message: decimals === 0 ? 'must be a whole number' : `must have at most ${decimals} decimal`,
    })
    .optional();
}

/** `POST /health-checks` (API.md §Activities): at least one measurement; a blood pressure is a pair, diastolic below systolic. */
export const recordHealthCheckBody = z
  .object({
    clubId: uuid,
    memberId: uuid,
    checkedOn: isoDate,
    systolic: measurement('systolic'),
    diastolic: measurement('diastolic'),
    weightKg: measurement('weightKg'),
    glucose: measurement('glucose'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (HEALTH_MEASUREMENTS.every((m) => body[m] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: `must give at least one measurement: ${HEALTH_MEASUREMENTS.join(', ')}` });
    }
    if (body.systolic !== undefined && body.diastolic === undefined) ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'must be given with systolic (a blood pressure is a pair)' });
    if (body.diastolic !== undefined && body.systolic === undefined) ctx.addIssue({ code: 'custom', path: ['systolic'], message: 'must be given with diastolic (a blood pressure is a pair)' });
    if (body.systolic !== undefined && body.diastolic !== undefined && body.diastolic >= body.systolic) {
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'must be below systolic' });
    }
  });

export type RecordHealthCheckBody = z.output<typeof recordHealthCheckBody>;
