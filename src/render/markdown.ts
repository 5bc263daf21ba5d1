import type { Marked } from 'marked';

let marked: Marked | undefined;

/**
 * Markdown → HTML; raw HTML inside the Markdown passes through to the same
 * HTML reader. The parser is loaded on first use: RSS archives are HTML.
 */
export async function markdownToHtml(markdown: string): Promise<string> {
  if (!marked) {
    const { Marked } = await import('marked');
    marked = new Marked({ gfm: true, breaks: false, async: false });
  }
  return marked.parse(markdown, { async: false });
}
