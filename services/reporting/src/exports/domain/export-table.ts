import { ReportedIndicator } from '../../plans/domain/target';

/** One org unit's figures in an export: the report's unit (or footprint) first, then each commune. */
export interface ExportUnit {
  orgUnit: string;
  orgUnitName: string | null;
  indicators: readonly ReportedIndicator[];
}

export interface ExportSubject {
  asOf: string;
  plan: string | null;
  units: readonly ExportUnit[];
}

/** Names and units of the indicators, from the definitions (a code without one is shown as is). */
export type IndicatorLabels = ReadonlyMap<string, { vi: string; unit: string }>;

/** The columns of the CSV and XLSX exports, with their Vietnamese labels (provincial systems read these). */
export const EXPORT_COLUMNS = [
  { key: 'orgUnit', label: 'Mã đơn vị' },
  { key: 'orgUnitName', label: 'Tên đơn vị' },
  { key: 'asOf', label: 'Ngày số liệu' },
  { key: 'plan', label: 'Kế hoạch' },
  { key: 'indicator', label: 'Mã chỉ tiêu' },
  { key: 'indicatorName', label: 'Tên chỉ tiêu' },
  { key: 'unit', label: 'Đơn vị tính' },
  { key: 'value', label: 'Giá trị' },
  { key: 'numerator', label: 'Tử số' },
  { key: 'denominator', label: 'Mẫu số' },
  { key: 'target', label: 'Chỉ tiêu kế hoạch' },
  { key: 'met', label: 'Đạt' },
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]['key'];
export type ExportRow = Record<ExportColumn, string | number | null>;

const UNIT_LABELS: Record<string, string> = { percent: '%', count: 'số lượng', vnd: 'đồng' };

/** One row per unit and indicator; empty cells for what does not apply. */
export function exportRows(subject: ExportSubject, labels: IndicatorLabels): ExportRow[] {
  return subject.units.flatMap((u) =>
    u.indicators.map((i) => {
      const label = labels.get(i.code);
      return {
        orgUnit: u.orgUnit,
        orgUnitName: u.orgUnitName,
        asOf: subject.asOf,
        plan: subject.plan,
        indicator: i.code,
        indicatorName: label?.vi ?? i.code,
        unit: label ? (UNIT_LABELS[label.unit] ?? label.unit) : null,
        value: i.value,
        numerator: i.numerator,
        denominator: i.denominator,
        target: i.target ? `${i.target.op} ${i.target.value}` : null,
        met: i.met === undefined ? null : i.met ? 'Đạt' : 'Chưa đạt',
      };
    }),
  );
}
