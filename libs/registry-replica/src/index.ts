// The replicas of registry events that microfinance and activities keep: clubs and org units, memberships;
// the consumer that keeps them; and the club context a command reads from them in one statement.
export * from './club-and-org-unit-replica';
export * from './club-replica.table';
export * from './membership-replica';
export * from './membership-replica.table';
export * from './membership-settling';
export * from './registry-replica.consumer';
export * from './replicated-club-context';
