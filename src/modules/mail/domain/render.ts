import sanitizeHtml from 'sanitize-html';
import { markdownToSafeHtml } from '../../../shared/markdown.ts';
import { PLACEHOLDERS, type TemplateKey, type TemplateText } from './templates.ts';
import { withSubjectToken } from './threading.ts';

/**
 * Rendering of mail templates: a minimal, safe `{{dotted.path}}` substitution.
 * No expressions, no loops, no helpers: a placeholder names a value or nothing.
 * - text: the Markdown source with the values as they are;
 * - html: the Markdown rendered and sanitised, the values HTML-escaped (never
 *   read as Markdown or HTML), then sanitised once more, so a value can neither
 *   add markup nor smuggle a javascript: link into an href;
 * - subject: plain text on one line, with the ticket token in front.
 */
export type TemplateVars = { readonly [name: string]: unknown };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateProblem {
  path: 'subject' | 'body';
  code: 'unknown_placeholder' | 'invalid_placeholder';
  placeholder: string;
  message: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const URL_VALUE = /^https?:\/\/[^\s<>"']+$/;

/** What is wrong with an admin's template: placeholders that this template does not know, or broken braces. */
export function templateProblems(key: TemplateKey, template: TemplateText): TemplateProblem[] {
  const allowed = PLACEHOLDERS[key];
  const problems: TemplateProblem[] = [];
  for (const path of ['subject', 'body'] as const) {
    const source = template[path];
    for (const match of source.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!NAME.test(name)) {
        problems.push({ path, code: 'invalid_placeholder', placeholder: name, message: `"{{${name}}}" is not a placeholder name` });
      } else if (!allowed.includes(name)) {
        problems.push({ path, code: 'unknown_placeholder', placeholder: name, message: `Unknown placeholder {{${name}}}; this template knows ${allowed.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
    const rest = source.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}')) {
      problems.push({ path, code: 'invalid_placeholder', placeholder: '', message: 'Unbalanced "{{" or "}}"' });
    }
  }
  return problems;
}

/** The value at a dotted path as text; anything missing or not a scalar is empty. */
export function valueAt(vars: TemplateVars, path: string): string {
  let current: unknown = vars;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return '';
    current = (current as Record<string, unknown>)[part];
  }
  if (typeof current === 'string') return current.replace(/\r\n?/g, '\n');
  if (typeof current === 'number' || typeof current === 'bigint' || typeof current === 'boolean') return String(current);
  return '';
}

/** Plain substitution, for the text part and the subject. */
export function substitute(source: string, vars: TemplateVars): string {
  return source.replace(PLACEHOLDER, (_, name: string) => (NAME.test(name) ? valueAt(vars, name) : ''));
}

/** For a value that may stand in an attribute: quotes too. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// As sanitize-html writes text (quotes need no escaping there), so that text reads the same
// with or without the second pass.
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT_ENTITIES[c]!);
}

const FINAL_PASS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
};

/**
 * The tokenized body rendered and sanitised. It holds tokens, not values, so it is the
 * same for every mail of a template (and the same URL-ness of its values): rendering
 * Markdown and sanitising it was most of the cost of creating a ticket, so the result
 * is kept (a pure function of its input; bounded, as templates are few).
 */
interface RenderedBody {
  html: string;
  /**
   * A plain value token stands inside a tag (e.g. as a link's target): what replaces it
   * must be sanitised again. Elsewhere an escaped value is text and cannot add markup,
   * and a URL token is replaced only by a value that is an http(s) URL.
   */
  plainTokenInTag: boolean;
}
const renderedBodies = new Map<string, RenderedBody>();
function renderedTokenized(tokenized: string, prefix: string): RenderedBody {
  let rendered = renderedBodies.get(tokenized);
  if (rendered === undefined) {
    if (renderedBodies.size >= 200) renderedBodies.clear();
    const html = markdownToSafeHtml(tokenized);
    const plainToken = new RegExp(`(?<!https://)${prefix}\\d+q(?!\\.invalid)`);
    rendered = { html, plainTokenInTag: (html.match(/<[^>]*>/g) ?? []).some((tag) => plainToken.test(tag)) };
    renderedBodies.set(tokenized, rendered);
  }
  return rendered;
}

/**
 * The HTML part: values stand in the Markdown as inert tokens and come back escaped after
 * rendering; and whether it took the second sanitising pass (a value stood inside a tag).
 */
export function renderHtmlPart(body: string, vars: TemplateVars): { html: string; sanitisedAgain: boolean } {
  let prefix = 'kph';
  while (body.includes(prefix)) prefix += 'x';
  const values: string[] = [];
  // A URL value gets a URL-shaped token so Markdown links it (bare, <…> or [text](…)) like the real URL.
  const tokenized = body.replace(PLACEHOLDER, (_, name: string) => {
    const value = NAME.test(name) ? valueAt(vars, name) : '';
    const i = values.push(value) - 1;
    return URL_VALUE.test(value) ? `https://${prefix}${i}q.invalid` : `${prefix}${i}q`;
  });
  const rendered = renderedTokenized(tokenized, prefix);
  // Without a plain token in a tag, a value is text, or an http(s) URL (no quotes) in a link.
  const escape = rendered.plainTokenInTag ? escapeHtml : escapeText;
  const html = rendered.html.replace(
    new RegExp(`(https://)?${prefix}(\\d+)q(\\.invalid)?`, 'g'),
    (_, scheme: string | undefined, index: string, tld: string | undefined) => {
      const value = values[Number(index)] ?? '';
      if (URL_VALUE.test(value) && scheme && tld) return escape(value);
      return `${scheme ?? ''}${escape(value).replace(/\n/g, '<br />')}${tld ?? ''}`;
    },
  );
  // Values only in text (and URLs in links): nothing a value brings can be markup, so the
  // second pass would change nothing (test: the property in render.test.ts).
  return rendered.plainTokenInTag ? { html: sanitizeMailHtml(html), sanitisedAgain: true } : { html, sanitisedAgain: false };
}

/** The last pass over a mail's HTML (exported for the test that the pass is skipped only where it changes nothing). */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, FINAL_PASS);
}

function htmlDocument(fragment: string): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    `<body><div style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5">${fragment}</div></body></html>`
  );
}

const ONLY_PLACEHOLDERS = /^\s*(\{\{[^{}]*\}\}\s*)+$/;

/**
 * The body without the lines that hold nothing but placeholders that are all empty, and
 * without the blank line such a line leaves when it stood as a paragraph of its own: an
 * optional block (a colleague's update without a comment, an escalation that moved nothing)
 * leaves no gap. The engine has no conditional sections, so this is how a text stays whole
 * without its optional values, in the default texts and in an administrator's own.
 */
export function withoutEmptyLines(body: string, vars: TemplateVars): string {
  const source = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (ONLY_PLACEHOLDERS.test(line) && substitute(line, vars).trim() === '') {
      const blankBefore = kept.length === 0 || kept[kept.length - 1]!.trim() === '';
      if (blankBefore && source[i + 1]?.trim() === '') i++;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

/** Subject, text and HTML of a template with these values. */
export function renderMail(template: TemplateText, vars: TemplateVars): RenderedMail {
  let subject = substitute(template.subject, vars).replace(/\s+/g, ' ').trim();
  const ticketNumber = valueAt(vars, 'ticket.number');
  if (ticketNumber) subject = withSubjectToken(subject, ticketNumber);
  const body = withoutEmptyLines(template.body, vars);
  const text = `${substitute(body, vars).replace(/\r\n?/g, '\n').trimEnd()}\n`;
  return { subject, text, html: htmlDocument(renderHtmlPart(body, vars).html) };
}
