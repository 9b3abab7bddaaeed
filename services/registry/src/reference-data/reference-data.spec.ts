import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, parseSuccessions, parseUnits, planReferenceImport } from './reference-data';
import { referenceDataEnabled } from './reference-data.import';

const units = parseUnits(readFileSync(join(__dirname, 'units.csv'), 'utf8'));
const successions = parseSuccessions(readFileSync(join(__dirname, 'successions-2025-07-01.csv'), 'utf8'));

describe('reference data files', () => {
  it('parses quoted fields and skips blank and comment lines', () => {
    expect(parseCsv('# source: x\na,b\n"x, y","say ""hi"""\n\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });

  it('reads 35 units and 18 whole successions effective on 2025-07-01', () => {
    expect(units).toHaveLength(35);
    expect(units.find((u) => u.code === '849')).toMatchObject({ level: 'district', parentCode: '84', validTo: '2025-06-30', attributes: {} });
    expect(successions).toHaveLength(18);
    expect(successions.every((s) => s.kind === 'whole' && s.effectiveOn === '2025-07-01')).toBe(true);
  });

  it('plans the units as they were, then one reform retiring 27 units and creating the 6 new communes', () => {
    const plan = planReferenceImport(units, successions, '2025-07-01');
    expect(plan.before).toHaveLength(29);
    expect(plan.before.find((u) => u.code === '849')?.validTo).toBeNull();
    expect(plan.before.some((u) => u.code.startsWith('V86-'))).toBe(false);
    expect(plan.changeSet).toMatchObject({ id: 'reference-2025-07-01', effectiveOn: '2025-07-01', reparent: [] });
    expect(plan.changeSet.retire).toHaveLength(27);
    expect(plan.changeSet.create.map((u) => u.code).sort()).toEqual(['V86-DAIAN', 'V86-HAMGIANG', 'V86-LNA', 'V86-LONGHIEP', 'V86-TAPSON', 'V86-TRACU']);
    expect(plan.changeSet.successions).toHaveLength(18);
    expect(plan.after).toHaveLength(35);
  });

  it('refuses a succession of another date', () => {
    expect(() => planReferenceImport(units, [{ from: '84', to: '86', kind: 'whole', effectiveOn: '2026-01-01' }], '2025-07-01')).toThrow(/2026-01-01/);
  });

  it('is switched by REGISTRY_REFERENCE_DATA (default on; anything but true/false stops the start)', () => {
    expect(referenceDataEnabled({})).toBe(true);
    expect(referenceDataEnabled({ REGISTRY_REFERENCE_DATA: 'false' })).toBe(false);
    expect(referenceDataEnabled({ REGISTRY_REFERENCE_DATA: 'TRUE' })).toBe(true);
    expect(() => referenceDataEnabled({ REGISTRY_REFERENCE_DATA: 'maybe' })).toThrow(/REGISTRY_REFERENCE_DATA/);
  });
});
