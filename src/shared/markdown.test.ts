import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownThroughSanitiser, markdownToSafeHtml, plainMarkupOnly } from './markdown.ts';

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

describe('markdown without anything to sanitise', () => {
  // Pieces of Markdown and HTML that people write, joined at random: the fast path must
  // give exactly what the sanitiser gives, and whatever it lets through is plain markup.
  const piece = fc.constantFrom(
    'text', 'Tiskárna', ' ', '\n', '\n\n', '  \n', '**', '*', '_', '~~', '`', '```\n', '# ', '## ', '##### ', '> ', '- ', '1. ', '3. ', '- [ ] ',
    '| a | b |\n|---|:-:|\n| 1 | 2 |\n', '---\n', '"', "'", '&', '&amp;', '&copy;', '&#169;', '&nbsp;', '<', '>', '<b>', '</b>', '<p>', '<br>',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '[web](https://example.cz)', 'www.seznam.cz',
    'a@b.cz', '\\*', '\\<', '\u00a0', '\t', 'ěščřžýáíé', '<!-- c -->', '<a href="javascript:x">y</a>',
  );
  const markdown = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));

  it('renders what the sanitiser renders', () => {
    fc.assert(fc.property(markdown, (md) => {
      expect(markdownToSafeHtml(md)).toBe(markdownThroughSanitiser(md));
    }), { numRuns: 3000 });
  });

  it('lets through only tags without attributes from the list, and escaped text', () => {
    const allowed = /^<\/?(p|strong|em|del|code|pre|blockquote|ul|ol|li|h[1-4]|table|thead|tbody|tr|th|td)>$|^<(br|hr) \/>$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '/', ' ', '"', 'p', 'b', 'r', 'a', '=', ';', 'x', 'h', '1', '5', '#') }), (html) => {
        const plain = plainMarkupOnly(html);
        if (plain === null) return;
        for (const tag of plain.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(allowed);
        expect(plain.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      }),
      { numRuns: 3000 },
    );
  });

  it('sends a link, raw HTML or another entity through the sanitiser', () => {
    expect(plainMarkupOnly('<p><a href="https://x.cz">x</a></p>')).toBeNull();
    expect(plainMarkupOnly('<p>&copy;</p>')).toBeNull();
    expect(plainMarkupOnly('<ol start="3"><li>a</li></ol>')).toBeNull();
    expect(plainMarkupOnly('<p>a &quot;b&quot;<br>c</p>')).toBe('<p>a "b"<br />c</p>');
  });
});
