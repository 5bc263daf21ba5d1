import type { CategoryPath } from './article.js';
import { sanitizeLine } from '../text/sanitize.js';

/**
 * Hexo's three category shapes as a list of paths: a string is one top-level
 * category, a flat list is one hierarchy, and each nested list is a path of its own.
 */
export function normalizeCategories(value: unknown): CategoryPath[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return nonEmptyPath([value]);
  if (!value.some(Array.isArray)) return nonEmptyPath(value);
  return value.flatMap((item) => nonEmptyPath(Array.isArray(item) ? item : [item]));
}

function nonEmptyPath(items: unknown[]): CategoryPath[] {
  const path = items.map(categoryName).filter((name) => name !== '');
  return path.length > 0 ? [path] : [];
}

function categoryName(item: unknown): string {
  if (typeof item === 'string') return sanitizeLine(item);
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  return '';
}

/** `A/B/C` for one path. */
export function joinCategoryPath(path: CategoryPath): string {
  return path.join('/');
}

/** Tags: a list of strings, a single string becoming a one-item list. */
export function normalizeTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(categoryName).filter((tag) => tag !== '');
}
