import type { CSSProperties } from 'react';

/**
 * A mail's HTML shown in an empty sandbox: no scripts, no forms, no same-origin access, no navigation.
 *
 * Each document gets a frame of its own (the element is keyed by the HTML). Chromium, given a second
 * srcdoc on one frame some 10–20 ms after the first, may commit the first and drop the second. The
 * template preview does exactly that (the last preview as placeholder, then the new answer), and kept
 * showing the previous mail under the new subject.
 */
export function MailHtmlFrame({ html, title, style, testId }: { html: string; title: string; style?: CSSProperties; testId: string }) {
  return <iframe key={html} sandbox="" srcDoc={html} title={title} className="admin-iframe" style={style} data-testid={testId} />;
}
