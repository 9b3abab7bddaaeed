// The clubs-and-org-units replica of registry events that microfinance and activities both keep.
export * from './club-and-org-unit-replica';
export * from './club-replica.table';
