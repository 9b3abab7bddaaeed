import { PlanDefinedV1 } from '../domain/plan';

/**
 * Decision 793/QĐ-UBND (7 May 2021) of Trà Cú district: the district's plan to replicate ISHCs to 2025,
 * with the targets of ISHC.md §2. "100%" and "each club" are read as ≥ 100% of the clubs; the composition
 * ranges (50–70 members; 60–70% women; 60–70% older; 30–40% young) are the defaults of ISHC.md §6.
 */
export const TRA_CU_PLAN: PlanDefinedV1 = {
  code: 'TRACU-793-2021',
  name: 'Kế hoạch nhân rộng mô hình Câu lạc bộ Liên thế hệ tự giúp nhau huyện Trà Cú đến năm 2025 (793/QĐ-UBND)',
  orgUnitCode: '849',
  start: '2021-05-07',
  end: '2025-12-31',
  elderlyAge: 60,
  settings: {},
  targets: [
    { indicator: 'communes_with_club_pct', op: '>=', value: 100 },
    { indicator: 'clubs_new', op: '>=', value: 50 },
    { indicator: 'members_new_clubs', op: '>', value: 3444 },
    { indicator: 'elderly_members_new_clubs', op: '>', value: 2240 },
    { indicator: 'clubs_size_compliant_pct', op: '>=', value: 100 },
    { indicator: 'clubs_women_share_compliant_pct', op: '>=', value: 100 },
    { indicator: 'clubs_elderly_share_compliant_pct', op: '>=', value: 100 },
    { indicator: 'clubs_young_share_compliant_pct', op: '>=', value: 100 },
    { indicator: 'clubs_full_activities_well_managed_pct', op: '>=', value: 70 },
    { indicator: 'members_with_loan_pct', op: '>=', value: 50 },
    { indicator: 'clubs_with_both_funds_pct', op: '>=', value: 100 },
  ],
};

/**
 * Decision 1336/QĐ-TTg (31 Aug 2020), at country level to 2025 (ISHC.md §2): ≥ 3,000 new clubs with
 * 150,000 members, > 100,000 of them older. Its "≥ 95% of provinces with clubs" has no indicator in
 * ISHC.md §6 (communes_with_club_pct counts communes), so it is not a target here.
 */
export const NATIONAL_1336_PLAN: PlanDefinedV1 = {
  code: 'VN-1336-2020',
  name: 'Đề án nhân rộng mô hình Câu lạc bộ Liên thế hệ tự giúp nhau giai đoạn 2021–2025 (1336/QĐ-TTg)',
  orgUnitCode: 'VN',
  start: '2021-01-01',
  end: '2025-12-31',
  elderlyAge: 60,
  settings: {},
  targets: [
    { indicator: 'clubs_new', op: '>=', value: 3000 },
    { indicator: 'members_new_clubs', op: '>=', value: 150_000 },
    { indicator: 'elderly_members_new_clubs', op: '>', value: 100_000 },
  ],
};

export const BUILT_IN_PLANS: readonly PlanDefinedV1[] = [TRA_CU_PLAN, NATIONAL_1336_PLAN];
