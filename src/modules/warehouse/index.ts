/** Public door of the warehouse module. */
export type { SlipDocument, SlipDocumentLine } from './domain/slip-document.ts';
