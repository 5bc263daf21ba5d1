import { EventEmitter } from 'node:events';
import { openSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import tty from 'node:tty';
import { reason } from '../files/errors.js';
import { UsageError } from './errors.js';
import type { Invocation } from './invocation.js';
import { folderLabel, resolveFolder } from './folder.js';
import { loadCorpus, newestCorpus } from '../corpus/load.js';
import { watchFile, watchFolder } from '../corpus/watch.js';
import { BodyIndex, bodyIndexFile } from '../corpus/body-index.js';
import { defaultIndex } from './select.js';
import { askTerminal, chooseProtocol, colorDepth, type TerminalAnswers } from '../images/detect.js';
import { parseMouse } from '../terminal/mouse.js';
import { editorAndPager } from '../terminal/programs.js';
import { themeForBackground } from '../render/theme.js';
import { userImageLoader } from '../images/load.js';
import { cacheFolder, stateFolder } from '../files/places.js';
import type { PictureSettings } from '../ui/pictures.js';
import { settingsProblems, type Settings } from './config.js';
import { ReadingState } from '../state/reading.js';
import type { Corpus } from '../corpus/article.js';
import { firstScreenLines } from '../ui/first-screen.js';
import { keyBindings, keyFor, type KeyBindings } from '../ui/keymap.js';
import { lookOf, type Look } from '../ui/look.js';
import { outputProfile } from '../text/profile.js';
import { sanitizeLine } from '../text/sanitize.js';
import {
  namesOneArticle,
  oneArticleCorpus,
  readStandardInput,
  standardInputFile,
  STANDARD_INPUT,
} from './one-article.js';

/** One article to read instead of a folder: its file, how the status line names it, and what to do after. */
interface OneArticle {
  file: string;
  label: string;
  /** Standard input's copy is removed when the browser ends; its reading place is not kept. */
  fromInput: boolean;
  remove: () => void;
}

/** `-` (standard input, read whole now) or a file named on the command line; null for a folder. */
async function oneArticle(given: string | undefined): Promise<OneArticle | null> {
  if (!namesOneArticle(given)) return null;
  if (given !== STANDARD_INPUT) {
    // Said before the terminal is taken: a file that is no article is an error like a folder that is none.
    oneArticleCorpus(given);
    return {
      file: path.resolve(given),
      label: folderLabel(path.resolve(given)),
      fromInput: false,
      remove: () => {},
    };
  }
  const copy = standardInputFile(await readStandardInput());
  try {
    oneArticleCorpus(copy.file, 'standard input');
  } catch (error) {
    copy.remove();
    throw error;
  }
  return { file: copy.file, label: 'standard input', fromInput: true, remove: copy.remove };
}

/**
 * Where keys come from: standard input when it is the terminal; when an
 * article came on it, the terminal itself (`/dev/tty`), as `less` does.
 */
function keyboard(one: OneArticle | null): NodeJS.ReadStream {
  if (!one?.fromInput || process.stdin.isTTY) return process.stdin;
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch (error) {
    one.remove();
    throw new UsageError(`cannot read keys from the terminal (/dev/tty): ${reason(error)}`);
  }
  // With its descriptor named, as process.stdin's is: the programs handed the terminal read keys from it.
  return Object.assign(new tty.ReadStream(fd), { fd }) as unknown as NodeJS.ReadStream;
}

/** `broadsheet [DIR]` on a terminal: the full-screen browser. */
export async function browseCommand(invocation: Invocation): Promise<number> {
  const one = await oneArticle(invocation.inputs[0]);
  const root = one
    ? path.dirname(one.file)
    : resolveFolder(invocation.inputs[0], invocation.settings.folder);
  const stdin = keyboard(one);
  // Ink treats a CI environment as a log and prints only the last frame; a terminal someone is typing in is never that.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { takeTerminal } = await import('../terminal/take-terminal.js');
  // Standard input is read once: no place in it to go back to another time.
  const reading = ReadingState.inFolder(invocation.settings.state ?? stateFolder(), {
    readOnly: one?.fromInput === true,
  });
  // However the browser ends (q, a signal, an error): the reading state is saved, and what went
  // wrong with it is said on the user's screen.
  const leave = () => {
    one?.remove();
    reading.stop();
    const failure = reading.save();
    // One file left unread (m, or quit before its text was shown) is said so: q would have marked it read.
    const unread =
      one && !one.fromInput && !reading.isRead(one.file) ? `${one.label}: kept unread` : null;
    for (const line of [...invocation.settings.warnings, reading.warning, failure, unread])
      if (line) process.stderr.write(`broadsheet: ${sanitizeLine(line)}\n`);
    if (failure) process.exitCode = 1;
  };
  // First of all: from here on every key is kept, and none is echoed over the screen.
  const settings = invocation.settings;
  const terminal = takeTerminal(leave, { mouse: settings.mouse }, process.stdout, stdin);
  // The terminal's answers are taken out of the keys by their shape, however late they come.
  // Pictures are colour: NO_COLOR and --no-color rule them out, as --images none does.
  const images =
    invocation.images === 'auto' && !outputProfile().color ? 'none' : invocation.images;
  // One question to the terminal at most, for the pictures and the palette alike.
  let answers: Promise<TerminalAnswers> | null = null;
  const ask = () =>
    (answers ??= askTerminal(terminal.input, (query) => process.stdout.write(query), process.env));
  const { protocol, cell } = await chooseProtocol(images, process.env, true, ask);
  // The palette: the one chosen, else the one for the terminal's background (asked only for colour).
  const theme =
    settings.theme !== 'auto'
      ? settings.theme
      : outputProfile().color
        ? (themeForBackground((await ask()).background ?? '') ?? 'dark')
        : 'dark';
  const look = lookOf(outputProfile(), theme);
  const pictures: PictureSettings | null =
    protocol === 'none'
      ? null
      : {
          protocol,
          cell,
          depth: colorDepth(process.env),
          load: userImageLoader(invocation.offline, invocation.allowPrivateImages),
          writeRaw: (sequence) => process.stdout.write(sequence),
        };
  const label = one ? one.label : folderLabel(root);
  const initialCorpus = one
    ? oneArticleCorpus(one.file, one.label, { fromInput: one.fromInput })
    : await drawFirstScreen(root, invocation, reading, label, look);
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../ui/App.js')]);
  const repaint = new EventEmitter();
  const keys = keyBindings(settings.keys);
  terminal.onResume(() => repaint.emit('repaint'));
  const instance = render(
    <App
      repaint={repaint}
      load={
        one
          ? () =>
              Promise.resolve(oneArticleCorpus(one.file, one.label, { fromInput: one.fromInput }))
          : (onProgress, onIndexed) =>
              loadCorpus(root, { onProgress, onIndexed, index: defaultIndex() })
      }
      watch={(onChange) => (one ? watchFile(one.file, onChange) : watchFolder(root, onChange))}
      single={one !== null}
      reading={reading}
      effects={terminal.effects}
      start={one ? { open: one.file } : { search: invocation.search, limit: invocation.limit }}
      folderLabel={label}
      settings={{
        measure: settings.measure,
        ...editorAndPager(process.env),
      }}
      mouse={
        settings.mouse
          ? (listener) =>
              terminal.input.onAnswer((answer) => {
                const event = parseMouse(answer);
                if (event) listener(event);
              })
          : undefined
      }
      notice={configNotice(settings, keys, look)}
      configProblems={settingsProblems(settings)}
      bodiesOf={
        one ? undefined : (corpus) => new BodyIndex(bodyIndexFile(cacheFolder(), root), corpus)
      }
      pictures={pictures}
      keys={keys}
      look={look}
      initialCorpus={initialCorpus}
    />,
    // Ink 6.8's incremental renderer starts each diff one row below the frame (its cursorUp leaves out the row
    // the trailing newline moved to), so skipped lines land in the wrong place and the status line doubles.
    // The standard renderer erases and redraws the frame, which the terminal shows as one synchronized update.
    {
      // Ink reads keys from any stream that acts as a raw TTY does; this one holds every key since the start.
      stdin: terminal.input as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: false,
      maxFps: 60,
    },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    // Before anything is printed: an error from the app must land on the user's screen, not the alternate one.
    terminal.restore();
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

/**
 * On a warm start with no filters, the newest articles go on screen before
 * Ink has loaded; the app starts from the same articles, so its first frame
 * draws the same lines in place.
 */
async function drawFirstScreen(
  root: string,
  invocation: Invocation,
  reading: ReadingState,
  label: string,
  look: Look,
): Promise<Corpus | null> {
  const { columns, rows } = process.stdout;
  if (invocation.search !== undefined || !columns || !rows) return null;
  const corpus = newestCorpus(root, defaultIndex());
  if (!corpus) return null;
  const keys = keyBindings(invocation.settings.keys);
  const lines = firstScreenLines(corpus, { columns, rows }, reading, Date.now(), label, look, keys);
  process.stdout.write(`\x1b[H${lines.join('\n')}\x1b[H`);
  return corpus;
}

/** What the status line says first of a configuration with problems: how many, and where they are listed. */
function configNotice(settings: Settings, keys: KeyBindings, look: Look): string | null {
  const count = settings.warnings.length;
  if (count === 0) return null;
  const see = keyFor(keys, 'list', 'problems');
  return (
    `${path.basename(settings.file)}: ${count} problem${count === 1 ? '' : 's'}` +
    (see ? `${look.glyphs.dash}see ${see}` : '')
  );
}
