export * from './roles.ts';
export * from './policy.ts';
export * from './password-rules.ts';
