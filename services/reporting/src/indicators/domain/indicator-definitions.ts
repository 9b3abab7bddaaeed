import { IndicatorCode } from '@ishc/contracts';
import { ACTIVITY_INDICATOR_DEFINITIONS } from './activity-indicator-definitions';
import { LOAN_AND_WELL_MANAGED_INDICATOR_DEFINITIONS } from './loan-indicator-definitions';
import { ELDERLY_AGE } from './member-indicators';
import { DEFAULT_PLAN_PARAMETERS } from './plan-parameters';

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
      'sum over the income-generation funds of clubs(U,T) of the cash balance plus the outstanding loan principal on T, from the funds’ own events ' +
      '(contributions, disbursements, repayments with their interest, write-offs on or before T)',
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
    numerator: `${MEMBERS_ACTIVE}, aged the plan's elderlyAge (default ${ELDERLY_AGE}) or more on T (age = year(T) − birth year)`,
    denominator: null,
  },
  {
    code: 'members_active_young',
    names: { vi: 'Số hội viên trẻ (dưới tuổi cao tuổi) đang sinh hoạt', en: 'Active members: younger people' },
    unit: 'count',
    numerator: `${MEMBERS_ACTIVE}, aged under the plan's elderlyAge (default ${ELDERLY_AGE}) on T (age = year(T) − birth year)`,
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
  {
    code: 'clubs_new',
    names: { vi: 'Số câu lạc bộ thành lập mới trong kỳ kế hoạch', en: 'New clubs in the plan period' },
    unit: 'count',
    numerator: `clubs in clubs(U,T) established within the plan's period [start, end] (only with a plan)`,
    denominator: null,
  },
  {
    code: 'members_new_clubs',
    names: { vi: 'Số hội viên của các câu lạc bộ thành lập mới', en: 'Members of the new clubs' },
    unit: 'count',
    numerator: 'sum over the new clubs (clubs_new) of their members on T (only with a plan)',
    denominator: null,
  },
  {
    code: 'elderly_members_new_clubs',
    names: { vi: 'Số hội viên cao tuổi của các câu lạc bộ thành lập mới', en: 'Older members of the new clubs' },
    unit: 'count',
    numerator: `sum over the new clubs of their members on T aged the plan's elderlyAge (default ${ELDERLY_AGE}) or more (only with a plan)`,
    denominator: null,
  },
  {
    code: 'clubs_new_priority_area',
    names: { vi: 'Số câu lạc bộ mới ở vùng đồng bào dân tộc thiểu số hoặc đặc biệt khó khăn', en: 'New clubs in ethnic-minority or especially difficult areas' },
    unit: 'count',
    numerator: 'new clubs whose commune on T is flagged ethnic-minority area or especially difficult (only with a plan)',
    denominator: null,
  },
  ...compositionDefinitions(),
  ...ACTIVITY_INDICATOR_DEFINITIONS,
  ...LOAN_AND_WELL_MANAGED_INDICATOR_DEFINITIONS,
];

/** The composition indicators: clubs(U,T) whose size or shares lie in the plan's ranges (defaults of ISHC.md §6). */
function compositionDefinitions(): IndicatorDefinition[] {
  const { members, womenPct, olderPct, youngPct } = DEFAULT_PLAN_PARAMETERS.composition;
  const clubs = 'clubs active on T under U (clubs(U,T))';
  const share = (who: string, r: { min: number; max: number }) =>
    `${clubs} whose ${who} make up ${r.min}% to ${r.max}% of their members on T (the plan's range; inclusive)`;
  return [
    {
      code: 'clubs_size_compliant_pct',
      names: { vi: 'Tỷ lệ câu lạc bộ có số hội viên đúng quy định', en: 'Clubs of the prescribed size (%)' },
      unit: 'percent',
      numerator: `${clubs} with ${members.min} to ${members.max} members on T (the plan's range; inclusive)`,
      denominator: clubs,
    },
    {
      code: 'clubs_women_share_compliant_pct',
      names: { vi: 'Tỷ lệ câu lạc bộ có tỷ lệ hội viên nữ đúng quy định', en: 'Clubs with the prescribed share of women (%)' },
      unit: 'percent',
      numerator: share('women', womenPct),
      denominator: clubs,
    },
    {
      code: 'clubs_elderly_share_compliant_pct',
      names: { vi: 'Tỷ lệ câu lạc bộ có tỷ lệ hội viên cao tuổi đúng quy định', en: 'Clubs with the prescribed share of older members (%)' },
      unit: 'percent',
      numerator: share("older members (age ≥ the plan's elderlyAge)", olderPct),
      denominator: clubs,
    },
    {
      code: 'clubs_young_share_compliant_pct',
      names: { vi: 'Tỷ lệ câu lạc bộ có tỷ lệ hội viên trẻ đúng quy định', en: 'Clubs with the prescribed share of younger members (%)' },
      unit: 'percent',
      numerator: share('younger members', youngPct),
      denominator: clubs,
    },
    {
      code: 'clubs_composition_compliant_pct',
      names: { vi: 'Tỷ lệ câu lạc bộ có cơ cấu hội viên đúng quy định', en: 'Clubs meeting every composition rule (%)' },
      unit: 'percent',
      numerator: `${clubs} meeting all four: size, women, older and younger shares`,
      denominator: clubs,
    },
  ];
}
