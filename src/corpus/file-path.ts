import path from 'node:path';

/**
 * A file in a folder, from the folder and a `/`-separated path in it, as one
 * flat string. Node's `path.join` builds its answer from slices of its input,
 * so each joined path keeps four more strings alive; a folder of 100 000
 * articles holds 100 000 of these.
 */
export function joinPath(folder: string, relativePath: string): string {
  const parts = path.sep === '/' ? relativePath : relativePath.split('/').join(path.sep);
  return [folder.endsWith(path.sep) ? folder.slice(0, -1) : folder, parts].join(path.sep);
}
