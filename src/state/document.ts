/**
 * The reading state as it is written: a snapshot document, and a journal of
 * the changes saved since, one document a line. Both hold entries by article
 * key; an entry is kept as it was read, with any field broadsheet does not
 * know (a note, labels), and is read through the functions here, which make
 * sense of any shape: a field that is missing or of another type counts as
 * not set, and nothing is dropped for it.
 */

export const VERSION = 1;

/** A place in an article's text that holds at any width: a top-level block, and how far into it. */
export interface TextPlace {
  block: number;
  /** 0 at the block's first row, towards 1 at its last. */
  within: number;
}

/** What broadsheet remembers of an article, by the real path of its file. */
export interface ReadingEntry {
  /** When it was first opened, ms since the epoch. */
  readAt: number;
  /** False when marked unread again (the place read is kept). */
  read: boolean;
  starred: boolean;
  /** The reader's first visible line when it was last left, at the width it was read at. */
  line: number;
  /** The same place in the text, which a reader of another width finds too. */
  place?: TextPlace;
  /** When this entry last changed: of two browsers' entries for one article, the later wins. */
  changedAt: number;
}

/** One document of the state: a snapshot, a journal's line, or a sync tool's copy of either. */
export interface StateDocument {
  /** Entries by key, as written (any value: one that is not an object is kept and means nothing). */
  articles: Record<string, unknown>;
  /** The prompts' histories: whole in a snapshot, the lines added in a journal's line. */
  history: Record<string, unknown>;
  /** Fields of the document broadsheet does not know, kept as they are. */
  extra: Record<string, unknown>;
}

export type Parsed = { documents: StateDocument[] } | { why: string };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fieldsOf = (entry: unknown): Record<string, unknown> => (isObject(entry) ? entry : {});

/** Read, unless marked unread; an entry of the first versions, with no `read`, was read. */
export const readOf = (entry: unknown): boolean => isObject(entry) && entry.read !== false;

export const starredOf = (entry: unknown): boolean => fieldsOf(entry).starred === true;

export function lineOf(entry: unknown): number {
  const line = fieldsOf(entry).line;
  return typeof line === 'number' && Number.isFinite(line) ? Math.max(0, Math.floor(line)) : 0;
}

export function placeOf(entry: unknown): TextPlace | null {
  const place = fieldsOf(entry).place;
  if (!isObject(place) || !Number.isInteger(place.block) || typeof place.within !== 'number')
    return null;
  const within = Number.isFinite(place.within) ? Math.min(1, Math.max(0, place.within)) : 0;
  return { block: place.block as number, within };
}

/** A time field as ms since the epoch: a number, or a date written as text; NaN when it is neither. */
function timeOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return NaN;
}

/** When the entry last changed: its `changedAt`, else its `readAt`, else never (older than any other). */
export function changedAtOf(entry: unknown): number {
  if (!isObject(entry)) return -Infinity;
  const changed = timeOf(entry.changedAt);
  if (!Number.isNaN(changed)) return changed;
  const read = timeOf(entry.readAt);
  return Number.isNaN(read) ? 0 : read;
}

/** The entry as broadsheet reads it. */
export function entryOf(entry: unknown): ReadingEntry {
  const readAt = timeOf(fieldsOf(entry).readAt);
  const place = placeOf(entry);
  return {
    readAt: Number.isNaN(readAt) ? 0 : readAt,
    read: readOf(entry),
    starred: starredOf(entry),
    line: lineOf(entry),
    ...(place ? { place } : {}),
    changedAt: Math.max(0, changedAtOf(entry)),
  };
}

/** Lines git writes around the two sides of a merge that conflicted. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})( |$)/;

/**
 * A snapshot's documents: one, or, when a git merge of it conflicted, each
 * side of the conflict (the snapshot is one line, so each side is whole).
 */
export function parseSnapshot(text: string): Parsed {
  text = withoutBom(text);
  const sides = text.startsWith('<<<<<<< ')
    ? text.split('\n').filter((line) => line.trim() !== '' && !CONFLICT_MARKER.test(line))
    : [text];
  const documents: StateDocument[] = [];
  for (const side of sides) {
    let value: unknown;
    try {
      value = JSON.parse(side);
    } catch {
      return { why: 'damaged' };
    }
    const document = documentOf(value, true);
    if (typeof document === 'string') return { why: document };
    documents.push(document);
  }
  return { documents };
}

/** What a journal holds from some point on. */
export interface JournalPart {
  documents: StateDocument[];
  /** Bytes of whole lines read; a last line without its newline (being written) is left for later. */
  consumed: number;
  /** Lines that are not a document of the state, and why the first was not. */
  damaged: number;
  why: string | null;
}

/**
 * The documents of a journal's lines. Lines of git's conflict markers are
 * passed over (a conflicted merge of the journal keeps both sides' lines).
 */
export function parseJournal(bytes: Buffer): JournalPart {
  const part: JournalPart = { documents: [], consumed: 0, damaged: 0, why: null };
  for (let start = 0; ;) {
    const end = bytes.indexOf(10, start);
    if (end < 0) break;
    const line = withoutBom(bytes.toString('utf8', start, end));
    start = part.consumed = end + 1;
    if (line.trim() === '' || CONFLICT_MARKER.test(line)) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const document = value === undefined ? 'damaged' : documentOf(value, false);
    if (typeof document === 'string') {
      part.damaged++;
      part.why ??= document;
    } else part.documents.push(document);
  }
  return part;
}

/** The document a parsed value is, or why it is none. */
function documentOf(value: unknown, isSnapshot: boolean): StateDocument | string {
  if (!isObject(value)) return 'not a reading state';
  const { version, articles, history, ...extra } = value;
  if (typeof version === 'number' && version > VERSION) return 'from a newer broadsheet';
  if (version !== VERSION) return 'not a reading state';
  if (!(isObject(articles) || (articles === undefined && !isSnapshot)))
    return 'not a reading state';
  return {
    articles: articles ?? {},
    history: isObject(history) ? history : {},
    extra,
  };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Entries written a batch at a time, so that a large state is never one string of its own size twice. */
const BATCH = 10_000;

/** A snapshot of the whole state, in pieces to be written one after another. */
export function* snapshotText(
  entries: Map<string, unknown>,
  history: Record<string, unknown>,
  extra: Record<string, unknown>,
): Generator<string> {
  yield `{"version":${VERSION},"articles":{`;
  let batch: string[] = [];
  let first = true;
  for (const [key, entry] of entries) {
    batch.push(`${JSON.stringify(key)}:${JSON.stringify(entry)}`);
    if (batch.length === BATCH) {
      yield (first ? '' : ',') + batch.join(',');
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) yield (first ? '' : ',') + batch.join(',');
  yield `},"history":${JSON.stringify(history)}`;
  const rest = JSON.stringify(extra);
  yield rest === '{}' ? '}' : `,${rest.slice(1)}`;
}

/** A journal's line: the entries changed and the history lines added by one save. */
export function journalLine(
  entries: Iterable<[string, unknown]>,
  history: Record<string, unknown>,
): string {
  const parts: string[] = [];
  for (const [key, entry] of entries) parts.push(`${JSON.stringify(key)}:${JSON.stringify(entry)}`);
  return `{"version":${VERSION},"articles":{${parts.join(',')}},"history":${JSON.stringify(history)}}\n`;
}
