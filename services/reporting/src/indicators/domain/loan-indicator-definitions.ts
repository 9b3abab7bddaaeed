import type { IndicatorDefinition } from './indicator-definitions';
import { DEFAULT_PLAN_PARAMETERS } from './plan-parameters';

const CLUBS = 'clubs active on T under U (clubs(U,T))';
const { meetingsHeld, ofMonths, homeCareVolunteers, livelihoodVolunteers } = DEFAULT_PLAN_PARAMETERS.wellManaged;
const WELL_MANAGED =
  `well managed on T (the plan's criteria; ISHC.md defaults): held the monthly meeting in at least ${meetingsHeld} of the ${ofMonths} calendar months ` +
  `ending with T's month (a club established within them: ⌈${meetingsHeld}/${ofMonths} × m⌉ of its m months), both funds opened on or before T, ` +
  `and at least ${homeCareVolunteers} members holding home_care_volunteer and ${livelihoodVolunteers} holding livelihood_volunteer on T (members(k,T) only)`;
const OUTSTANDING =
  'outstanding principal on T of the loans disbursed on or before T by the income-generation funds of clubs(U,T): principal minus the principal ' +
  'settled by the payments made on or before T (oldest instalment first, interest before principal); 0 once written off';

/** The well-managed and loan indicators of ISHC.md §6 (well-managed-indicators.ts and loan-indicators.ts compute them). */
export const LOAN_AND_WELL_MANAGED_INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'clubs_well_managed_pct',
    names: { vi: 'Tỷ lệ câu lạc bộ được quản lý tốt', en: 'Well-managed clubs (%)' },
    unit: 'percent',
    numerator: `${CLUBS} ${WELL_MANAGED}`,
    denominator: CLUBS,
  },
  {
    code: 'clubs_full_activities_well_managed_pct',
    names: { vi: 'Tỷ lệ câu lạc bộ hoạt động đủ 8 nội dung và được quản lý tốt', en: 'Clubs active in all 8 areas and well managed (%)' },
    unit: 'percent',
    numerator: `${CLUBS} counted in both clubs_full_activities_pct and clubs_well_managed_pct`,
    denominator: CLUBS,
  },
  {
    code: 'members_with_loan_pct',
    names: { vi: 'Tỷ lệ hội viên được vay vốn từ quỹ câu lạc bộ', en: 'Members with a club-fund loan (%)' },
    unit: 'percent',
    numerator:
      `members of ${CLUBS} on T (members(k,T)) with at least one club-fund loan disbursed to them within [the plan's start, T]; ` +
      `without a plan, within the trailing window W (the ${DEFAULT_PLAN_PARAMETERS.trailingWindowMonths} months ending on T)`,
    denominator: 'members_active',
  },
  {
    code: 'loans_outstanding_vnd',
    names: { vi: 'Dư nợ cho vay từ quỹ tăng thu nhập (đồng)', en: 'Loans outstanding (VND)' },
    unit: 'vnd',
    numerator: `sum of the ${OUTSTANDING}`,
    denominator: null,
  },
  {
    code: 'par30_pct',
    names: { vi: 'Tỷ lệ dư nợ quá hạn trên 30 ngày (PAR30)', en: 'Portfolio at risk over 30 days (PAR30, %)' },
    unit: 'percent',
    numerator: `${OUTSTANDING}, summed over the loans whose oldest instalment not fully paid fell due more than 30 days before T`,
    denominator: 'loans_outstanding_vnd',
  },
];
