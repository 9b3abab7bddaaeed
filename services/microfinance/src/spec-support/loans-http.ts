import request from 'supertest';
import { MicrofinanceTestApp } from './microfinance-test-app';

/** The org units the loan specs use: VN > 84 > 849 > communes 29461 and 29462. */
export async function defineTwoCommunes(t: MicrofinanceTestApp): Promise<void> {
  await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
  await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
  await t.defineUnit({ code: '29462', name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
}

/** The microfinance routes of funds and loans, as one officer (the token) calls them. */
export function loansHttp(t: MicrofinanceTestApp, token: string) {
  const base = '/api/microfinance';
  const post = (path: string, body: object, as = token) => request(t.app.getHttpServer()).post(`${base}${path}`).set('Authorization', `Bearer ${as}`).send(body);
  const get = (path: string, as = token) => request(t.app.getHttpServer()).get(`${base}${path}`).set('Authorization', `Bearer ${as}`);
  const query = (asOf?: string) => (asOf ? `?asOf=${asOf}` : '');
  return {
    post,
    get,
    openFund: (clubId: string, kind: 'income' | 'activity', openedOn: string) => post(`/clubs/${clubId}/funds`, { kind, openedOn }),
    contribute: (clubId: string, amountVnd: number, receivedOn: string, source = 'vae') => post(`/clubs/${clubId}/funds/income/contributions`, { amountVnd, source, receivedOn }),
    apply: (body: object, as = token) => post('/loans', body, as),
    approve: (id: string, approvedOn: string, as = token) => post(`/loans/${id}/approval`, { approvedOn }, as),
    disburse: (id: string, disbursedOn: string, as = token) => post(`/loans/${id}/disbursement`, { disbursedOn }, as),
    repay: (id: string, amountVnd: number, paidOn: string, as = token) => post(`/loans/${id}/repayments`, { amountVnd, paidOn }, as),
    writeOff: (id: string, writtenOffOn: string, reason: string, as = token) => post(`/loans/${id}/write-off`, { writtenOffOn, reason }, as),
    loan: (id: string, asOf?: string, as = token) => get(`/loans/${id}${query(asOf)}`, as),
    funds: (clubId: string, asOf?: string, as = token) => get(`/clubs/${clubId}/funds${query(asOf)}`, as),
    clubLoans: (clubId: string, asOf?: string, as = token) => get(`/clubs/${clubId}/loans${query(asOf)}`, as),
  };
}

/** A loan application body: 4,000,000 VND over 10 months at 0.5 %/month unless overridden. */
export const application = (clubId: string, memberId: string, overrides: object = {}) => ({
  clubId,
  memberId,
  principalVnd: 4_000_000,
  termMonths: 10,
  monthlyRatePct: '0.5',
  purpose: 'chăn nuôi',
  appliedOn: '2025-01-06',
  ...overrides,
});

export const fieldsOf = (res: request.Response): string[] => (res.body.errors ?? []).map((e: { field: string }) => e.field).sort();
