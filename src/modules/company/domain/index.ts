export * from './bank-account.ts';
export * from './settings.ts';
