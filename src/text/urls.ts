/** URLs as articles write them. */

/**
 * A proxy wrapper whose query is itself an http(s) URL
 * (`https://cors.zfour.workers.dev/?http://host/a.jpg`) stands for the inner URL.
 */
export function unwrapProxy(url: string): string {
  const query = url.indexOf('?');
  if (query < 0 || !/^https?:\/\//i.test(url)) return url;
  const inner = url.slice(query + 1);
  return /^https?:\/\/[^\s/?#]+/i.test(inner) ? inner : url;
}

/**
 * A link that may be handed to the browser: http, https or mailto, whole and
 * with nothing that could be read as an option or a command; null for anything
 * else (`file:`, `javascript:`, `data:`, `smb:`, `ssh:`, a relative path).
 */
export function openableUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  const href = url.href;
  return /[\u0000-\u0020\u007f-\u009f]/.test(href) ? null : href;
}
