import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown that users write (ticket descriptions, comments, templates) to HTML
 * that is safe to show: no scripts, no event handlers, no javascript: links.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });

// Whether the text being rendered holds raw HTML (set while marked walks its tokens; rendering is synchronous).
let rawHtmlSeen = false;
marked.use({
  walkTokens(token) {
    if (token.type === 'html') rawHtmlSeen = true;
  },
});

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

export function markdownToSafeHtml(markdown: string): string {
  rawHtmlSeen = false;
  const html = marked.parse(markdown) as string;
  return (rawHtmlSeen ? null : plainMarkupOnly(html)) ?? sanitizeHtml(html, ALLOWED);
}

/** Always through the sanitiser: what markdownToSafeHtml is held to in its test. */
export function markdownThroughSanitiser(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, ALLOWED);
}

/**
 * Most of what people write renders to a few tags without attributes (paragraphs,
 * emphasis, lists, code) and escaped text. Such HTML has nothing to remove, and parsing
 * it again to sanitise it took three quarters of the rendering (20–40 µs a text, once per
 * comment on every ticket page and once per new ticket). So it is only written as the
 * sanitiser writes it (`<br />`, quotes as characters); anything else (an attribute, a
 * link, another entity, and any raw HTML, whose tags need not be closed or nested as
 * marked's own are) goes through the sanitiser. The property test in
 * markdown.test.ts holds the two ways to the same output.
 */
const PLAIN_MARKUP =
  /<(?:\/?(?:p|strong|em|del|code|pre|blockquote|ul|ol|li|h[1-4]|table|thead|tbody|tr|th|td)|br|hr)>|&(?:amp|lt|gt|quot|#39);|[<>&]/g;
const AS_SANITISED: Readonly<Record<string, string>> = { '<br>': '<br />', '<hr>': '<hr />', '&quot;': '"', '&#39;': "'" };

/** The HTML as the sanitiser would write it, or null when it holds anything but plain markup. */
export function plainMarkupOnly(html: string): string | null {
  let plain = true;
  const written = html.replace(PLAIN_MARKUP, (markup) => {
    // A lone '<' or '&' starts a tag or an entity that is not on the list; a bare '>' the sanitiser would escape.
    if (markup.length === 1) plain = false;
    return AS_SANITISED[markup] ?? markup;
  });
  return plain ? written : null;
}

/** Plain text without any markup, for previews and the search index. */
export function stripHtml(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
}
