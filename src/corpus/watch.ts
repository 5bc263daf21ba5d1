// Noticing that a folder of articles changed while it is shown: file system events where they can be
// trusted, else a look at the folders' own times every two seconds.
import { readdirSync, realpathSync, statfsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FolderWatch {
  /** How changes are noticed: events from the system, or a look at the folders' times now and then. */
  readonly mode: 'events' | 'polling';
  stop(): void;
}

export interface WatchOptions {
  /** Look at the folders' times instead of waiting for events (as on a network file system). */
  poll?: boolean;
  /** How often the folders are looked at when polling. */
  interval?: number;
  /** How long events must have stopped before the change is told (a `git pull` is one change). */
  quiet?: number;
}

/**
 * File systems whose events do not tell what other machines (or the host of
 * a container) did: NFS, SMB/CIFS, FUSE (sshfs, virtiofs), 9p, Ceph, AFS,
 * VirtualBox's shared folders, Coda, Lustre, GPFS. By `statfs`'s type.
 */
const REMOTE_TYPES = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x01021997, 0x00c36400, 0x5346414f,
  0x6b414653, 0x786f4256, 0x73757245, 0x0bd00bd0, 0x47504653,
]);

/** True when the folder is on a file system whose events cannot be trusted to come. */
export function eventsUnreliable(folder: string): boolean {
  try {
    return REMOTE_TYPES.has(statfsSync(folder).type);
  } catch {
    return false;
  }
}

/**
 * Calls `onChange` when articles may have been added, changed or removed
 * under `root` (any file but a hidden one, in any folder the scan walks).
 * Events: one watch a folder (a recursive watch on Linux holds one for every
 * file), new folders taken in as they come; a burst of events is one call,
 * once they stop for `quiet` ms. Polling: every `interval` ms the folders'
 * times are compared with the last look (a file made, removed or renamed
 * changes its folder's time; one written over in place is found by the
 * browser's own slower check of every file). Watching costs nothing between
 * changes, and never keeps the process alive.
 */
export function watchFolder(
  root: string,
  onChange: () => void,
  options: WatchOptions = {},
): FolderWatch {
  const { interval = 2000, quiet = 200 } = options;
  const polling = options.poll ?? eventsUnreliable(root);
  let stopped = false;
  if (polling) {
    let folders = foldersUnder(root);
    let last = stampsOf(folders);
    const timer = setInterval(() => {
      const now = stampsOf(folders);
      if (now === last) return;
      folders = foldersUnder(root);
      last = stampsOf(folders);
      onChange();
    }, interval);
    timer.unref();
    return {
      mode: 'polling',
      stop: () => clearInterval(timer),
    };
  }
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A folder made meanwhile is watched too; one removed is let go.
      follow();
      onChange();
    }, quiet);
    timer.unref();
  };
  const follow = () => {
    const folders = new Set(foldersUnder(root));
    for (const [folder, watcher] of watchers)
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (!name || !String(name).startsWith('.')) changed();
        });
        // A folder that went away ends its watch: the next change finds the folders again.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
          changed();
        });
        watchers.set(folder, watcher);
      } catch {
        // Gone already, or no watch left to be had: the browser's slower check still finds changes.
      }
    }
  };
  follow();
  return {
    mode: 'events',
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Every folder under `root` the scan walks (hidden ones and `node_modules` left out), each real folder once. */
function foldersUnder(root: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(folder);
    try {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isSymbolicLink()) {
          try {
            if (statSync(full).isDirectory()) pending.push(full);
          } catch {
            // A broken link: the scan says so.
          }
        }
      }
    } catch {
      // Unreadable: the scan says so.
    }
  }
  return found;
}

/** The folders' change times, as one string to compare. */
function stampsOf(folders: readonly string[]): string {
  return folders
    .map((folder) => {
      try {
        const info = statSync(folder);
        return `${info.mtimeMs}:${info.ctimeMs}`;
      } catch {
        return '-';
      }
    })
    .join(',');
}

/**
 * Calls `onChange` when the one file `file` may have been written, replaced or
 * removed: a watch of its folder alone (not the folders under it), by events,
 * or a look at the file's times every `interval` ms where events are not trusted.
 */
export function watchFile(
  file: string,
  onChange: () => void,
  options: WatchOptions = {},
): FolderWatch {
  const { interval = 2000, quiet = 200 } = options;
  const folder = path.dirname(file);
  const name = path.basename(file);
  const stampOf = () => {
    try {
      const info = statSync(file);
      return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
    } catch {
      return '-';
    }
  };
  if (options.poll ?? eventsUnreliable(folder)) {
    let last = stampOf();
    const timer = setInterval(() => {
      const now = stampOf();
      if (now === last) return;
      last = now;
      onChange();
    }, interval);
    timer.unref();
    return { mode: 'polling', stop: () => clearInterval(timer) };
  }
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, { persistent: false }, (_event, changed) => {
      if (changed !== null && String(changed) !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, quiet);
      timer.unref();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // No watch to be had: the browser's own slower check still finds the change.
  }
  return {
    mode: 'events',
    stop: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
