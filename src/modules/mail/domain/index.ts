export * from './templates.ts';
export * from './default-templates.ts';
export * from './render.ts';
export * from './threading.ts';
export * from './escalation.ts';
export * from './colleague-update.ts';
