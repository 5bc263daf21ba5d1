import { describe, expect, it } from 'vitest';
import { Style } from '../src/render/doc.js';
import { wrapSpans } from '../src/render/wrap.js';
import { displayWidth } from '../src/text/width.js';

const wrap = (text: string, width: number) =>
  wrapSpans([{ text, style: Style.none }], width).map((line) => line.map((s) => s.text).join(''));

const CJK =
  '北京时间十一月十六日，历史上首次中美元首视频会晤举行。中美两国高度关注，全世界的目光也为之聚焦。新华社记者的镜头，记录下会晤开始时的瞬间——“很高兴见到你”，他说（笑）。这是一段没有空格的中文段落，用来检验换行。';

describe('wrapSpans', () => {
  it.each([20, 37, 60])('wraps unspaced Chinese at %i columns, losing no character', (width) => {
    const lines = wrap(CJK, width);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join('')).toBe(CJK);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    for (let width = 8; width <= 40; width++) {
      const lines = wrap(CJK, width);
      for (const line of lines.slice(1))
        expect(line[0], `width ${width}: ${line}`).not.toMatch(/[，。、；：？！）」』》…”]/);
      for (const line of lines.slice(0, -1))
        expect(line.at(-1), `width ${width}: ${line}`).not.toMatch(/[（「『《“]/);
    }
  });

  it('moves the character before a comma down with it', () => {
    expect(wrap('一二三四，五', 8)).toEqual(['一二三', '四，五']);
  });

  it('breaks Latin text at spaces and after hyphens, and splits words longer than the line', () => {
    expect(wrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrap('a well-known thing', 8)).toEqual(['a well-', 'known', 'thing']);
    expect(wrap('supercalifragilistic', 8)).toEqual(['supercal', 'ifragili', 'stic']);
  });

  it('mixes Chinese and Latin, keeping words whole', () => {
    const lines = wrap('使用 TypeScript 编写的终端阅读器broadsheet很好用', 12);
    expect(lines.join('').replace(/ /g, '')).toBe('使用TypeScript编写的终端阅读器broadsheet很好用');
    expect(lines.some((line) => line.includes('TypeScript'))).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });

  it('counts emoji, ZWJ sequences and combining marks by columns, whatever was measured before', () => {
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('中文')).toBe(4);
    const lines = wrap('👩‍💻👩‍💻👩‍💻 e\u0301e\u0301e\u0301', 4);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(4);
    expect(lines.join('').replace(/ /g, '')).toBe('👩‍💻👩‍💻👩‍💻e\u0301e\u0301e\u0301');
  });

  it('keeps hard line breaks', () => {
    expect(wrap('one\ntwo', 20)).toEqual(['one', 'two']);
  });

  it('wraps a 20 000-character unspaced paragraph quickly and exactly', () => {
    const text = CJK.repeat(Math.ceil(20_000 / CJK.length)).slice(0, 20_000);
    const lines = wrap(text, 37);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(37);
  });
});

describe('displayWidth', () => {
  it('agrees with string-width on every line of the fixtures and demo articles, and on emoji, jamo and marks', async () => {
    const { default: stringWidth } = await import('string-width');
    const { readdirSync, readFileSync } = await import('node:fs');
    const { fixtureCorpus, demoCorpus } = await import('./helpers.js');
    const lines = [fixtureCorpus, demoCorpus].flatMap((folder) =>
      readdirSync(folder)
        .filter((file) => /\.(md|txt|html)$/.test(file))
        .flatMap((file) => readFileSync(`${folder}/${file}`, 'utf8').split('\n')),
    );
    expect(lines.length).toBeGreaterThan(300);
    lines.push(
      '👩‍💻 flags 🇯🇵 keycap 1\u20e3 ok ✔️ 한국어 \u1100\u1161\u11a8 e\u0301 क्षि ｶﾞ',
      '\u200b\u00ad\ufeff',
    );
    const printable = lines.map((line) => line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
    const disagreeing = printable.filter((line) => displayWidth(line) !== stringWidth(line));
    expect(disagreeing).toEqual([]);
  });
});

/**
 * The strict line-breaking rules (JIS X 4051, CSS `line-break: strict`), class
 * by class: each character is set where, on the next width, it would start
 * (or end) a line, and must not.
 */
const MAY_NOT_START: Array<[string, string]> = [
  ['closing brackets and quotes', '）］｝〕〉》」』】〙〗〟｠»›’”＞)]}'],
  ['stops and commas', '、。，．,.｡､'],
  ['separators', '・：；！？‼⁇⁈⁉:;!?･·'],
  [
    'small kana',
    'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ',
  ],
  ['prolonged sound and iteration marks', 'ーｰ々〻ゝゞヽヾ゛゜'],
  ['CJK hyphens and tildes', '‐゠–〜～'],
  ['inseparable', '…‥'],
  ['written after a number', '％%‰‱℃℉°′″‴¢￠'],
];
const MAY_NOT_END: Array<[string, string]> = [
  ['opening brackets and quotes', '（［｛〔〈《「『【〘〖〝｟«‹‘“＜([{'],
  ['written before a number', '￥＄￡＃$£¥€№'],
];

describe('the strict line-breaking rules', () => {
  it.each(MAY_NOT_START.flatMap(([kind, characters]) => [...characters].map((c) => [kind, c])))(
    '%s: %s does not start a line',
    (_, c) => {
      const text = `一二三四${c}五六七`;
      // Four characters fill a line of 8 columns: `c` would start the second.
      const lines = wrap(text, 8);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect(line[0]).not.toBe(c);
    },
  );

  it.each(MAY_NOT_END.flatMap(([kind, characters]) => [...characters].map((c) => [kind, c])))(
    '%s: %s does not end a line',
    (_, c) => {
      const text = `一二三${c}四五六七`;
      const width = 6 + displayWidth(c);
      const lines = wrap(text, width);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(0, -1)) expect(line.at(-1)).not.toBe(c);
    },
  );

  it('leaves an ASCII quote beside its neighbour: a closing one never starts a line', () => {
    const text = '记者问道：这是真的吗。" 习近平主席回应。';
    for (let width = 6; width <= 40; width++) {
      const lines = wrap(text, width);
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/^"/);
    }
  });
});

describe('words too long for a line', () => {
  it('break after / \\ - _ . ? & = before anywhere else', () => {
    const path = 'C:\\Users\\someone\\AppData\\Local\\Programs\\FeatureManagement\\config.json';
    const url = 'https://example.org/path/to/a_resource?query=value&other=thing';
    for (const word of [path, url]) {
      const lines = wrap(word, 20);
      expect(lines.join('')).toBe(word);
      for (const line of lines.slice(0, -1)) expect(line, word).toMatch(/[/\\\-_.?&=]$/);
    }
    expect(wrap('abcdefghijklmnopqrstuvwxyz', 10)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });

  it('leave Korean words whole, breaking at spaces', () => {
    const text =
      '한국어 문장은 띄어쓰기로 단어를 구분합니다 그래서 단어 안에서는 줄을 바꾸지 않습니다';
    const words = new Set(text.split(' '));
    for (let width = 10; width <= 30; width++) {
      const lines = wrap(text, width);
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        for (const word of line.split(' ')) expect(words.has(word), `${width}: ${line}`).toBe(true);
      }
    }
  });
});
