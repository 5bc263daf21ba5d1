import { describe, expect, it } from 'vitest';
import { splitInput } from '../src/terminal/answers.js';

/** Feeds the input in the given pieces, as reads would bring them. */
function feed(pieces: string[]): { keys: string; answers: string[]; pending: string } {
  let pending = '';
  let keys = '';
  const answers: string[] = [];
  for (const piece of pieces) {
    const split = splitInput(pending, piece);
    keys += split.keys;
    answers.push(...split.answers);
    pending = split.pending;
  }
  return { keys, answers, pending };
}

describe('terminal answers among keys', () => {
  it('takes out kitty, device-attribute, cell-size and colour answers, and keeps every key in order', () => {
    const kitty = '\u001b_Gi=31;OK\u001b\\';
    const attributes = '\u001b[?62;4;22c';
    const cell = '\u001b[6;20;10t';
    const color = '\u001b]11;rgb:1c1c/1c1c/1c1c\u0007';
    expect(feed([`j${kitty}k${attributes}${cell}G${color}q`])).toEqual({
      keys: 'jkGq',
      answers: [kitty, attributes, cell, color],
      pending: '',
    });
  });

  it('holds an answer cut across reads until the rest comes, at any cut', () => {
    const input = 'ab\u001b_Gi=31;OK\u001b\\cd\u001b[?64;4c';
    for (let cut = 1; cut < input.length; cut++) {
      expect(feed([input.slice(0, cut), input.slice(cut)]), `cut at ${cut}`).toEqual({
        keys: 'abcd',
        answers: ['\u001b_Gi=31;OK\u001b\\', '\u001b[?64;4c'],
        pending: '',
      });
    }
  });

  it('leaves keys that begin with Esc as keys: arrows, Alt chords, a lone Esc held for a moment', () => {
    expect(feed(['\u001b[A\u001b[1;5B\u001bj'])).toEqual({
      keys: '\u001b[A\u001b[1;5B\u001bj',
      answers: [],
      pending: '',
    });
    expect(feed(['x\u001b'])).toEqual({ keys: 'x', answers: [], pending: '\u001b' });
  });
});
