import { OrgUnitDefinedV1, OrgUnitSucceededV1 } from '@ishc/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built-in reference data (Trà Vinh / Trà Cú and the 1 July 2025 reform) as registry events. The
 * CSV files are the registry's (read as data, not imported as code): reporting's tests see exactly the
 * units and successions the registry publishes. The units are given with their final validity, which is
 * what the registry's events project to.
 */
const FOLDER = join(__dirname, '../../../registry/src/reference-data');

function rows(file: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(join(FOLDER, file), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

export function referenceUnits(): OrgUnitDefinedV1[] {
  return rows('units.csv').map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as OrgUnitDefinedV1['level'],
    parentCode: r.parent_code || null,
    validFrom: r.valid_from,
    validTo: r.valid_to || null,
    attributes: {},
  }));
}

export function referenceSuccessions(): OrgUnitSucceededV1[] {
  return rows('successions-2025-07-01.csv').map((r) => ({
    from: r.from_code,
    to: r.to_code,
    kind: r.kind as OrgUnitSucceededV1['kind'],
    effectiveOn: r.effective_on,
    changeSetId: 'reform-2025-07-01',
  }));
}
