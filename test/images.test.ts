import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBitmap, fitToCells } from '../src/images/bitmap.js';
import { blockLines, xterm256 } from '../src/images/blocks.js';
import { ImageCache } from '../src/images/cache.js';
import { chooseProtocol, parseAnswers, protocolFromEnvironment } from '../src/images/detect.js';
import { DEFAULT_LIMITS, isPrivateAddress } from '../src/images/fetch.js';
import { itermImage } from '../src/images/iterm.js';
import {
  kittyDelete,
  kittyDirect,
  kittyPlaceholderLines,
  kittyVirtual,
} from '../src/images/kitty.js';
import { createImageLoader } from '../src/images/load.js';
import { blocksBitmap, sizePicture } from '../src/images/picture.js';
import { sixelImage } from '../src/images/sixel.js';
import { refusal, sniffImage } from '../src/images/sniff.js';
import { displayWidth } from '../src/text/width.js';
import { runMain, tempCorpus } from './helpers.js';
import { FORMATS, pngHeader, QUADRANTS, startImageServer } from './image-server.js';

type Server = Awaited<ReturnType<typeof startImageServer>>;
let server: Server;
beforeAll(async () => {
  server = await startImageServer();
});
afterAll(async () => {
  await server.close();
});

const cacheIn = () => new ImageCache(mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')));
/** The test's server is on this machine: its pictures are allowed, as --allow-private-images does. */
const local = { ...DEFAULT_LIMITS, privateAddresses: true };
const quick = { ...local, timeoutMs: 600 };

/** The colours of each half-block cell of a line: [background, foreground] as `r,g,b`. */
function cells(line: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let bg = '';
  let fg = '';
  for (const match of line.matchAll(
    /\u001b\[(\d+);(?:2;(\d+);(\d+);(\d+)|5;(\d+))m|\u001b\[0m|(▄)/g,
  )) {
    if (match[6]) out.push([bg, fg]);
    else if (match[1] === '48') bg = match.slice(2, 5).join(',');
    else if (match[1] === '38') fg = match.slice(2, 5).join(',');
  }
  return out;
}

const RED = '220,40,40';
const GREEN = '40,160,60';
const BLUE = '40,80,220';
const YELLOW = '240,200,40';

describe('drawing a served picture', () => {
  it('draws the four quadrants in their places as half-blocks', async () => {
    const load = createImageLoader({ offline: false, cache: null, limits: local });
    const loaded = await load({ kind: 'remote', url: server.url('/quadrants.png') });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const picture = await sizePicture(loaded.bytes, {
      maxColumns: 24,
      maxRows: 20,
      depth: 'truecolor',
    });
    expect(picture).toMatchObject({ columns: 24, rows: 7 });
    const lines = blockLines(blocksBitmap(picture), 'truecolor');
    expect(lines).toHaveLength(7);
    const first = cells(lines[0]!);
    const last = cells(lines.at(-1)!);
    expect(first).toHaveLength(24);
    expect(first[0]).toEqual([RED, RED]);
    expect(first.at(-1)).toEqual([GREEN, GREEN]);
    expect(last[0]).toEqual([BLUE, BLUE]);
    expect(last.at(-1)).toEqual([YELLOW, YELLOW]);
  });

  it('falls back to the 256-colour palette', async () => {
    const bitmap = await decodeBitmap(QUADRANTS);
    const lines = blockLines(
      { ...bitmap, data: bitmap.data, width: bitmap.width, height: 2 },
      '256',
    );
    expect(lines[0]).toContain(`\u001b[48;5;${xterm256(220, 40, 40)}m`);
    expect(xterm256(0, 0, 0)).toBe(16);
    expect(xterm256(255, 255, 255)).toBe(231);
    expect(xterm256(128, 128, 128)).toBe(244);
  });

  it('follows a redirect and unwraps a proxy, asking the server for the inner path', async () => {
    const root = tempCorpus({
      'post.md': `---\ntitle: Pictures\n---\n<p>text before</p><img class="lazy" data-original="${server.url('/inner/preferred.png')}" src="${server.url('/inner/placeholder.png')}"><img src="${server.url('/?')}${server.url('/inner/proxied.png')}"><p>text after</p>`,
    });
    const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const result = await runMain(
      [
        'cat',
        '--allow-private-images',
        '--images',
        'blocks',
        '--width',
        '30',
        path.join(root, 'post.md'),
      ],
      { env: { XDG_CACHE_HOME: cache } },
    );
    expect(result.code).toBe(0);
    expect(server.hits.get('/inner/preferred.png')).toBe(1);
    expect(server.hits.get('/inner/placeholder.png')).toBeUndefined();
    expect(server.hits.get('/inner/proxied.png')).toBe(1);
    expect([...server.hits.keys()].some((key) => key.startsWith('/?'))).toBe(false);
    expect(result.stdout).toContain('text before');
    expect(result.stdout).toContain('text after');
    expect(result.stdout.match(/▄/g)!.length).toBeGreaterThanOrEqual(2 * 30 * 4);
    const redirected = await createImageLoader({ offline: false, cache: null, limits: local })({
      kind: 'remote',
      url: server.url('/redirect'),
    });
    expect(redirected.ok).toBe(true);
  });
});

/** The colour at the middle of each quarter: top left, top right, bottom left, bottom right. */
const QUARTERS = [RED, GREEN, BLUE, YELLOW];
const GREYS = ['78,78,78', '127,127,127', '81,81,81', '196,196,196'];

describe('decoding each format', () => {
  const middles = (bitmap: { width: number; height: number; data: Uint8Array }) =>
    [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.75, 0.75],
    ].map(([fx, fy]) => {
      const at = (Math.floor(fy! * bitmap.height) * bitmap.width + Math.floor(fx! * bitmap.width)) * 4;
      return [...bitmap.data.subarray(at, at + 4)];
    });
  /** Within `tolerance` of each channel: lossy formats move colours a little. */
  const near = (actual: number[], expected: string, alpha: number, tolerance: number) =>
    [...expected.split(',').map(Number), alpha].every(
      (value, i) => Math.abs(value - actual[i]!) <= tolerance,
    );

  it.each([
    ['quadrants-palette.png', QUARTERS, 255, 0],
    ['quadrants-interlaced.png', QUARTERS, 255, 0],
    ['quadrants-deep.png', QUARTERS, 255, 0],
    ['quadrants-gray.png', GREYS, 255, 1],
    ['quadrants-gray-alpha.png', GREYS, 128, 1],
    ['quadrants-baseline.jpg', QUARTERS, 255, 3],
    ['quadrants-progressive.jpg', QUARTERS, 255, 3],
    ['quadrants-cmyk.jpg', QUARTERS, 255, 3],
    ['quadrants-gray.jpg', GREYS, 255, 3],
    ['quadrants.gif', QUARTERS, 255, 0],
    ['quadrants-animated.gif', QUARTERS, 255, 0],
    ['quadrants-lossless.webp', QUARTERS, 255, 0],
    ['quadrants-lossy.webp', QUARTERS, 255, 3],
  ] as const)('%s, served over HTTP: each quarter in its colour', async (name, colours, alpha, tolerance) => {
    const load = createImageLoader({ offline: false, cache: null, limits: local });
    const loaded = await load({ kind: 'remote', url: server.url(`/formats/${name}`) });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const bitmap = await decodeBitmap(loaded.bytes);
    expect([bitmap.width, bitmap.height, bitmap.data.length]).toEqual([96, 54, 96 * 54 * 4]);
    const found = middles(bitmap);
    for (const [i, colour] of colours.entries())
      expect(near(found[i]!, colour, alpha, tolerance), `${found[i]} near ${colour},${alpha}`).toBe(true);
  });

  it('keeps a GIF transparent where it is, and reads the first frame of an animation', async () => {
    const transparent = await decodeBitmap(readFileSync(path.join(FORMATS, 'quadrants-transparent.gif')));
    expect([...transparent.data.subarray((40 * 96 + 20) * 4, (40 * 96 + 20) * 4 + 4)][3]).toBe(0);
    // The second frame of the animation is the negative: its top left quarter would be 35,215,215.
    const animated = await decodeBitmap(readFileSync(path.join(FORMATS, 'quadrants-animated.gif')));
    expect([...animated.data.subarray(0, 3)].join(',')).toBe(RED);
  });

  it('reads the size of each WebP kind from its header, and refuses BMP', () => {
    for (const name of ['quadrants-lossless.webp', 'quadrants-lossy.webp'])
      expect(sniffImage(readFileSync(path.join(FORMATS, name)))).toEqual({ type: 'webp', width: 96, height: 54 });
    const extended = Buffer.alloc(30);
    extended.write('RIFF', 0);
    extended.write('WEBPVP8X', 8);
    extended.writeUIntLE(16383 - 1, 24, 3);
    extended.writeUIntLE(16383 - 1, 27, 3);
    expect(refusal(sniffImage(extended))).toBe('declares 268 megapixels, more than 50');
    expect(refusal(sniffImage(readFileSync(path.join(FORMATS, 'quadrants.bmp'))))).toBe(
      'BMP images are not supported',
    );
  });

  it('refuses a GIF frame larger than its picture before making room for it', async () => {
    const gif = Buffer.from(readFileSync(path.join(FORMATS, 'quadrants.gif')));
    // The image descriptor (0x2c) of the first frame: its width and height become 65535.
    const descriptor = gif.indexOf(0x2c, 13 + 3 * 2 ** ((gif[10]! & 7) + 1));
    gif.writeUInt16LE(65535, descriptor + 5);
    gif.writeUInt16LE(65535, descriptor + 7);
    await expect(decodeBitmap(gif)).rejects.toThrow(/megapixels/);
  });

  it('says a cut-off picture is undecodable, whatever its format', async () => {
    for (const name of ['quadrants-baseline.jpg', 'quadrants-interlaced.png', 'quadrants-lossy.webp']) {
      const bytes = readFileSync(path.join(FORMATS, name));
      await expect(decodeBitmap(bytes.subarray(0, bytes.length >> 1)), name).rejects.toThrow();
    }
  });

  it('cat draws every format as half-blocks', async () => {
    const names = ['quadrants-progressive.jpg', 'quadrants-animated.gif', 'quadrants-lossy.webp', 'quadrants-palette.png'];
    const root = tempCorpus({
      'post.md': `---\ntitle: Formats\n---\n${names.map((name) => `<img src="${server.url(`/formats/${name}`)}" alt="${name}">`).join('')}`,
    });
    const result = await runMain(
      ['cat', '--allow-private-images', '--images', 'blocks', '--width', '24', path.join(root, 'post.md')],
      { env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')) } },
    );
    expect(result.stdout).not.toContain('[image');
    // Four pictures of 7 lines of 24 cells each.
    expect(result.stdout.match(/▄/g)).toHaveLength(4 * 7 * 24);
    const firstLines = result.stdout.split('\n').filter((line) => line.includes('▄'));
    for (const picture of [0, 1, 2, 3]) expect(cells(firstLines[picture * 7]!)[0]![0]).toMatch(/^2[12]\d,[34]\d,[34]\d$/);
  });
}); // prettier-ignore

describe('pictures that cannot be had', () => {
  const load = createImageLoader({ offline: false, cache: null, limits: quick });
  const reason = async (route: string) => {
    const loaded = await load({ kind: 'remote', url: server.url(route) });
    return loaded.ok ? 'loaded' : loaded.reason;
  };

  it('say why, within the timeout', async () => {
    const started = Date.now();
    const reasons = await Promise.all(
      ['/missing.png', '/truncated', '/slow', '/huge', '/vector.svg', '/loop', '/to-file'].map(
        reason,
      ),
    );
    expect(reasons).toEqual([
      'HTTP 404',
      'the connection closed before the image was complete',
      'no answer within 0.6 s',
      'declares 100 megapixels, more than 50',
      'SVG images are not supported',
      'more than 5 redirects',
      'will not follow a file: URL',
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cuts off a body over the size cap instead of buffering it', async () => {
    const loadBig = createImageLoader({ offline: false, cache: null, limits: local });
    const loaded = await loadBig({ kind: 'remote', url: server.url('/big') });
    expect(loaded).toEqual({ ok: false, reason: 'larger than 20 MiB' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.bigBytesSent()).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses a header that declares too many pixels before decoding, and reports undecodable data', async () => {
    expect(sniffImage(pngHeader(8000, 7000))).toEqual({ type: 'png', width: 8000, height: 7000 });
    const root = tempCorpus({
      'post.md': `---\ntitle: Broken pictures\n---\n<img src="${server.url('/garbage')}" alt="garbled"><img src="${server.url('/nothing-here.png')}" alt="gone"><p>All the text.</p>`,
    });
    const result = await runMain(
      ['cat', '--allow-private-images', '--images', 'blocks', path.join(root, 'post.md')],
      {
        env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')) },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[image 1: garbled\] \(undecodable: .+\)$/m);
    expect(result.stdout).toContain('[image 2: gone] (HTTP 404)');
    expect(result.stdout).toContain('All the text.');
  });

  it('a never-answering picture costs at most the timeout, and the text is complete', async () => {
    const root = tempCorpus({
      'post.md': `---\ntitle: Slow\n---\n<p>Before.</p><img src="${server.url('/slow')}" alt="slow one"><p>After.</p>`,
    });
    const started = Date.now();
    const result = await runMain(
      ['cat', '--allow-private-images', '--images', 'blocks', path.join(root, 'post.md')],
      {
        env: {
          BROADSHEET_FETCH_TIMEOUT: '1',
          XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')),
        },
      },
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(result.stdout).toContain('Before.');
    expect(result.stdout).toContain('[image 1: slow one] (no answer within 1 s)');
    expect(result.stdout).toContain('After.');
  });
});

describe('the cache and --offline', () => {
  it('drops a damaged picture from the cache and fetches it again', async () => {
    const cache = cacheIn();
    const url = server.url('/inner/damaged.png');
    cache.put(url, new TextEncoder().encode('<html>a captive portal page</html>'));
    const loaded = await createImageLoader({ offline: false, cache, limits: local })({
      kind: 'remote',
      url,
    });
    expect(loaded.ok).toBe(true);
    expect(server.hits.get('/inner/damaged.png')).toBe(1);
    expect((await createImageLoader({ offline: true, cache })({ kind: 'remote', url })).ok).toBe(
      true,
    );
  });

  it('asks the server once however many times a picture is shown', async () => {
    const cache = cacheIn();
    const url = server.url('/inner/cached.png');
    const first = await createImageLoader({ offline: false, cache, limits: local })({
      kind: 'remote',
      url,
    });
    const second = await createImageLoader({ offline: false, cache, limits: local })({
      kind: 'remote',
      url,
    });
    expect(first.ok && second.ok).toBe(true);
    expect(server.hits.get('/inner/cached.png')).toBe(1);
    // Offline, the cached picture is still there.
    expect((await createImageLoader({ offline: true, cache })({ kind: 'remote', url })).ok).toBe(
      true,
    );
  });

  it('makes no request at all with --offline', async () => {
    const root = tempCorpus({
      'post.md': `---\ntitle: Offline\n---\n<img src="${server.url('/inner/offline.png')}" alt="far away"><p>Text.</p>`,
    });
    const result = await runMain(
      ['cat', '--offline', '--images', 'blocks', path.join(root, 'post.md')],
      {
        env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')) },
      },
    );
    expect(server.hits.get('/inner/offline.png')).toBeUndefined();
    expect(result.stdout).toContain('[image 1: far away] (offline: not fetched)');
  });

  it('draws local files and data: URIs with no network', async () => {
    const root = tempCorpus({});
    writeFileSync(path.join(root, 'pic.png'), QUADRANTS);
    writeFileSync(
      path.join(root, 'post.md'),
      `---\ntitle: Local\n---\n<img src="pic.png"><img src="data:image/png;base64,${QUADRANTS.toString('base64')}">`,
    );
    const result = await runMain([
      'cat',
      '--offline',
      '--images',
      'blocks',
      '--width',
      '20',
      path.join(root, 'post.md'),
    ]);
    expect(result.stdout).not.toContain('[image:');
    expect(result.stdout.match(/▄/g)!.length).toBeGreaterThanOrEqual(2 * 20 * 5);
  });

  it('draws nothing in a pipe unless asked', async () => {
    const root = tempCorpus({
      'post.md': `---\ntitle: Pipe\n---\n<img src="${server.url('/inner/piped.png')}" alt="quiet">`,
    });
    const result = await runMain(['cat', path.join(root, 'post.md')]);
    expect(result.stdout).toContain('[image 1: quiet]');
    expect(server.hits.get('/inner/piped.png')).toBeUndefined();
  });
});

describe('protocol output', () => {
  const bitmap = { width: 4, height: 12, data: new Uint8Array(4 * 12 * 4).fill(255) };

  it('kitty: transmit and place at the cursor, chunked, quiet', () => {
    const big = { width: 64, height: 64, data: new Uint8Array(randomBytes(64 * 64 * 4)) };
    const out = kittyDirect(big, 10, 5);
    const chunks = [...out.matchAll(/\u001b_G([^;]*);([^\u001b]*)\u001b\\/g)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]![1]).toBe('a=T,c=10,r=5,f=32,o=z,s=64,v=64,q=2,m=1');
    expect(chunks.slice(1, -1).every((c) => c[1] === 'm=1')).toBe(true);
    expect(chunks.at(-1)![1]).toBe('m=0');
    expect(chunks.every((c) => c[2]!.length <= 4096)).toBe(true);
    const pixels = inflateSync(Buffer.from(chunks.map((c) => c[2]).join(''), 'base64'));
    expect(new Uint8Array(pixels)).toEqual(big.data);
  });

  it('kitty: a virtual placement, placeholder cells naming row and column, and freeing', () => {
    expect(kittyVirtual(bitmap, 0x123456, 3, 2)).toMatch(
      /^\u001b_Ga=T,U=1,i=1193046,c=3,r=2,f=32,o=z,s=4,v=12,q=2,m=0;/,
    );
    const lines = kittyPlaceholderLines(0x123456, 3, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '\u001b[38;2;18;52;86m' +
        '\u{10EEEE}\u0305\u0305' +
        '\u{10EEEE}\u0305\u030D' +
        '\u{10EEEE}\u0305\u030E' +
        '\u001b[39m',
    );
    expect(lines[1]).toContain('\u{10EEEE}\u030D\u0305');
    expect(displayWidth(lines[0]!.replace(/\u001b\[[0-9;]*m/g, ''))).toBe(3);
    expect(kittyDelete(7)).toBe('\u001b_Ga=d,d=I,i=7,q=2\u001b\\');
  });

  it('iTerm2: the file itself, sized in cells', () => {
    expect(itermImage(QUADRANTS, 20, 6)).toBe(
      `\u001b]1337;File=inline=1;size=${QUADRANTS.length};width=20;height=6;preserveAspectRatio=1:${QUADRANTS.toString('base64')}\u0007`,
    );
  });

  it('sixel: raster size, colour registers, one band per six rows', () => {
    const two = { width: 3, height: 7, data: new Uint8Array(3 * 7 * 4) };
    for (let i = 0; i < 21; i++) two.data.set(i < 6 ? [255, 0, 0, 255] : [0, 0, 255, 255], i * 4);
    const out = sixelImage(two);
    expect(out.startsWith('\u001bP0;1;0q"1;1;3;7')).toBe(true);
    expect(out.endsWith('\u001b\\')).toBe(true);
    expect(out).toMatch(/#\d+;2;100;0;0/);
    expect(out).toMatch(/#\d+;2;0;0;100/);
    expect(out.split('-')).toHaveLength(3);
    expect(sixelImage(bitmap)).toContain('!4~');
  });
});

describe('choosing a protocol', () => {
  const never = async () => ({ kitty: false, sixel: false, cell: null, background: null });
  it('reads the environment, tmux first', async () => {
    expect(protocolFromEnvironment({ TMUX: '/tmp/x', KITTY_WINDOW_ID: '1' })).toBe('blocks');
    expect(protocolFromEnvironment({ KITTY_WINDOW_ID: '1' })).toBe('kitty');
    expect(protocolFromEnvironment({ GHOSTTY_RESOURCES_DIR: '/x' })).toBe('kitty');
    expect(protocolFromEnvironment({ TERM_PROGRAM: 'iTerm.app' })).toBe('iterm');
    expect(protocolFromEnvironment({ LC_TERMINAL: 'iTerm2' })).toBe('iterm');
    expect(protocolFromEnvironment({ WEZTERM_PANE: '0' })).toBe('iterm');
    expect(protocolFromEnvironment({ TERM: 'xterm-256color' })).toBeNull();
  });
  it('asks the terminal when the environment does not say, and reads its answers', async () => {
    expect(
      parseAnswers(
        '\u001b_Gi=31;OK\u001b\\\u001b[6;18;9t\u001b]11;rgb:ffff/fafa/f0f0\u001b\\\u001b[?62;22c',
      ),
    ).toEqual({
      kitty: true,
      sixel: false,
      cell: { width: 9, height: 18 },
      background: '\u001b]11;rgb:ffff/fafa/f0f0\u001b\\',
    });
    expect(parseAnswers('\u001b[?63;1;2;4;6;9;15;22c')).toEqual({
      kitty: false,
      sixel: true,
      cell: null,
      background: null,
    });
    const asked = async () => parseAnswers('\u001b[?62;4c');
    expect(await chooseProtocol('auto', { TERM: 'xterm' }, true, asked)).toMatchObject({
      protocol: 'sixel',
    });
    expect(await chooseProtocol('auto', { TERM: 'xterm' }, true, never)).toMatchObject({
      protocol: 'blocks',
    });
    expect(await chooseProtocol('auto', { KITTY_WINDOW_ID: '1' }, false, never)).toMatchObject({
      protocol: 'none',
    });
    expect(await chooseProtocol('kitty', {}, false, never)).toMatchObject({ protocol: 'kitty' });
  });
  it('fits pictures to the text width and a maximum height, keeping the aspect ratio', () => {
    expect(fitToCells(1000, 500, 80, 30)).toEqual({ columns: 80, rows: 20 });
    expect(fitToCells(500, 1000, 80, 30)).toEqual({ columns: 30, rows: 30 });
    expect(fitToCells(20, 10, 80, 30)).toEqual({ columns: 10, rows: 3 });
  });
});

describe('cat with each protocol', () => {
  it('prints kitty, iTerm2 and sixel sequences in place of the picture', async () => {
    const root = tempCorpus({});
    writeFileSync(path.join(root, 'pic.png'), QUADRANTS);
    writeFileSync(
      path.join(root, 'post.md'),
      `---\ntitle: Protocols\n---\n<p>Above.</p><img src="pic.png" alt="card"><p>Below.</p>`,
    );
    const cat = async (protocol: string) =>
      (await runMain(['cat', '--images', protocol, '--width', '40', path.join(root, 'post.md')]))
        .stdout;
    expect(await cat('kitty')).toMatch(
      /Above\.\n\n\u001b_Ga=T,c=40,r=11,f=32,o=z,s=96,v=54,q=2,m=0;[A-Za-z0-9+/=]+\u001b\\\n\nBelow\./,
    );
    expect(await cat('iterm')).toContain(
      `\u001b]1337;File=inline=1;size=${QUADRANTS.length};width=40;height=11;preserveAspectRatio=1:`,
    );
    expect(await cat('sixel')).toMatch(
      /\u001bP0;1;0q"1;1;96;54(#\d+;2;\d+;\d+;\d+)+[#?-~!$0-9-]+\u001b\\/,
    );
    expect(await cat('none')).toContain('[image 1: card]');
  });
});

describe('pictures from this machine and the local network', () => {
  it('knows which addresses are local or private', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::2', '::ffff:127.0.0.1', '::ffff:7f00:1', '192.0.2.7', '198.51.100.1', '203.0.113.9', '2001:db8::1', '64:ff9b::7f00:1', '2002:7f00:1::1'])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1'])
      expect(isPrivateAddress(address), address).toBe(false);
  }); // prettier-ignore

  it("counts this machine's own addresses as local, whatever their range", () => {
    const interfaces = {
      eth0: [
        { address: '93.184.216.34', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '93.184.216.34/24' },
        { address: '2606:4700::1111', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: '2606:4700::1111/64', scopeid: 0 },
      ],
    } as const satisfies ReturnType<typeof networkInterfaces>;
    for (const address of ['93.184.216.34', '::ffff:93.184.216.34', '2606:4700::1111'])
      expect(isPrivateAddress(address, interfaces), address).toBe(true);
    // Its neighbours on the same network are other machines.
    expect(isPrivateAddress('93.184.216.35', interfaces)).toBe(false);
  }); // prettier-ignore

  // A server listening on every address answers on the machine's own LAN or public address too.
  const ownAddress = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;
  it.skipIf(!ownAddress)(
    "refuses a server on 0.0.0.0 reached through the machine's own address, before any request",
    async () => {
      const everywhere = await startImageServer('0.0.0.0');
      try {
        const url = everywhere.url('/inner/own.png').replace('127.0.0.1', ownAddress!);
        const loaded = await createImageLoader({ offline: false, cache: null })({
          kind: 'remote',
          url,
        });
        expect(loaded).toEqual({
          ok: false,
          reason: `refused: ${ownAddress} is a local or private address (--allow-private-images allows it)`,
        });
        expect(everywhere.hits.size).toBe(0);
      } finally {
        await everywhere.close();
      }
    },
  );

  it('are refused unless allowed, by address and by name, before any request', async () => {
    const load = createImageLoader({ offline: false, cache: null });
    const before = server.hits.get('/inner/guarded.png');
    const byAddress = await load({ kind: 'remote', url: server.url('/inner/guarded.png') });
    expect(byAddress).toEqual({
      ok: false,
      reason: 'refused: 127.0.0.1 is a local or private address (--allow-private-images allows it)',
    });
    const byName = await load({
      kind: 'remote',
      url: server.url('/inner/guarded.png').replace('127.0.0.1', 'localhost'),
    });
    expect(byName).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^refused: localhost/),
    });
    expect(server.hits.get('/inner/guarded.png')).toBe(before);
  });

  it('says so in cat, and fetches them with --allow-private-images', async () => {
    const root = tempCorpus({
      'post.md': `---\ntitle: Local server\n---\n<img src="${server.url('/inner/lan.png')}" alt="on the LAN">`,
    });
    const refused = await runMain(['cat', '--images', 'blocks', path.join(root, 'post.md')]);
    expect(refused.stdout).toContain(
      '[image 1: on the LAN] (refused: 127.0.0.1 is a local or private',
    );
    expect(server.hits.get('/inner/lan.png')).toBeUndefined();
    const allowed = await runMain([
      'cat', '--allow-private-images', '--images', 'blocks', path.join(root, 'post.md'),
    ]); // prettier-ignore
    expect(allowed.stdout).toContain('▄');
    expect(server.hits.get('/inner/lan.png')).toBe(1);
  });
});
