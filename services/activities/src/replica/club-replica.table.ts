export { clubReplicaTable, type ReplicatedClub } from '@ishc/registry-replica';
