/**
 * The id of a record page's address (/clients/:id, /invoices/:id …): a positive whole
 * number as the server's ids are, else null. /clients/abc, /clients/0 or /clients/1.5
 * name no record: the page says "not found" at once, and no request goes out with NaN.
 */
export function recordIdFrom(param: string | null | undefined): number | null {
  if (!param || !/^\d{1,15}$/.test(param)) return null;
  const n = Number(param);
  return n > 0 ? n : null;
}
