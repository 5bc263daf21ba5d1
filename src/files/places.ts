import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';

const paths = envPaths('broadsheet', { suffix: '' });

/**
 * A folder of broadsheet's under an XDG base: the variable's value when it is
 * an absolute path (a relative one is ignored, as the XDG spec says: it would
 * put files wherever broadsheet was started, the article folder included),
 * else the default under the home folder; the platform's own folder on macOS
 * and Windows.
 */
function xdgFolder(variable: string | undefined, fallback: string[], platform: string): string {
  if (process.platform === 'darwin' || process.platform === 'win32') return platform;
  const base =
    variable && path.isAbsolute(variable) ? variable : path.join(os.homedir(), ...fallback);
  return path.join(base, 'broadsheet');
}

/** Reading state: `$XDG_STATE_HOME/broadsheet`, by default `~/.local/state/broadsheet`. */
export function stateFolder(env = process.env): string {
  return xdgFolder(env.XDG_STATE_HOME, ['.local', 'state'], paths.data);
}

/** Caches: `$XDG_CACHE_HOME/broadsheet`, by default `~/.cache/broadsheet`. */
export function cacheFolder(env = process.env): string {
  return xdgFolder(env.XDG_CACHE_HOME, ['.cache'], paths.cache);
}

/** The configuration: `$XDG_CONFIG_HOME/broadsheet`, by default `~/.config/broadsheet`. */
export function configFolder(env = process.env): string {
  return xdgFolder(env.XDG_CONFIG_HOME, ['.config'], paths.config);
}

/**
 * Locks: `$XDG_RUNTIME_DIR/broadsheet` (the session's own folder, emptied at
 * logout), else `locks` in the cache folder. Never beside the files they lock,
 * which a tool may carry to another machine.
 */
export function lockFolder(env = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (process.platform !== 'win32' && runtime && path.isAbsolute(runtime))
    return path.join(runtime, 'broadsheet');
  return path.join(cacheFolder(env), 'locks');
}
