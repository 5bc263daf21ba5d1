import { describe, expect, it } from 'vitest';
import { normalizeCategories, normalizeTags } from '../src/corpus/categories.js';

describe('normalizeCategories', () => {
  it('makes a string one top-level path', () => {
    expect(normalizeCategories('A')).toEqual([['A']]);
  });
  it('makes a flat list one hierarchy', () => {
    expect(normalizeCategories(['A', 'B', 'C'])).toEqual([['A', 'B', 'C']]);
  });
  it('makes each nested list a path', () => {
    expect(normalizeCategories([['A', 'B'], ['C']])).toEqual([['A', 'B'], ['C']]);
  });
  it('makes a scalar beside lists a path of its own', () => {
    expect(normalizeCategories([['A', 'B'], 'C'])).toEqual([['A', 'B'], ['C']]);
  });
  it('gives no paths for nothing', () => {
    expect(normalizeCategories(undefined)).toEqual([]);
    expect(normalizeCategories(null)).toEqual([]);
    expect(normalizeCategories([])).toEqual([]);
    expect(normalizeCategories('')).toEqual([]);
  });
  it('keeps numbers as names and drops empty ones', () => {
    expect(normalizeCategories([2021, null, 'B'])).toEqual([['2021', 'B']]);
  });
  it('removes control characters from names', () => {
    expect(normalizeCategories('a\u001b[31mb')).toEqual([['a[31mb']]);
  });
});

describe('normalizeTags', () => {
  it('makes a string a one-item list', () => {
    expect(normalizeTags('rust')).toEqual(['rust']);
    expect(normalizeTags(['a', 'b'])).toEqual(['a', 'b']);
    expect(normalizeTags(undefined)).toEqual([]);
  });
});
