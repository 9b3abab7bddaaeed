export * from './services';
export * from './org-units';
export * from './registry-events';
export * from './indicators';
export * from './microfinance-events';
export * from './activities-events';
