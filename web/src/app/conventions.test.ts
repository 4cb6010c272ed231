// @vitest-environment node
// What must look and behave the same on every screen, checked over the sources: a time of
// day is typed in the one TimeField (24 hours in every language; a native time input
// followed the browser's clock and could lose a half-typed start), and toasts appear where
// the app puts them (Providers), not in a corner of a screen's own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB_SRC = fileURLToPath(new URL('..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
const sources = files(WEB_SRC).map((path) => ({ name: relative(WEB_SRC, path), source: readFileSync(path, 'utf8') }));

describe('the web app, the same everywhere', () => {
  it('reads the sources it checks', () => {
    expect(sources.some((s) => s.name.endsWith('RecordForm.tsx'))).toBe(true);
  });

  it('has no native time input: times are typed in TimeField', () => {
    const native = sources.filter((s) => /type=["']time["']|type:\s*["']time["']/.test(s.source)).map((s) => s.name);
    expect(native).toEqual([]);
  });

  it('shows every toast in the app\'s one position', () => {
    // notifications.show({ …, position: … }) or notifications.update; the <Notifications position> of Providers is the one place.
    const own = sources.filter((s) => /notifications\.(show|update)\(\{[^}]*\bposition\s*:/s.test(s.source)).map((s) => s.name);
    expect(own).toEqual([]);
    expect(sources.find((s) => s.name === 'app/Providers.tsx')?.source).toMatch(/<Notifications position=/);
  });
});
