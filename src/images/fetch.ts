import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { MAX_PIXELS, sniffImage } from './sniff.js';

export interface FetchLimits {
  /** The whole request, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Whether pictures may come from loopback, private and link-local addresses (a local server, a LAN). */
  privateAddresses: boolean;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  privateAddresses: false,
};

/**
 * Addresses an article's picture may not make broadsheet ask for: this
 * machine, the local network, link-local and the like, and the ranges IANA
 * keeps out of the public internet (documentation, benchmarking, reserved). A
 * picture URL is written by whoever wrote the article; fetching it must not
 * reach a router's admin page or a service on localhost.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4'); // prettier-ignore
// IPv6: unspecified, loopback and IPv4-compatible; NAT64, 6to4 and Teredo, which carry an IPv4
// address inside; discard, documentation, unique local, link-local and multicast.
for (const [network, prefix] of [
  ['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32],
  ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv6'); // prettier-ignore

/**
 * True for an address a picture may not come from (IPv4 written in IPv6
 * included): a private or reserved one, or one of this machine's own, on any
 * of its interfaces (asked each time: they change as networks come and go). A
 * server listening on all of them answers on the machine's public or LAN
 * address as it does on 127.0.0.1.
 */
export function isPrivateAddress(
  address: string,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  const family = isIP(plain);
  if (family === 0) return true;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  return PRIVATE.check(plain, type) || ownAddresses(interfaces).check(plain, type);
}

function ownAddresses(interfaces: ReturnType<typeof networkInterfaces>): BlockList {
  const own = new BlockList();
  for (const entries of Object.values(interfaces))
    for (const entry of entries ?? [])
      own.addAddress(entry.address.replace(/%.*$/, ''), entry.family === 'IPv6' ? 'ipv6' : 'ipv4');
  return own;
}

const refusedAddress = (host: string) =>
  `refused: ${host} is a local or private address (--allow-private-images allows it)`;

/** A lookup that refuses private addresses, after DNS has answered: a public name may point anywhere. */
function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) =>
    dnsLookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address : [{ address, family }];
      if (addresses.some((entry) => isPrivateAddress(entry.address)))
        return callback(
          Object.assign(new Error(refusedAddress(host)), { code: 'EPRIVATE' }),
          '',
          4,
        );
      callback(null, address, family);
    });
}

/** A failed request as a sentence a reader understands. */
function failure(error: NodeJS.ErrnoException, host: string): string {
  switch (error.code) {
    case 'EPRIVATE':
      return refusedAddress(host);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not find ${host}`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `${host} closed the connection`;
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `could not reach ${host}`;
    default:
      return error.message.split('\n')[0]!;
  }
}

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
      // Every hop, redirects included, is checked: an address written as such here, a name after DNS.
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      if (!limits.privateAddresses && isIP(host) && isPrivateAddress(host))
        return finish({ ok: false, reason: refusedAddress(host) });
      request = client.get(
        parsed,
        {
          headers: { 'user-agent': userAgent, 'accept-encoding': 'identity', accept: 'image/*' },
          ...(limits.privateAddresses ? {} : { lookup: guardedLookup(host) }),
        },
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
          response.on('error', (error) => finish({ ok: false, reason: failure(error, host) }));
        },
      );
      request.on('error', (error) => finish({ ok: false, reason: failure(error, host) }));
    };
    get(url, 0);
  });
}

function tooLarge(limits: FetchLimits): string {
  return `larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MiB`;
}
