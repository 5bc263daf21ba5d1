import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * A lock that one process at a time holds, so that browsers on the same state
 * read, merge and write it in turn. It is a file created exclusively, holding
 * the holder's process id and host, in a folder of its own outside the state's
 * (the runtime folder), so that a tool carrying the state's folder between
 * machines never copies it.
 *
 * A lock whose process is gone is broken at once: a killed browser blocks no
 * one. So that two processes breaking the same dead lock cannot remove a lock
 * a third has just taken, a lock is broken only by the holder of a second,
 * short-lived lock beside it, after reading again that it is the dead one.
 * A lock older than ten minutes is taken for dead too (a process id used
 * again), as is one from another host that old.
 *
 * Packages that do this (proper-lockfile, lockfile) know a dead holder only by
 * the lock's age, so a killed browser would hold every other one up for that
 * long, and a live one slow to save could lose its lock; and their synchronous
 * forms do not wait, which a save made while the process exits must.
 */

/** The lock file of a state file: one per state, however its path is spelled, in `folder`. */
export function lockFileOf(stateFile: string, folder: string): string {
  const name = createHash('sha256').update(realPath(stateFile)).digest('hex').slice(0, 20);
  return path.join(folder, `reading-${name}.lock`);
}

/** What `tryLock` gives: the release. */
export type Release = () => void;

/** Takes the lock if it is free (or its holder is dead); null when a live process holds it. */
export function tryLock(file: string): Release | null {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const token = `${process.pid} ${hostname()} ${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, token)) return () => release(file, token);
    if (!breakIfDead(file)) return null;
  }
  return null;
}

/** Thrown by `lock` when a live process held the lock all the time it waited. */
export class LockBusy extends Error {
  constructor(readonly holder: string) {
    super(`another broadsheet (${holder}) kept the reading state locked`);
  }
}

/** Takes the lock, waiting up to `waitMs` for a live holder to let it go. */
export function lock(file: string, waitMs: number): Release {
  const deadline = Date.now() + waitMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    const release = tryLock(file);
    if (release) return release;
    if (Date.now() >= deadline) throw new LockBusy(holderOf(file));
    Atomics.wait(sleeper, 0, 0, pause);
  }
}

/** Creates the file with the token in it; false when it is there already. */
function createExclusive(file: string, token: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(descriptor, token);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

function release(file: string, token: string): void {
  // Only our own: a lock broken as dead while we were stuck is someone else's now.
  if (read(file) === token) rmSync(file, { force: true });
}

/** Removes the lock if its holder is dead; says whether it is gone (so taking it may be tried again). */
function breakIfDead(file: string): boolean {
  const seen = read(file);
  if (seen === null) return true;
  if (!isDead(seen, ageOf(file), LOCK_STALE_MS)) return false;
  const breaker = `${file}.break`;
  const token = `${process.pid} ${hostname()} ${Math.random().toString(36).slice(2)}`;
  if (!createExclusive(breaker, token)) {
    // Another process is breaking it; a breaker that died doing so is removed after a moment.
    const other = read(breaker);
    if (other !== null && isDead(other, ageOf(breaker), BREAKER_STALE_MS))
      rmSync(breaker, { force: true });
    return false;
  }
  try {
    if (read(file) === seen) rmSync(file, { force: true });
  } finally {
    release(breaker, token);
  }
  return true;
}

/** A lock held longer than this is taken for one whose process id was given to another process. */
const LOCK_STALE_MS = 10 * 60_000;
/** Breaking a lock takes microseconds: a breaker this old died doing it. */
const BREAKER_STALE_MS = 5_000;
/** A lock file with no holder in it yet is being written; this old, its writer died. */
const UNWRITTEN_STALE_MS = 5_000;

function isDead(content: string, age: number, staleMs: number): boolean {
  const [pid, host] = content.split(' ');
  if (!pid || !host) return age > UNWRITTEN_STALE_MS;
  if (age > staleMs) return true;
  return host === hostname() && !processAlive(Number(pid));
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock, for a message: `process 123`. */
function holderOf(file: string): string {
  const pid = read(file)?.split(' ')[0];
  return pid ? `process ${pid}` : 'another process';
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The file's real path; for one not there yet, its nearest folder's real path and the rest as written. */
function realPath(file: string): string {
  const rest: string[] = [];
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return path.resolve(file);
      rest.push(path.basename(at));
    }
  }
}
