import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown → HTML; raw HTML inside the Markdown passes through to the same HTML reader. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
