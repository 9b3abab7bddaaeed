export * from './services';
export * from './postgres';
export * from './decider-spec';
export * from './hold-back-subscriptions';
