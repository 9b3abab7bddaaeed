import { IndicatorCode } from '@ishc/contracts';
import { ELDERLY_AGE } from './member-indicators';

/** ISHC.md §6: Σ over clubs(U,T) of |members(k,T)|. */
const MEMBERS_ACTIVE =
  'sum over clubs active on T under U (clubs(U,T)) of their members on T: memberships with joinedOn ≤ T < leftOn (open leftOn counts), the member alive on T';

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
  {
    code: 'members_active',
    names: { vi: 'Số hội viên đang sinh hoạt', en: 'Active members' },
    unit: 'count',
    numerator: MEMBERS_ACTIVE,
    denominator: null,
  },
  {
    code: 'members_active_women',
    names: { vi: 'Số hội viên nữ đang sinh hoạt', en: 'Active members: women' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, who are women`,
    denominator: null,
  },
  {
    code: 'members_active_older',
    names: { vi: 'Số hội viên cao tuổi đang sinh hoạt', en: 'Active members: older people' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, aged ${ELDERLY_AGE} or more on T (age = year(T) − birth year; the plan's elderlyAge once plans exist)`,
    denominator: null,
  },
  {
    code: 'members_active_young',
    names: { vi: 'Số hội viên trẻ (dưới tuổi cao tuổi) đang sinh hoạt', en: 'Active members: younger people' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, aged under ${ELDERLY_AGE} on T (age = year(T) − birth year; the plan's elderlyAge once plans exist)`,
    denominator: null,
  },
  {
    code: 'members_active_ethnic_minority',
    names: { vi: 'Số hội viên người dân tộc thiểu số đang sinh hoạt', en: 'Active members: ethnic minority' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, who belong to an ethnic minority`,
    denominator: null,
  },
  {
    code: 'members_active_disadvantaged',
    names: { vi: 'Số hội viên thuộc nhóm thiệt thòi đang sinh hoạt', en: 'Active members: disadvantaged' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, in at least one disadvantaged category (poor, near poor, living alone, disability, social allowance, single or widowed woman, needs home care)`,
    denominator: null,
  },
];
