// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { documentsMatching } from './documentSearch';

const docs = [
  { number: 'FV2026-0012', clientName: 'Český servis s.r.o.' },
  { number: 'DB2026-0003', clientName: 'Strojírny Brno a.s.' },
  { number: 'VY2026-0007', clientName: null },
];

describe('the search over an export preview', () => {
  it('finds a document by its number or its client, case and accents aside', () => {
    expect(documentsMatching(docs, 'fv2026').map((d) => d.number)).toEqual(['FV2026-0012']);
    expect(documentsMatching(docs, 'cesky').map((d) => d.number)).toEqual(['FV2026-0012']);
    expect(documentsMatching(docs, ' STROJ ').map((d) => d.number)).toEqual(['DB2026-0003']);
    expect(documentsMatching(docs, '0007').map((d) => d.number)).toEqual(['VY2026-0007']);
  });
  it('keeps every document for an empty search and none for a miss', () => {
    expect(documentsMatching(docs, '  ')).toHaveLength(3);
    expect(documentsMatching(docs, 'praha')).toEqual([]);
  });
});
