import { recordHealthCheckBody } from './record-health-check.body';

const base = { clubId: '00000000-0000-4000-8000-000000000001', memberId: '10000000-0000-4000-8000-000000000001', checkedOn: '2025-03-15' };
/** The fields named invalid (each once), or [] when the body is accepted. */
const invalid = (measurements: object): string[] => {
  const parsed = recordHealthCheckBody.safeParse({ ...base, ...measurements });
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].sort();
};

describe('the measurements of a health check', () => {
  it('given each measurement on the edges of its plausible range, then accepted; one step outside, then that field is named', () => {
    expect(invalid({ systolic: 60, diastolic: 30 })).toEqual([]);
    expect(invalid({ systolic: 260, diastolic: 160 })).toEqual([]);
    expect(invalid({ systolic: 59, diastolic: 30 })).toEqual(['systolic']);
    expect(invalid({ systolic: 261, diastolic: 100 })).toEqual(['systolic']);
    expect(invalid({ systolic: 200, diastolic: 29 })).toEqual(['diastolic']);
    expect(invalid({ systolic: 250, diastolic: 161 })).toEqual(['diastolic']);
    expect(invalid({ weightKg: 20 })).toEqual([]);
    expect(invalid({ weightKg: 250 })).toEqual([]);
    expect(invalid({ weightKg: 19.9 })).toEqual(['weightKg']);
    expect(invalid({ weightKg: 250.1 })).toEqual(['weightKg']);
    expect(invalid({ glucose: 1 })).toEqual([]);
    expect(invalid({ glucose: 35 })).toEqual([]);
    expect(invalid({ glucose: 0.9 })).toEqual(['glucose']);
    expect(invalid({ glucose: 35.1 })).toEqual(['glucose']);
  });

  it('given glucose in mg/dL by mistake (e.g. 110), then refused with the unit named', () => {
    const parsed = recordHealthCheckBody.safeParse({ ...base, glucose: 110 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe('must be between 1 and 35 mmol/L');
  });

  it('given a blood pressure in whole mmHg and weight and glucose to one decimal, then accepted; finer, then named', () => {
    expect(invalid({ systolic: 121, diastolic: 79, weightKg: 48.5, glucose: 5.6 })).toEqual([]);
    expect(invalid({ systolic: 120.5, diastolic: 80 })).toEqual(['systolic']);
    expect(invalid({ weightKg: 48.55, glucose: 5.65 })).toEqual(['glucose', 'weightKg']);
  });

  it('given no measurement at all, then the body as a whole is refused', () => {
    expect(invalid({})).toEqual(['(root)']);
  });

  it('given half a blood pressure, or a diastolic not below the systolic, then the other half or the diastolic is named', () => {
    expect(invalid({ systolic: 120 })).toEqual(['diastolic']);
    expect(invalid({ diastolic: 80, weightKg: 50 })).toEqual(['systolic']);
    expect(invalid({ systolic: 90, diastolic: 90 })).toEqual(['diastolic']);
    expect(invalid({ systolic: 90, diastolic: 89 })).toEqual([]);
  });
});
