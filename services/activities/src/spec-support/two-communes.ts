import { ActivitiesTestApp } from './activities-test-app';

/** Việt Nam › Trà Vinh (84) › Trà Cú (849) › two communes, 29461 and 29462: enough for scope checks. */
export async function defineTwoCommunes(t: ActivitiesTestApp): Promise<void> {
  await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
  await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '29462', name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
}
