import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder } from '../files/places.js';
import { ImageCache } from './cache.js';
import type { ImageSource } from './source.js';
import { DEFAULT_LIMITS, fetchImage, fetchLimits, type FetchLimits } from './fetch.js';
import { reason } from '../files/errors.js';
import { Semaphore } from './limit.js';
import { refusal, sniffImage, type ImageInfo } from './sniff.js';

export type Loaded =
  { ok: true; bytes: Uint8Array; info: ImageInfo } | { ok: false; reason: string };

export interface LoaderOptions {
  /** Never touch the network. */
  offline: boolean;
  cache: ImageCache | null;
  limits?: FetchLimits;
  /** How many downloads at once. */
  concurrency?: number;
}

/**
 * Gets an image's bytes from wherever it lives — inline data, a local file, the
 * disk cache or the network — and checks them before anyone decodes them.
 * Each URL is fetched once however many times it is asked for.
 */
export function createImageLoader(
  options: LoaderOptions,
): (source: ImageSource) => Promise<Loaded> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const downloads = new Semaphore(options.concurrency ?? 4);
  const pending = new Map<string, Promise<Loaded>>();

  const remote = async (url: string): Promise<Loaded> => {
    const cached = await options.cache?.get(url);
    if (cached) {
      const fromCache = checked(cached);
      if (fromCache.ok) return fromCache;
      // A damaged copy (a full disk, a write cut short) is dropped and the picture fetched again.
      options.cache?.drop(url);
    }
    if (options.offline) return { ok: false, reason: 'offline: not fetched' };
    const fetched = await downloads.run(() => fetchImage(url, limits));
    if (!fetched.ok) return fetched;
    const result = checked(fetched.bytes);
    if (result.ok) options.cache?.put(url, fetched.bytes);
    return result;
  };

  return (source) => {
    switch (source.kind) {
      case 'data':
        return Promise.resolve(checked(source.bytes));
      case 'file':
        return local(source.path, limits.maxBytes);
      case 'remote': {
        let load = pending.get(source.url);
        if (!load) {
          load = remote(source.url).then((result) => {
            // A failure may be passing (a timeout, a server down): the next view tries again.
            if (!result.ok) pending.delete(source.url);
            return result;
          });
          pending.set(source.url, load);
        }
        return load;
      }
    }
  };
}

async function local(file: string, maxBytes: number): Promise<Loaded> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: 'not a file' };
    if (info.size > maxBytes)
      return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MiB` };
    return checked(new Uint8Array(await readFile(file)));
  } catch (error) {
    return { ok: false, reason: reason(error) };
  }
}

function checked(bytes: Uint8Array): Loaded {
  const info = sniffImage(bytes);
  const refused = refusal(info);
  return refused ? { ok: false, reason: refused } : { ok: true, bytes, info };
}

/** The loader as the browser and `cat` use it: the user's cache folder, limits from the environment. */
export function userImageLoader(
  offline: boolean,
  privateAddresses = false,
): (source: ImageSource) => Promise<Loaded> {
  return createImageLoader({
    offline,
    cache: new ImageCache(path.join(cacheFolder(), 'images')),
    limits: { ...fetchLimits(process.env), privateAddresses },
  });
}
