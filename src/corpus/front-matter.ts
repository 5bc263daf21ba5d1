import { load, CORE_SCHEMA } from 'js-yaml';

export interface FrontMatter {
  /** The parsed mapping; `{}` when there is none or it could not be read. */
  data: Record<string, unknown>;
  body: string;
  /** Why the front matter could not be read as it stands, or null. */
  problem: string | null;
}

const OPENING = /^(?:[ \t]*\n)*---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** True when the text (BOM and CRLF already removed) opens with a `---` line, blank lines allowed before it. */
export function opensWithFrontMatter(text: string): boolean {
  return OPENING.test(text);
}

/**
 * Splits and parses front matter. YAML is read with the core schema, so a date
 * stays the string it was written as and is read by our own parser (a
 * zone-less time is local time; YAML's timestamp type would make it UTC).
 */
export function parseFrontMatter(text: string): FrontMatter {
  const split = splitFrontMatter(text);
  if (split.yaml === null) {
    return {
      data: {},
      body: text,
      problem: split.unclosed ? 'front matter has no closing ---' : null,
    };
  }
  const { yaml, body, firstLine } = split;
  try {
    const parsed = load(yaml, { schema: CORE_SCHEMA }) as unknown;
    if (parsed === null || parsed === undefined) return { data: {}, body, problem: null };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { data: {}, body, problem: 'front matter is not a list of key: value fields' };
    }
    return { data: parsed as Record<string, unknown>, body, problem: null };
  } catch (error) {
    return {
      data: salvageFields(yaml),
      body,
      problem: `bad YAML (fields read line by line): ${yamlReason(error, firstLine)}`,
    };
  }
}

/**
 * Front matter and body apart, without reading the YAML: all that a body
 * search needs. `yaml` is null when there is no front matter, or it has no end.
 */
export function splitFrontMatter(text: string): {
  yaml: string | null;
  body: string;
  unclosed: boolean;
  /** The file's line number (from 1) of the YAML's first line. */
  firstLine: number;
} {
  const opening = OPENING.exec(text);
  if (!opening) return { yaml: null, body: text, unclosed: false, firstLine: 1 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  const firstLine = opening[0].split('\n').length;
  if (!closing) return { yaml: null, body: text, unclosed: true, firstLine };
  return {
    yaml: rest.slice(0, closing.index),
    body: rest.slice(closing.index + closing[0].length).replace(/^(?:[ \t]*\n)+/, ''),
    unclosed: false,
    firstLine,
  };
}

/** What the YAML reader said, where it says it counted in the file's own lines (an editor's `:3`). */
function yamlReason(error: unknown, firstLine: number): string {
  const { reason, mark } = error as {
    reason?: unknown;
    mark?: { line?: unknown; column?: unknown };
  };
  if (
    typeof reason === 'string' &&
    typeof mark?.line === 'number' &&
    typeof mark.column === 'number'
  )
    return `${reason} at line ${firstLine + mark.line}, column ${mark.column + 1}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\s+/g, ' ').trim();
}

/**
 * Reads what it can from front matter that is not valid YAML: top-level
 * `key: value` lines, and `- item` lines under a key with no value. Quotes
 * around a value are removed however many there are, as RSS exporters that
 * double-quote already-quoted titles write them.
 */
export function salvageFields(yaml: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of yaml.split('\n')) {
    const field = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t](.*))?$/.exec(line);
    if (field) {
      const value = unquote(field[2] ?? '');
      listKey = value === '' ? field[1]! : null;
      data[field[1]!] = value === '' ? null : value;
      continue;
    }
    const item = /^[ \t]*-[ \t](.*)$/.exec(line);
    if (item && listKey) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as unknown[]) : [];
      list.push(unquote(item[1]!));
      data[listKey] = list;
    }
  }
  return data;
}

/** The value trimmed, quotes taken off both ends however many there are. */
function unquote(value: string): string {
  const text = value.trim();
  const quote = (at: number) => text[at] === '"' || text[at] === "'";
  let start = 0;
  let end = text.length;
  while (start < end && quote(start)) start++;
  while (end > start && quote(end - 1)) end--;
  return text.slice(start, end);
}
