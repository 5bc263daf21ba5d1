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
