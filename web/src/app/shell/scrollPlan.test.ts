import { describe, expect, it } from 'vitest';
import { hashTarget, scrollPlan, type ScrollPlace } from './scrollPlan';

const place = (address: string, key: string): ScrollPlace => {
  const url = new URL(address, 'https://kontor.example');
  return { pathname: url.pathname, search: url.search, hash: url.hash, key };
};
const kept = (positions: Record<string, number>) => (key: string) => positions[key];
const nothingKept = kept({});

describe('where the window goes when the address changes', () => {
  it('a new page starts at the top, however it was opened', () => {
    const form = place('/contracts/new', 'a');
    expect(scrollPlan(form, place('/contracts/7', 'b'), 'PUSH', nothingKept)).toEqual({ kind: 'top' });
    expect(scrollPlan(form, place('/contracts/7', 'b'), 'REPLACE', nothingKept)).toEqual({ kind: 'top' });
    expect(scrollPlan(place('/tickets/1', 'a'), place('/tickets/2', 'b'), 'PUSH', nothingKept)).toEqual({ kind: 'top' });
  });

  it('Back and Forward return to where the user left the page', () => {
    const positions = kept({ list: 1840 });
    expect(scrollPlan(place('/contracts/7', 'b'), place('/contracts', 'list'), 'POP', positions)).toEqual({ kind: 'restore', y: 1840 });
    // Back to a page whose place was not kept: its top, not the offset of the page left.
    expect(scrollPlan(place('/contracts/7', 'b'), place('/contracts', 'other'), 'POP', positions)).toEqual({ kind: 'top' });
  });

  it('a filter or search of the same page (the query string alone) leaves the reader where they are', () => {
    const list = place('/tickets?state=open', 'a');
    expect(scrollPlan(list, place('/tickets?state=open&priority=P1', 'b'), 'REPLACE', nothingKept)).toEqual({ kind: 'keep' });
    expect(scrollPlan(list, place('/tickets', 'b'), 'PUSH', nothingKept)).toEqual({ kind: 'keep' });
    // Back to the filter before: where the list was read then, if known.
    expect(scrollPlan(place('/tickets?state=open', 'b'), place('/tickets', 'a'), 'POP', kept({ a: 300 }))).toEqual({ kind: 'restore', y: 300 });
    expect(scrollPlan(place('/tickets?state=open', 'b'), place('/tickets', 'a'), 'POP', nothingKept)).toEqual({ kind: 'keep' });
  });

  it('an in-page link goes to its target and never to a place remembered under the shared key of such entries', () => {
    const page = place('/tickets/5', 'default');
    const positions = kept({ default: 900 });
    // The skip link is a plain <a href="#main">: the browser's own entry, which the router sees as a move through history.
    expect(scrollPlan(page, place('/tickets/5#main', 'default'), 'POP', positions)).toEqual({ kind: 'anchor', id: 'main', fromTop: false });
    expect(scrollPlan(place('/tickets/5#main', 'default'), page, 'POP', positions)).toEqual({ kind: 'keep' });
    // A link to a part of another page: that page, at that part.
    expect(scrollPlan(page, place('/clients/3#contacts', 'c'), 'PUSH', nothingKept)).toEqual({ kind: 'anchor', id: 'contacts', fromTop: true });
  });

  it('the first render keeps what the browser shows, unless a reload left a place for the entry', () => {
    expect(scrollPlan(null, place('/tickets', 'default'), 'POP', nothingKept)).toEqual({ kind: 'keep' });
    expect(scrollPlan(null, place('/tickets', 'k1'), 'POP', kept({ k1: 420 }))).toEqual({ kind: 'restore', y: 420 });
    expect(scrollPlan(null, place('/clients/3#contacts', 'k1'), 'POP', nothingKept)).toEqual({ kind: 'anchor', id: 'contacts', fromTop: false });
  });

  it('reads the element id from the hash, encoded or not', () => {
    expect(hashTarget('')).toBeNull();
    expect(hashTarget('#')).toBeNull();
    expect(hashTarget('#main')).toBe('main');
    expect(hashTarget('#p%C5%99%C3%ADloha')).toBe('příloha');
    expect(hashTarget('#%E0%A4%A')).toBeNull();
  });
});
