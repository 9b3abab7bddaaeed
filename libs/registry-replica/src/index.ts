// The replicas of registry events that microfinance and activities keep: clubs and org units, memberships;
// and the consumer that keeps them.
export * from './club-and-org-unit-replica';
export * from './club-replica.table';
export * from './membership-replica';
export * from './membership-replica.table';
export * from './membership-settling';
export * from './registry-replica.consumer';
