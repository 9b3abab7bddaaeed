import { DEFAULT_PLAN_PARAMETERS, isWithin, planParameters } from './plan-parameters';

describe('plan parameters', () => {
  it('given nothing, then the defaults of ISHC.md: elderlyAge 60, 50–70 members, 60–70% women and older, 30–40% young, 12 months, 10 of 12 meetings, 5 + 5 volunteers', () => {
    expect(planParameters()).toEqual(DEFAULT_PLAN_PARAMETERS);
    expect(DEFAULT_PLAN_PARAMETERS).toEqual({
      period: null,
      elderlyAge: 60,
      composition: { members: { min: 50, max: 70 }, womenPct: { min: 60, max: 70 }, olderPct: { min: 60, max: 70 }, youngPct: { min: 30, max: 40 } },
      trailingWindowMonths: 12,
      wellManaged: { meetingsHeld: 10, ofMonths: 12, bothFunds: true, homeCareVolunteers: 5, livelihoodVolunteers: 5 },
    });
  });

  it('given an explicit undefined or null, then the default stays', () => {
    const params = planParameters({ elderlyAge: null, composition: { members: undefined }, wellManaged: { bothFunds: undefined } });
    expect(params).toEqual(DEFAULT_PLAN_PARAMETERS);
  });

  it('ranges are inclusive at both ends', () => {
    expect([49, 50, 70, 71].map((n) => isWithin(n, { min: 50, max: 70 }))).toEqual([false, true, true, false]);
  });
});
