import http from 'node:http';
import https from 'node:https';
import { MAX_PIXELS, sniffImage } from './sniff.js';

export interface FetchLimits {
  /** The whole request, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

/** The limits, with the timeout from `BROADSHEET_FETCH_TIMEOUT` (seconds) when it is set. */
export function fetchLimits(env: NodeJS.ProcessEnv): FetchLimits {
  const seconds = Number(env.BROADSHEET_FETCH_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0
    ? { ...DEFAULT_LIMITS, timeoutMs: seconds * 1000 }
    : DEFAULT_LIMITS;
}

export type Fetched = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Gets an http(s) URL's body within the limits: redirects followed only to
 * http(s) and only so many times, the body cut off (not buffered) past the
 * size cap, and the transfer stopped as soon as the header declares more
 * pixels than broadsheet decodes. No compression is asked for.
 */
export function fetchImage(
  url: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  userAgent = 'broadsheet',
): Promise<Fetched> {
  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (result: Fetched) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no answer within ${limits.timeoutMs / 1000} s` }),
      limits.timeoutMs,
    );

    const get = (target: string, redirects: number) => {
      let parsed: URL;
      try {
        parsed = new URL(target);
      } catch {
        return finish({ ok: false, reason: `not a URL: ${target}` });
      }
      const client =
        parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
      if (!client) return finish({ ok: false, reason: `will not follow a ${parsed.protocol} URL` });
      request = client.get(
        parsed,
        { headers: { 'user-agent': userAgent, 'accept-encoding': 'identity', accept: 'image/*' } },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400 && response.headers.location) {
            response.resume();
            if (redirects >= limits.maxRedirects)
              return finish({ ok: false, reason: `more than ${limits.maxRedirects} redirects` });
            return get(new URL(response.headers.location, parsed).href, redirects + 1);
          }
          if (status !== 200) {
            response.resume();
            return finish({ ok: false, reason: `HTTP ${status}` });
          }
          const declared = Number(response.headers['content-length']);
          if (declared > limits.maxBytes) return finish({ ok: false, reason: tooLarge(limits) });
          const chunks: Buffer[] = [];
          let received = 0;
          let checkedHeader = false;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > limits.maxBytes) return finish({ ok: false, reason: tooLarge(limits) });
            chunks.push(chunk);
            if (!checkedHeader && received >= 64 * 1024) {
              checkedHeader = true;
              const info = sniffImage(Buffer.concat(chunks));
              if (info.width && info.height && info.width * info.height > MAX_PIXELS) {
                finish({
                  ok: false,
                  reason: `declares ${Math.round((info.width * info.height) / 1e6)} megapixels`,
                });
              }
            }
          });
          response.on('end', () => {
            if (!response.complete)
              return finish({
                ok: false,
                reason: 'the connection closed before the image was complete',
              });
            finish({ ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) });
          });
          response.on('aborted', () =>
            finish({ ok: false, reason: 'the connection closed before the image was complete' }),
          );
          response.on('error', (error) => finish({ ok: false, reason: error.message }));
        },
      );
      request.on('error', (error) => finish({ ok: false, reason: error.message }));
    };
    get(url, 0);
  });
}

function tooLarge(limits: FetchLimits): string {
  return `larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MiB`;
}
