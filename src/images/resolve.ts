import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unwrapProxy } from '../text/urls.js';
import type { ImageSource } from './source.js';

/**
 * An image's `src` resolved: a proxy unwrapped, a relative path
 * taken from the article's folder, a `data:` URI decoded. Null for what is not
 * an image source we may load (`javascript:`, an unknown scheme, bad data).
 */
export function resolveImageSource(raw: string, articleFile: string): ImageSource | null {
  const url = raw.trim();
  if (url === '') return null;
  if (/^data:/i.test(url)) return decodeDataUri(url);
  if (/^https?:\/\//i.test(url)) return { kind: 'remote', url: unwrapProxy(url) };
  if (url.startsWith('//')) return { kind: 'remote', url: `https:${url}` };
  if (/^file:/i.test(url)) {
    try {
      return { kind: 'file', path: fileURLToPath(url) };
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  const withoutQuery = url.replace(/[?#].*$/, '');
  let decoded = withoutQuery;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    // Keep the path as written when it is not valid percent-encoding.
  }
  return { kind: 'file', path: path.resolve(path.dirname(articleFile), decoded) };
}

function decodeDataUri(url: string): ImageSource | null {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(url);
  if (!match) return null;
  const mime = (match[1] || 'text/plain').toLowerCase();
  const isBase64 = /;base64/i.test(match[2]!);
  try {
    const bytes = isBase64
      ? Buffer.from(match[3]!.replace(/\s+/g, ''), 'base64')
      : Buffer.from(decodeURIComponent(match[3]!), 'utf8');
    return { kind: 'data', mime, bytes: new Uint8Array(bytes) };
  } catch {
    return null;
  }
}

/** What the references list shows for an image source. */
export function describeImageSource(source: ImageSource): string {
  switch (source.kind) {
    case 'remote':
      return source.url;
    case 'file':
      return source.path;
    case 'data':
      return `(embedded ${source.mime}, ${source.bytes.length} bytes)`;
  }
}

/** A name for an image without alt text: its file name, else `image`. */
export function imageName(source: ImageSource): string {
  const where =
    source.kind === 'remote'
      ? source.url.replace(/[?#].*$/, '')
      : source.kind === 'file'
        ? source.path
        : '';
  const name = where.slice(where.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || 'image';
  } catch {
    return name || 'image';
  }
}
