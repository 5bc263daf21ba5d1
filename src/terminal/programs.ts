/**
 * The programs the environment names: `$BROWSER`, `$VISUAL` then `$EDITOR`,
 * `$PAGER`, each a command and its options (`code -w`, `less -R`). A variable
 * set but empty, or only spaces, is the same as one not set.
 */

/** The words of the first of `names` that says something; null when none does. */
export function namedProgram(env: NodeJS.ProcessEnv, ...names: string[]): string[] | null {
  for (const name of names) {
    const words = (env[name] ?? '').split(/\s+/).filter(Boolean);
    if (words.length > 0) return words;
  }
  return null;
}

/** The editor and the pager the browser hands articles to, as command lines. */
export function editorAndPager(env: NodeJS.ProcessEnv): { editor: string; pager: string } {
  return {
    editor: (namedProgram(env, 'VISUAL', 'EDITOR') ?? ['vi']).join(' '),
    pager: (namedProgram(env, 'PAGER') ?? ['less']).join(' '),
  };
}

/** What opens a link: `$BROWSER`, else the platform's opener. */
export function linkOpener(env: NodeJS.ProcessEnv, platform = process.platform): string[] {
  return (
    namedProgram(env, 'BROWSER') ??
    (platform === 'darwin'
      ? ['open']
      : platform === 'win32'
        ? ['cmd', '/c', 'start', '""']
        : ['xdg-open'])
  );
}
