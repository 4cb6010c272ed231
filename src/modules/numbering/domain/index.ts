export { formatInvoiceNumber, parseNumberingPattern, patternCapacity, variableSymbol, MAX_PATTERN_LENGTH } from './numbering.ts';
export type { NumberingPattern, PatternParseResult, PatternProblem } from './numbering.ts';
export { DEFAULT_PATTERNS, DOCUMENT_TYPES, isDocumentType, patternChangeProblem, type DocumentType } from './series.ts';
