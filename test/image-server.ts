import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { demoCorpus, projectRoot } from './helpers.js';

export const QUADRANTS = readFileSync(path.join(demoCorpus, 'assets/quadrants.png'));

/** The quadrants picture in each format and flavour broadsheet decodes, and BMP, which it does not. */
export const FORMATS = path.join(projectRoot, 'test/fixtures/images');

/** A PNG that declares `width` × `height` pixels in its header, with a tiny body. */
export function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(6, 25);
  return Buffer.concat([header, deflateSync(Buffer.alloc(64))]);
}

/**
 * An image server for the tests, on 127.0.0.1 (or on every address of the
 * machine, with `0.0.0.0`): each path is a case, and every request is counted
 * by path so a test can see what was asked for.
 */
export async function startImageServer(host = '127.0.0.1') {
  const hits = new Map<string, number>();
  const held: http.ServerResponse[] = [];
  let bigBytesSent = 0;
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const route = url.replace(/\?.*$/, '');
    if (route.startsWith('/inner/') || route === '/quadrants.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': QUADRANTS.length });
      return response.end(QUADRANTS);
    }
    if (route.startsWith('/formats/')) {
      response.writeHead(200);
      return response.end(readFileSync(path.join(FORMATS, path.basename(route))));
    }
    switch (route) {
      case '/redirect':
        response.writeHead(302, { location: '/quadrants.png' });
        return response.end();
      case '/loop':
        response.writeHead(302, { location: '/loop' });
        return response.end();
      case '/to-file':
        response.writeHead(302, { location: 'file:///etc/passwd' });
        return response.end();
      case '/truncated':
        response.writeHead(200, {
          'content-type': 'image/png',
          'content-length': QUADRANTS.length * 4,
        });
        response.write(QUADRANTS.subarray(0, 40));
        return setTimeout(() => response.destroy(), 20);
      case '/slow':
        // Never answers.
        held.push(response);
        return;
      case '/huge':
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(pngHeader(10_000, 10_000));
      case '/big': {
        response.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.concat([pngHeader(100, 100), Buffer.alloc(1024 * 1024)]);
        const pump = () => {
          while (bigBytesSent < 64 * 1024 * 1024) {
            bigBytesSent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => response.removeAllListeners('drain'));
        return pump();
      }
      case '/vector.svg':
        response.writeHead(200, { 'content-type': 'image/svg+xml' });
        return response.end('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
      case '/garbage':
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(
          Buffer.concat([pngHeader(10, 10).subarray(0, 33), Buffer.from('not zlib at all')]),
        );
      default:
        response.writeHead(404);
        return response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (route: string) => `http://127.0.0.1:${port}${route}`,
    hits,
    bigBytesSent: () => bigBytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
