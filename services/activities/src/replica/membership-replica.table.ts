export { membersAwaitingMembership, membershipReplicaTable, type ReplicatedMember, type ReplicatedMembership } from '@ishc/registry-replica';
