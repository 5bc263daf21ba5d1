// Writes N articles in the seed format (a blank line before the front matter, both date styles,
// three-level categories, HTML bodies with CJK and Latin text and lazy images) for the benchmarks.
// node bench/generate.js DIR N [BODY_BYTES]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = [
  ['新媒体', 'ZAKER', 'channel'], ['新媒体', 'IT 之家', '热榜'], ['编程', 'Dockone', '周报'], ['博客', '美团技术团队', '最近更新'],
  ['游戏', '3DMGame', '新闻中心'], ['设计', 'Studio', 'Work'], ['金融', 'DT 财经', '专栏'], ['二次元', 'Bangumi', '放送列表'],
]; // prettier-ignore
const CJK =
  '终端阅读器把文章变成整齐的文字，按日期和分类浏览，图片随文字滚动，还能把内容交给其他工具处理。';
const LATIN =
  'A terminal reader turns articles into well-set text that can be searched, piped and read at leisure. ';

/** A deterministic pseudo-random sequence, so every run writes the same corpus. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function article(i, next, bodyBytes) {
  const [top, source, channel] = SOURCES[i % SOURCES.length];
  const time = Date.UTC(2026, 10, 26) - Math.floor(next() * 3 * 365 * 86_400_000);
  const date =
    i % 2
      ? new Date(time).toUTCString()
      : new Date(time).toISOString().replace('T', ' ').slice(0, 19);
  const paragraphs = [];
  const count = 4 + Math.floor(next() * 12);
  // With a body size asked for, paragraphs go on until the body reaches it.
  let bytes = 0;
  for (let p = 0; bodyBytes ? bytes < bodyBytes : p < count; p++) {
    const text =
      next() < 0.6
        ? CJK.repeat(1 + Math.floor(next() * 4))
        : LATIN.repeat(1 + Math.floor(next() * 3));
    paragraphs.push(`<p>${text} 第${p + 1}段，编号 ${i}-${p}。</p>`);
    bytes += Buffer.byteLength(paragraphs.at(-1));
    // One article in a thousand has a word no other has: what a rare body search looks for.
    if (p === 0 && i % 1000 === 7) paragraphs.push('<p>守夜的灯塔管理员 lighthouse keeper.</p>');
    if (next() < 0.2) {
      paragraphs.push(
        `<p></p><div class="img_box"><img class="lazy" data-original="http://img.example/${i}/${p}.jpg" src="https://cors.example/?http://img.example/${i}/${p}.jpg"></div>`,
      );
    }
  }
  return `
---
title: '第 ${i} 篇：${CJK.slice(0, 8 + (i % 12))} ${i % 3 ? 'Terminal reading' : '阅读'}'
categories:
 - ${top}
 - ${source}
 - ${channel}
headimg: 'https://cors.example/?http://img.example/${i}/head.jpg'
author: ${source}
comments: false
date: ${date}
---

<div>${paragraphs.join('')}</div>
`;
}

/** `count` articles in `folder`, a thousand a subfolder; `bodyBytes` makes every body about that long. */
export function generateCorpus(folder, count, bodyBytes = 0) {
  const next = random(count);
  for (let i = 0; i < count; i++) {
    const sub = path.join(folder, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.md`), article(i, next, bodyBytes));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, count, bodyBytes] = process.argv.slice(2);
  if (!folder || !count) {
    console.error('usage: node bench/generate.js DIR N [BODY_BYTES]');
    process.exit(2);
  }
  generateCorpus(folder, Number(count), Number(bodyBytes ?? 0));
}
