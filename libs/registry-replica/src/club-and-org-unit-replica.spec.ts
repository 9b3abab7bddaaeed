import { ClubDissolvedV1, ClubEstablishedV1, ClubReassignedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES, ReplicatedEvent, replicateClubOrOrgUnitEvent } from './club-and-org-unit-replica';
import { clubReplicaTable } from './club-replica.table';
import { givenReplicaDatabase } from './spec-support/given-replica-database';

const clubId = '00000000-0000-4000-8000-000000000001';
const established: ReplicatedEvent = {
  type: 'ClubEstablished',
  data: { clubId, name: 'CLB', communeCode: 'C1', hamletCode: null, establishedOn: '2021-06-01' } satisfies ClubEstablishedV1,
};
const reassigned = (communeCode: string, effectiveOn: string): ReplicatedEvent => ({
  type: 'ClubReassigned',
  data: { clubId, fromCommuneCode: 'C1', communeCode, hamletCode: null, effectiveOn } satisfies ClubReassignedV1,
});

describeWith(['postgres'], 'the clubs replica: dissolution and reassignment', () => {
  const replica = givenReplicaDatabase('club_replica', CLUB_AND_ORG_UNIT_REPLICA_TABLES, replicateClubOrOrgUnitEvent);

  it('given an established club, when it is reassigned, then the replica knows its new commune; a replay of older events does not move it back', async () => {
    await replica.apply([established, reassigned('N2', '2025-08-01')]);
    expect(await clubReplicaTable.find(replica.pool, clubId)).toMatchObject({ communeCode: 'N2' });
    await replica.apply([established, reassigned('N1', '2025-07-01')]);
    expect(await clubReplicaTable.find(replica.pool, clubId)).toMatchObject({ communeCode: 'N2', establishedOn: '2021-06-01' });
  });

  it('given a club, when it is dissolved, then the replica has its dissolution day', async () => {
    await replica.apply([{ type: 'ClubDissolved', data: { clubId, dissolvedOn: '2025-09-01', reason: 'merged' } satisfies ClubDissolvedV1 }]);
    expect(await clubReplicaTable.find(replica.pool, clubId)).toMatchObject({ dissolvedOn: '2025-09-01' });
  });
});
