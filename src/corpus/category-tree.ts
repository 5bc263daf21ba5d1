import type { Article } from './article.js';

export interface CategoryNode {
  name: string;
  /** `/`-joined path from the top. */
  path: string;
  /** Articles filed at or under this node, each counted once. */
  count: number;
  children: CategoryNode[];
}

/** The category tree of the articles, every level in name order. */
export function buildCategoryTree(articles: readonly Article[]): CategoryNode[] {
  interface Building {
    node: CategoryNode;
    members: Set<Article>;
    children: Map<string, Building>;
  }
  const top = new Map<string, Building>();
  for (const article of articles) {
    for (const path of article.categories) {
      let level = top;
      path.forEach((name, depth) => {
        let entry = level.get(name);
        if (!entry) {
          const nodePath = path.slice(0, depth + 1).join('/');
          entry = {
            node: { name, path: nodePath, count: 0, children: [] },
            members: new Set(),
            children: new Map(),
          };
          level.set(name, entry);
        }
        entry.members.add(article);
        level = entry.children;
      });
    }
  }
  const finish = (level: Map<string, Building>): CategoryNode[] =>
    [...level.values()]
      .sort((a, b) => a.node.name.localeCompare(b.node.name))
      .map(({ node, members, children }) => ({
        ...node,
        count: members.size,
        children: finish(children),
      }));
  return finish(top);
}
