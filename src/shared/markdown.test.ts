import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown.ts';

describe('markdown to safe HTML', () => {
  it('renders Markdown', () => {
    expect(markdownToSafeHtml('**Tiskárna** nefunguje\n\n- krok 1')).toBe('<p><strong>Tiskárna</strong> nefunguje</p>\n<ul>\n<li>krok 1</li>\n</ul>\n');
  });
  it.each([
    ['<script>alert(1)</script>hello', 'script'],
    ['<img src=x onerror=alert(1)>', 'onerror'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<iframe src="https://evil"></iframe>', 'iframe'],
    ['<div style="background:url(javascript:alert(1))">x</div>', 'style'],
    ['<svg onload=alert(1)>', 'svg'],
  ])('removes %s', (input, forbidden) => {
    expect(markdownToSafeHtml(input).toLowerCase()).not.toContain(forbidden);
  });
  it('keeps safe links and opens them safely', () => {
    expect(markdownToSafeHtml('[web](https://example.cz)')).toContain('<a href="https://example.cz" rel="noopener noreferrer" target="_blank">web</a>');
  });
});
