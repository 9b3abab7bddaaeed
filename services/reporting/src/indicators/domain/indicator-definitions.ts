import { IndicatorCode } from '@ishc/contracts';

/** Indicator definitions are data (DESIGN §6): names in both languages, unit and how each is computed. */
export interface IndicatorDefinition {
  code: IndicatorCode;
  names: { vi: string; en: string };
  unit: 'percent' | 'count' | 'vnd';
  numerator: string;
  denominator: string | null;
}

export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'communes_with_club_pct',
    names: { vi: 'Tỷ lệ xã, phường, thị trấn có câu lạc bộ', en: 'Communes with at least one club (%)' },
    unit: 'percent',
    numerator: 'communes valid on T under U with at least one club active on T',
    denominator: 'communes valid on T under U',
  },
  {
    code: 'clubs_active',
    names: { vi: 'Số câu lạc bộ đang hoạt động', en: 'Active clubs' },
    unit: 'count',
    numerator: 'clubs established on or before T, not dissolved on or before T, whose commune on T lies under U',
    denominator: null,
  },
];
