import { readUrlState, urlSearch } from './url-state';

describe('dashboard address', () => {
  it('reads the choices and ignores bad values', () => {
    expect(readUrlState('?orgUnit=849&asOf=2025-06-30&plan=TRACU&lang=en')).toEqual({ orgUnit: '849', asOf: '2025-06-30', plan: 'TRACU', lang: 'en' });
    expect(readUrlState('?asOf=2025-13-01&lang=fr')).toEqual({ orgUnit: undefined, asOf: undefined, plan: undefined, lang: undefined });
  });

  it('writes only what is set, and reads back the same', () => {
    const search = urlSearch({ orgUnit: '849', asOf: '2025-06-30', lang: 'vi' });
    expect(search).toBe('?orgUnit=849&asOf=2025-06-30&lang=vi');
    expect(readUrlState(search)).toMatchObject({ orgUnit: '849', asOf: '2025-06-30', lang: 'vi' });
  });
});
