import { CLUB_STREAM, ORG_UNIT_STREAM, clubStreamId, orgUnitStreamId } from '@ishc/contracts';
import { AppendResult, PostgresEventStore } from '@ishc/event-store';

/** One registry-shaped append: a stream and its events (the registry's own contract, libs/contracts). */
interface PlannedAppend {
  streamId: string;
  streamType: string;
  events: Array<{ type: string; data: unknown }>;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A deterministic history of `total` registry events over a small province: units, renames, clubs
 * established across communes, some dissolved. Order matters (renames and dissolutions follow the
 * events they change), which is what a crash and a rebuild must both respect.
 */
export function registryHistory(total: number): PlannedAppend[] {
  const appends: PlannedAppend[] = [];
  const unit = (code: string, name: string, level: string, parentCode: string | null) => ({
    streamId: orgUnitStreamId(code),
    streamType: ORG_UNIT_STREAM,
    events: [{ type: 'OrgUnitDefined', data: { code, name, level, parentCode, validFrom: '1992-05-01', validTo: null, attributes: {} } }],
  });
  appends.push(unit('VN', 'Việt Nam', 'country', null), unit('84', 'Tỉnh Trà Vinh', 'province', 'VN'));
  const districts = 9;
  const communesPerDistrict = 11;
  for (let d = 0; d < districts; d++) {
    appends.push(unit(`D${d}`, `Huyện ${d}`, 'district', '84'));
    for (let c = 0; c < communesPerDistrict; c++) appends.push(unit(`C${d}-${c}`, `Xã ${d}-${c}`, 'commune', `D${d}`));
  }
  let count = appends.length;
  let club = 0;
  while (count < total) {
    const k = count % 10;
    if (k < 6 || club < 20) {
      club++;
      const commune = `C${club % districts}-${(club * 7) % communesPerDistrict}`;
      appends.push({
        streamId: clubStreamId(uuid(club)),
        streamType: CLUB_STREAM,
        events: [{ type: 'ClubEstablished', data: { clubId: uuid(club), name: `CLB ${club}`, communeCode: commune, hamletCode: null, establishedOn: day(club % 2000) } }],
      });
    } else if (k < 8) {
      const target = 1 + ((count * 13) % club);
      appends.push({
        streamId: clubStreamId(uuid(target)),
        streamType: CLUB_STREAM,
        events: [{ type: 'ClubDissolved', data: { clubId: uuid(target), dissolvedOn: day((target % 2000) + 30 + (count % 300)) } }],
      });
    } else {
      const d = count % districts;
      const c = count % communesPerDistrict;
      appends.push({
        streamId: orgUnitStreamId(`C${d}-${c}`),
        streamType: ORG_UNIT_STREAM,
        events: [{ type: 'OrgUnitDefined', data: { code: `C${d}-${c}`, name: `Xã ${d}-${c} (${count})`, level: 'commune', parentCode: `D${d}`, validFrom: '1992-05-01', validTo: null, attributes: {} } }],
      });
    }
    count++;
  }
  return appends;
}

/** Appends the history in transactions of `perTransaction` appends; returns the last append's result. */
export async function appendHistory(store: PostgresEventStore, history: PlannedAppend[], perTransaction: number, onProgress?: (done: number) => Promise<void>): Promise<AppendResult> {
  let last: AppendResult | null = null;
  for (let i = 0; i < history.length; i += perTransaction) {
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      for (const a of history.slice(i, i + perTransaction)) {
        last = await store.append(a.streamId, a.streamType, a.events, { expectedVersion: 'any', client });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    await onProgress?.(Math.min(i + perTransaction, history.length));
  }
  if (!last) throw new Error('empty history');
  return last;
}
