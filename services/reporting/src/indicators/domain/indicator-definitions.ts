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
  {
    code: 'clubs_with_both_funds_pct',
    names: { vi: 'Tỷ lệ câu lạc bộ có cả quỹ tăng thu nhập và quỹ hoạt động', en: 'Clubs with both an income-generation and an activity fund (%)' },
    unit: 'percent',
    numerator: 'clubs active on T under U (clubs(U,T)) whose income-generation fund and activity fund were both opened on or before T',
    denominator: 'clubs active on T under U (clubs(U,T))',
  },
  {
    code: 'income_fund_capital_vnd',
    names: { vi: 'Vốn quỹ tăng thu nhập (đồng)', en: 'Income-generation fund capital (VND)' },
    unit: 'vnd',
    numerator:
      'sum over the income-generation funds of clubs(U,T) of the cash balance plus the outstanding loan principal on T, from the funds’ own events; ' +
      'loans are not yet recorded over the API, so for now this is the cash balance (contributions received on or before T)',
    denominator: null,
  },
];
