// Other programs: a command the article's text is piped to, the editor, the pager.
import type { Command } from '../keymap.js';
import path from 'node:path';
import type { Article } from '../../corpus/article.js';
import { readArticleBody } from '../../corpus/body.js';
import { reason } from '../../files/errors.js';
import { plainArticleText } from '../../render/article.js';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import type { HandOver } from '../../terminal/effects.js';
import { openPrompt } from '../prompt.js';
import { dispatchCommand, type BrowserContext, type Handler } from './context.js';

/** Gives the terminal to a program until it ends; says how it failed, then does `done`. */
function handOver(browser: BrowserContext, program: HandOver, done?: () => void): void {
  void browser.effects.handOver(program).then((failure) => {
    browser.say(failure);
    done?.();
  });
}

/** Hands a program the article's text, as `cat` prints it for a pipe, on its standard input. */
async function handText(
  browser: BrowserContext,
  article: Article,
  program: Omit<HandOver, 'input'>,
): Promise<void> {
  let input: string;
  try {
    const body = await (browser.settings.readBody ?? readArticleBody)(article);
    input = await plainArticleText(article, body, 80);
  } catch (error) {
    return browser.say(`could not read the article: ${String(error)}`);
  }
  handOver(browser, { ...program, input });
}

/** Enter on the `|` prompt: the article's text piped to the command, which is remembered. */
export function submitPipe(browser: BrowserContext, command: string): void {
  if (!command || !browser.article) return;
  browser.reading.remember('pipe', command);
  void handText(browser, browser.article, {
    command: '/bin/sh',
    args: ['-c', command],
    wait: true,
  });
}

/** A program named as `$EDITOR` and `$PAGER` name one (`code -w`), with arguments after. */
function commandLine(setting: string, args: string[]): { command: string; args: string[] } {
  const [command = '', ...options] = setting.split(/\s+/).filter(Boolean);
  return { command, args: [...options, ...args] };
}

export const handOverHandlers = {
  pipe: ({ article, reading, dispatch }) => {
    if (!article) return;
    dispatch({
      type: 'startPrompt',
      prompt: openPrompt('pipe', '| ', '', reading.history('pipe')),
    });
  },
  edit: (browser) => {
    const { article, settings } = browser;
    if (!article) return;
    handOver(browser, commandLine(settings.editor, [article.absolutePath]), () => {
      // What was edited is read again, the article still selected.
      dispatchCommand(browser, 'reload');
      browser.reload();
    });
  },
  page: (browser) => {
    if (browser.article)
      void handText(browser, browser.article, commandLine(browser.settings.pager, []));
  },
  /** Enter on the problems screen: the file as it is, with nothing a terminal would take as a command. */
  showFile: (browser) => {
    const problem = browser.problems[browser.view.problemSelected];
    if (!problem) return;
    void browser.effects.readFile(path.resolve(browser.root, problem.path)).then(
      (text) =>
        handOver(browser, {
          ...commandLine(browser.settings.pager, []),
          input: sanitizeText(text),
        }),
      (error: unknown) =>
        browser.say(`could not read ${sanitizeLine(problem.path)}: ${reason(error)}`),
    );
  },
} satisfies Partial<Record<Command, Handler>>;
