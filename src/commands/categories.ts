import type { Invocation } from './invocation.js';
import { buildCategoryTree, type CategoryNode } from '../corpus/category-tree.js';
import { writeOut } from '../pipe/output.js';
import { selectArticles } from './select.js';

/** `broadsheet categories`: the tree with counts, indented or as JSON. */
export async function categoriesCommand(invocation: Invocation): Promise<number> {
  const { articles } = await selectArticles(invocation);
  const tree = buildCategoryTree(articles);
  if (invocation.output === 'tsv') {
    await writeOut(treeLines(tree, 0).join(''));
  } else {
    await writeOut(`${JSON.stringify(tree, null, invocation.output === 'json' ? 2 : undefined)}\n`);
  }
  return tree.length > 0 ? 0 : 1;
}

function treeLines(nodes: CategoryNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.name} (${node.count})\n`,
    ...treeLines(node.children, depth + 1),
  ]);
}
