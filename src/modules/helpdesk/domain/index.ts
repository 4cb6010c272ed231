export * from './process.ts';
export * from './custom-fields.ts';
export * from './sla-config.ts';
export * from './categories.ts';
export * from './queue-scope.ts';
