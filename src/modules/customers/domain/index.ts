export * from './company-ids.ts';
export * from './client-rules.ts';
