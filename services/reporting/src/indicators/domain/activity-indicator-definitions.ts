import type { IndicatorDefinition } from './indicator-definitions';
import { DEFAULT_PLAN_PARAMETERS } from './plan-parameters';

const CLUBS = 'clubs active on T under U (clubs(U,T))';
const W = `the trailing window W: the ${DEFAULT_PLAN_PARAMETERS.trailingWindowMonths} months ending on T (the plan's, configurable), i.e. from the day after the same date ${DEFAULT_PLAN_PARAMETERS.trailingWindowMonths} months before T through T`;
const { meetingsHeld, ofMonths } = DEFAULT_PLAN_PARAMETERS.wellManaged;

/** The activity indicators of ISHC.md §6 (activity-indicators.ts computes them). */
export const ACTIVITY_INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'clubs_full_activities_pct',
    names: { vi: 'Tỷ lệ câu lạc bộ hoạt động đủ 8 nội dung', en: 'Clubs active in all 8 activity areas (%)' },
    unit: 'percent',
    numerator:
      `${CLUBS} with at least one activity session, or monthly meeting tagged with the area, in each of the 8 areas ` +
      `(livelihood, health, home_care, self_help, rights, learning, culture, resources) within ${W}`,
    denominator: CLUBS,
  },
  {
    code: 'clubs_well_managed_meetings_pct',
    names: { vi: 'Tỷ lệ câu lạc bộ sinh hoạt định kỳ hằng tháng đều đặn', en: 'Clubs holding their monthly meeting regularly (%)' },
    unit: 'percent',
    numerator:
      `${CLUBS} that held their monthly meeting in at least ${meetingsHeld} of the ${ofMonths} calendar months ending with T's month ` +
      `(meetings up to T; a club established within those months: in at least ⌈${meetingsHeld}/${ofMonths} × m⌉ of its m months, ` +
      `from the month of establishment through T's month; extra meetings do not count a month twice). The meeting criterion of ` +
      `clubs_well_managed_pct, which also needs both funds and ≥ 5 home-care and ≥ 5 livelihood volunteers; thresholds are the plan's`,
    denominator: CLUBS,
  },
  {
    code: 'elderly_health_checked_pct',
    names: { vi: 'Tỷ lệ hội viên cao tuổi được khám sức khỏe', en: 'Older members with a health check (%)' },
    unit: 'percent',
    numerator: `older members (age ≥ the plan's elderlyAge on T) of ${CLUBS} on T with at least one health check within ${W}`,
    denominator: `older members (age ≥ the plan's elderlyAge on T) of ${CLUBS} on T`,
  },
  {
    code: 'home_care_beneficiaries',
    names: { vi: 'Số hội viên được chăm sóc tại nhà', en: 'Members who received home care' },
    unit: 'count',
    numerator: `members of ${CLUBS} on T who received at least one home-care visit within ${W}`,
    denominator: null,
  },
];
