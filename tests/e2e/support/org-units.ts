import { apiClient } from './api-client';

type Api = Pick<ReturnType<typeof apiClient>, 'put'>;

/** An org unit as PUT /api/registry/org-units/{code} takes it. */
export interface OrgUnitBody {
  name: string;
  level: 'country' | 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string;
  validTo?: string;
}

/** Defines `units` in the registry over HTTP, parents first; each must be new (201). */
export async function defineOrgUnits(api: Api, units: ReadonlyArray<[code: string, body: OrgUnitBody]>): Promise<void> {
  for (const [code, body] of units) expect({ code, status: (await api.put(`/api/registry/org-units/${code}`, body)).status }).toEqual({ code, status: 201 });
}

/**
 * Trà Cú district (849) of Trà Vinh province and two of its communes, as the scenarios' clubs, members and
 * loans live in them. Open-ended: the scenarios read dates on both sides of the 2025 reform, and this
 * district is their whole footprint (its scope is exactly these two communes).
 */
export const TRA_CU_UNITS: ReadonlyArray<[string, OrgUnitBody]> = [
  ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
  ['84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
  ['849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }],
  ['29461', { name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
  ['29462', { name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
];

/** The country, Trà Vinh province, Trà Cú district and its communes 29461 and 29462 (TRA_CU_UNITS). */
export function defineTraCuUnits(api: Api): Promise<void> {
  return defineOrgUnits(api, TRA_CU_UNITS);
}

/** The smallest tree a club can be created in: the country, a province T1 and its commune C1, from 2000. */
export function defineOneCommune(api: Api): Promise<void> {
  return defineOrgUnits(api, [
    ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
    ['T1', { name: 'Tỉnh', level: 'province', parentCode: 'VN', validFrom: '2000-01-01' }],
    ['C1', { name: 'Xã', level: 'commune', parentCode: 'T1', validFrom: '2000-01-01' }],
  ]);
}
