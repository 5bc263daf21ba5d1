import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';

const paths = envPaths('broadsheet', { suffix: '' });

/**
 * Where reading state lives: `$XDG_STATE_HOME/broadsheet` (by default
 * `~/.local/state/broadsheet`) on Linux and the BSDs, the platform's data
 * folder elsewhere.
 */
export function stateFolder(env = process.env): string {
  if (process.platform === 'darwin' || process.platform === 'win32') return paths.data;
  const base =
    env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME)
      ? env.XDG_STATE_HOME
      : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'broadsheet');
}

/**
 * Where caches live: `$XDG_CACHE_HOME/broadsheet` (by default
 * `~/.cache/broadsheet`) on Linux and the BSDs, the platform's cache folder
 * elsewhere. A relative XDG path is ignored, as the XDG spec says: it would
 * put the cache wherever broadsheet was started, the article folder included.
 */
export function cacheFolder(env = process.env): string {
  if (process.platform === 'darwin' || process.platform === 'win32') return paths.cache;
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : path.join(os.homedir(), '.cache');
  return path.join(base, 'broadsheet');
}

/**
 * Where the configuration lives: `$XDG_CONFIG_HOME/broadsheet` (by default
 * `~/.config/broadsheet`) on Linux and the BSDs, the platform's config folder
 * elsewhere.
 */
export function configFolder(env = process.env): string {
  if (process.platform === 'darwin' || process.platform === 'win32') return paths.config;
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(os.homedir(), '.config');
  return path.join(base, 'broadsheet');
}
