import { useEffect, useRef, useState } from 'react';
import { previewScale } from './format';

/** The width the document is laid out at before it is measured: its A4 body (190 mm + padding) fits. */
const LAYOUT_WIDTH = 820;

/**
 * How tall the document in the frame is: down to the end of its body (with the body's own bottom
 * margin). Not the page's scrollHeight, which is never less than the frame's own height: a frame
 * once taller than the document (its first guess) would keep a white gap below it.
 */
export function contentHeight(frame: HTMLIFrameElement | null): number | null {
  const body = frame?.contentDocument?.body;
  const view = frame?.contentWindow;
  if (!body || !view) return null;
  const margin = Number.parseFloat(view.getComputedStyle(body).marginBottom) || 0;
  return Math.ceil(body.getBoundingClientRect().bottom + view.scrollY + margin);
}

/**
 * The printable document in an iframe, laid out at its own width (measured after
 * load, wide tables included) and scaled down to the column, so the whole page
 * shows — totals included — without a scroll area of its own. The preview is
 * served from the same origin, so its size can be read.
 */
export function DocumentPreview({ id, src, title }: { id: string; src: string; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  const [size, setSize] = useState({ width: LAYOUT_WIDTH, height: 1100 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setBoxWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const measure = () => {
    const doc = frame.current?.contentDocument?.documentElement;
    if (!doc) return;
    const width = Math.max(LAYOUT_WIDTH, doc.scrollWidth);
    // Height after the width is set: a wider layout is shorter.
    setSize({ width, height: contentHeight(frame.current) ?? doc.scrollHeight });
    requestAnimationFrame(() => setSize({ width, height: contentHeight(frame.current) ?? doc.scrollHeight }));
  };
  const scale = previewScale(boxWidth, size.width);
  return (
    <div ref={box} style={{ overflow: 'hidden', height: Math.ceil(size.height * scale) }} data-testid="invoice-preview-box" data-scale={scale.toFixed(3)}>
      <iframe
        ref={frame}
        id={id}
        title={title}
        src={src}
        scrolling="no"
        onLoad={measure}
        style={{ width: size.width, height: size.height, border: 0, display: 'block', background: 'white', transform: `scale(${scale})`, transformOrigin: 'top left' }}
      />
    </div>
  );
}
