/** Starts the browser's download of `href` as `fileName` (a same-origin URL, which the session cookie authorises, or an object URL). */
export function startDownload(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Hands fetched bytes to the browser's download; the object URL is let go once the download has taken it. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  startDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
