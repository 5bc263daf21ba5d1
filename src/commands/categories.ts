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
  } else if (invocation.output === 'json') {
    await writeOut(`${JSON.stringify(tree, null, 2)}\n`);
  } else {
    // One object a line: every node, its path saying where it sits.
    await writeOut(
      flatten(tree)
        .map((node) => `${JSON.stringify(node)}\n`)
        .join(''),
    );
  }
  return tree.length > 0 ? 0 : 1;
}

function treeLines(nodes: CategoryNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.name} (${node.count})\n`,
    ...treeLines(node.children, depth + 1),
  ]);
}

/** Every node of the tree, parents before children, without the children: one line each for `--ndjson`. */
function flatten(nodes: CategoryNode[]): Array<Omit<CategoryNode, 'children'>> {
  return nodes.flatMap(({ children, ...node }) => [node, ...flatten(children)]);
}
