import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers.js';

const src = path.join(projectRoot, 'src');

/**
 * The layers, top to bottom, and what each may import: data flows one way,
 * files → corpus → query → rendered lines → the browser or the pipe.
 */
const MAY_IMPORT: Record<string, string[]> = {
  cli: ['commands', 'query', 'corpus', 'pipe', 'text'],
  commands: ['ui', 'pipe', 'render', 'query', 'images', 'corpus', 'state', 'files', 'terminal', 'text'],
  ui: ['render', 'query', 'images', 'corpus', 'state', 'files', 'terminal', 'text'],
  pipe: ['render', 'images', 'corpus', 'files', 'text'],
  render: ['images', 'corpus', 'text'],
  query: ['corpus', 'text'],
  images: ['files', 'text'],
  corpus: ['files', 'text'],
  state: ['files'],
  terminal: ['files', 'text'],
  files: [],
  text: [],
}; // prettier-ignore

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(folder, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [path.join(folder, entry.name)]
        : [],
  );
}

/** Each module and the modules it imports (statically or not), as paths under src/ without extension. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
      path.relative(src, path.resolve(path.dirname(file), m[1]!)).replace(/\.js$/, ''),
    );
    graph.set(path.relative(src, file).replace(/\.tsx?$/, ''), imports);
  }
  return graph;
}

const layerOf = (module: string) => (module.includes('/') ? module.split('/')[0]! : module);

describe('the import graph', () => {
  const graph = importGraph();

  it('runs one way: no layer imports one above it', () => {
    const backwards = [...graph].flatMap(([module, imports]) =>
      imports
        .filter((target) => layerOf(target) !== layerOf(module))
        .filter((target) => !(MAY_IMPORT[layerOf(module)] ?? []).includes(layerOf(target)))
        .map((target) => `${module} → ${target}`),
    );
    expect(Object.keys(MAY_IMPORT).sort()).toEqual(
      [...new Set([...graph.keys()].map(layerOf))].sort(),
    );
    expect(backwards).toEqual([]);
  });

  it('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, trail: string[]) => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(module)), module].join(' → '));
        return;
      }
      state.set(module, 'open');
      for (const target of graph.get(module) ?? []) visit(target, [...trail, module]);
      state.set(module, 'done');
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });

  it('keeps React and Ink to the views, their hooks and the command that starts them', () => {
    // The reducer, its rules, the key handlers and the first screen are plain modules: they run,
    // and are tested, without React, and the first screen is drawn before Ink has loaded.
    const mayUseReact = (module: string) =>
      /^ui\/(hooks\/.*|[A-Z][A-Za-z]*)$/.test(module) || module === 'commands/browse';
    const using = sourceFiles(src).flatMap((file) => {
      const module = path.relative(src, file).replace(/\.tsx?$/, '');
      const text = readFileSync(file, 'utf8');
      // JSX brings in React's runtime; `import type` brings in nothing.
      const imports =
        file.endsWith('.tsx') ||
        /^import\s+(?!type\b)[^;]*from\s+'(react|ink)(\/[^']*)?'|import\(\s*'(react|ink)'/m.test(
          text,
        );
      return imports && !mayUseReact(module) ? [module] : [];
    });
    expect(using).toEqual([]);
  });
});
