/**
 * Plausible ranges of the optional measurements of a health check (inclusive). They catch typing errors
 * and wrong units at the door, not medical abnormality: values well outside the healthy range (a
 * hypertensive crisis, severe underweight, hypoglycaemia) are exactly what a check must be able to record.
 *
 * - systolic 60–260 mmHg: below 60 a person is in shock and not at a club check; automatic cuffs used in
 *   communes stop reading at 260–280 (the issue's example range).
 * - diastolic 30–160 mmHg: the same devices' diastolic span; and it must be below the systolic of the
 *   same reading (a swapped pair is the commonest entry error).
 * - weightKg 20–250 kg, one decimal: an adult (members are adults) under 20 kg or over 250 kg is a typing
 *   error (a missing or extra digit), not a measurement a village scale gives.
 * - glucose 1.0–35.0 mmol/L, one decimal: Vietnamese health stations report capillary glucose in mmol/L;
 *   glucometers read from about 1.1 to 33.3 mmol/L ("LO"/"HI" outside). A value above 35 is almost always
 *   mg/dL typed into the mmol/L field (e.g. 110), so it is refused with the unit named.
 */
export const HEALTH_MEASUREMENT_RANGES = {
  systolic: { min: 60, max: 260, unit: 'mmHg', decimals: 0 },
  diastolic: { min: 30, max: 160, unit: 'mmHg', decimals: 0 },
  weightKg: { min: 20, max: 250, unit: 'kg', decimals: 1 },
  glucose: { min: 1, max: 35, unit: 'mmol/L', decimals: 1 },
} as const;

export type HealthMeasurement = keyof typeof HEALTH_MEASUREMENT_RANGES;
export const HEALTH_MEASUREMENTS = Object.keys(HEALTH_MEASUREMENT_RANGES) as HealthMeasurement[];

/** The measurements of one check (at least one given; kept in activities' own database only). */
export type HealthMeasurements = Partial<Record<HealthMeasurement, number>>;
