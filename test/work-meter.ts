/**
 * Work counted without a clock: while `countWork` runs its function, the
 * built-in methods whose cost grows with what they walk (array and string
 * methods, pattern matching) add how much they walk to a counter. A
 * quadratic loop shows as work that grows with the square of the input, on
 * any machine and under any load.
 */
type Method = (this: unknown, ...args: unknown[]) => unknown;

let work = 0;

const lengthOf = (value: unknown): number =>
  typeof value === 'string' || Array.isArray(value) ? value.length : 0;

/** Methods that walk, or may walk, all of what they are called on. */
const WALK_ALL: Array<[object, string[]]> = [
  [
    Array.prototype,
    [
      'shift', 'unshift', 'splice', 'indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex', 'findLast',
      'some', 'every', 'slice', 'map', 'filter', 'reduce', 'forEach', 'join', 'concat', 'reverse', 'flatMap',
      'fill', 'sort', 'flat',
    ],
  ],
  [
    String.prototype,
    [
      'split', 'replace', 'replaceAll', 'match', 'matchAll', 'trim', 'trimEnd', 'trimStart', 'toLowerCase',
      'toUpperCase', 'normalize', 'lastIndexOf', 'localeCompare',
    ],
  ],
]; // prettier-ignore
/** A search in a string walks from where it starts to what it finds, or to the end. */
const SEARCHES: Array<[object, string[]]> = [[String.prototype, ['indexOf', 'includes']]];

/** Methods whose work is what they return (a slice of a string is a view of it: no work). */
const WALK_RESULT: Array<[object, string[]]> = [
  [String.prototype, ['repeat', 'padStart', 'padEnd']],
];

function patch(
  target: object,
  name: string,
  cost: (self: unknown, result: unknown, args: unknown[]) => number,
) {
  const original = (target as Record<string, Method>)[name]!;
  const counted: Method = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    work += cost(this, result, args);
    return result;
  };
  Object.defineProperty(target, name, { value: counted, writable: true, configurable: true });
  return () =>
    Object.defineProperty(target, name, { value: original, writable: true, configurable: true });
}

/**
 * A pattern walks from where it starts to where its match ends, or to the
 * end when nothing matches; one anchored at its start (`^…`, or sticky)
 * looks only there, and walks what it matches.
 */
function patchPatterns(): Array<() => void> {
  const counted = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const anchored = this.sticky || (this.source.startsWith('^') && !this.multiline);
    const result = regExpExec.call(this, input);
    if (anchored) work += (result?.[0].length ?? 0) + 1;
    else if (result) work += result.index + result[0].length - from + 1;
    else work += String(input).length - from + 1;
    return result;
  };
  const test = function (this: RegExp, input: string) {
    return counted.call(this, input) !== null;
  };
  const define = (name: string, value: unknown) =>
    Object.defineProperty(RegExp.prototype, name, { value, writable: true, configurable: true });
  define('exec', counted);
  define('test', test);
  return [() => define('exec', regExpExec), () => define('test', regExpTest)];
}

const regExpExec = RegExp.prototype.exec;
const regExpTest = RegExp.prototype.test;

/** How much work `fn` does, counted as above; it must do all of it before it returns. */
export function countWork(fn: () => void): number {
  const restore: Array<() => void> = [];
  for (const [target, names] of WALK_ALL)
    for (const name of names) restore.push(patch(target, name, (self) => lengthOf(self) + 1));
  for (const [target, names] of SEARCHES)
    for (const name of names)
      restore.push(
        patch(target, name, (self, result, args) => {
          const from = typeof args[1] === 'number' ? args[1] : 0;
          const found = typeof result === 'number' && result >= 0 ? result + 1 : lengthOf(self);
          return Math.max(1, found - from + 1);
        }),
      );
  for (const [target, names] of WALK_RESULT)
    for (const name of names)
      restore.push(patch(target, name, (_, result) => lengthOf(result) + 1));
  restore.push(...patchPatterns());
  work = 0;
  try {
    fn();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}
