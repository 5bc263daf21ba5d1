import { decodeHTML, decodeHTMLAttribute, fromCodePoint } from 'entities/decode';
import { type QuoteType, Tokenizer } from 'htmlparser2';
import { inSlices } from './slices.js';

/**
 * HTML as a stream of opening tags, closing tags and text, balanced as
 * htmlparser2's Parser balances them (the same implied closes and void
 * elements), read from htmlparser2's Tokenizer. The Parser keeps its open
 * elements with the innermost first and moves the whole stack at every tag,
 * so 200 000 nested `<div>`s cost minutes; here the stack grows at its end,
 * and a closing tag looks for its element only when one of that name is open.
 */
export interface HtmlEvents {
  /** `raw` is the tag as written, `<Box attr="…">`. */
  open(name: string, attributes: Record<string, string>, raw: string): void;
  close(name: string): void;
  text(text: string): void;
}

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/** An opening tag of the key's name closes these when they are the innermost open element. */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])], ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...[
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl',
    'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section',
    'table', 'ul',
  ].map((name): [string, Set<string>] => [name, P]),
]); // prettier-ignore
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]); // prettier-ignore

/** Reads `html` to its end, calling `events` in document order; every element opened is closed. */
export function readHtml(html: string, events: HtmlEvents): void {
  const tokenizer = htmlTokenizer(html, events);
  tokenizer.write(html);
  tokenizer.end();
}

/** How much HTML is read at a time between turns of the event loop. */
const PIECE = 64 * 1024;

/**
 * The same, a piece at a time with turns of the event loop between pieces
 * whenever a stretch has lasted `sliceMs`, so keys are answered while a long
 * article is read. False when `cancelled` stopped it (the events then end mid-document).
 */
export async function readHtmlInSlices(
  html: string,
  events: HtmlEvents,
  options: { sliceMs: number; cancelled?: () => boolean },
): Promise<boolean> {
  const tokenizer = htmlTokenizer(html, events);
  const pieces = Math.ceil(html.length / PIECE);
  const done = await inSlices(
    pieces,
    (i) => tokenizer.write(html.slice(i * PIECE, (i + 1) * PIECE)),
    options,
  );
  if (done) tokenizer.end();
  return done;
}

function htmlTokenizer(html: string, events: HtmlEvents): Tokenizer {
  // Entities are decoded here, a text at a time: the Tokenizer then skips through text to the
  // next `<` instead of looking at every character for an `&`.
  return new Tokenizer({ xmlMode: false, decodeEntities: false }, new TagBalancer(html, events));
}

class TagBalancer {
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** How many elements of each name are open. */
  private readonly openCount = new Map<string, number>();
  private tagName = '';
  private tagStart = 0;
  private attributes: Record<string, string> = {};
  private attributeName = '';
  private attributeValue = '';
  /** Text not yet handed over: the Tokenizer hands a text over in pieces where its input was cut. */
  private textStart = -1;
  private textEnd = -1;

  constructor(
    private readonly html: string,
    private readonly events: HtmlEvents,
  ) {}

  onopentagname(start: number, end: number): void {
    this.flushText();
    this.tagStart = start - 1;
    this.beginTag(this.html.slice(start, end).toLowerCase());
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.html.slice(start, end).toLowerCase();
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.html.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    this.attributeValue += fromCodePoint(codepoint);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    if (!Object.prototype.hasOwnProperty.call(this.attributes, this.attributeName)) {
      const value = this.attributeValue;
      this.attributes[this.attributeName] = value.includes('&')
        ? decodeHTMLAttribute(value)
        : value;
    }
    this.attributeValue = '';
  }

  onopentagend(end: number): void {
    this.endTag(this.html.slice(this.tagStart, end + 1));
  }

  onselfclosingtag(end: number): void {
    const name = this.tagName;
    this.endTag(this.html.slice(this.tagStart, end + 1));
    if (this.stack[this.stack.length - 1] === name) this.pop();
  }

  onclosetag(start: number, end: number): void {
    this.flushText();
    const name = this.html.slice(start, end).toLowerCase();
    if (VOID.has(name)) {
      // `</br>` is read as a line break, as browsers read it.
      if (name === 'br') {
        this.events.open('br', {}, '<br>');
        this.events.close('br');
      }
      return;
    }
    if (this.openCount.get(name)) {
      // Each element passed here is closed now: the search costs what the closing does.
      while (this.stack[this.stack.length - 1] !== name) this.pop();
      this.pop();
    } else if (name === 'p') {
      // `</p>` with no paragraph open is an empty paragraph.
      this.events.open('p', {}, '<p>');
      this.events.close('p');
    }
  }

  ontext(start: number, end: number): void {
    if (this.textEnd !== start) this.flushText();
    if (this.textStart < 0) this.textStart = start;
    this.textEnd = end;
  }

  private flushText(): void {
    if (this.textStart < 0) return;
    const text = this.html.slice(this.textStart, this.textEnd);
    this.textStart = this.textEnd = -1;
    this.events.text(text.includes('&') ? decodeHTML(text) : text);
  }

  ontextentity(codepoint: number, _end: number): void {
    this.flushText();
    this.events.text(fromCodePoint(codepoint));
  }

  oncdata(): void {
    this.flushText();
  }
  oncomment(): void {
    this.flushText();
  }
  ondeclaration(): void {
    this.flushText();
  }
  onprocessinginstruction(): void {
    this.flushText();
  }

  onend(): void {
    this.flushText();
    while (this.stack.length > 0) this.pop();
  }

  private beginTag(name: string): void {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes)
      while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1]!)) this.pop();
    this.tagName = name;
    this.attributes = {};
  }

  private endTag(raw: string): void {
    const name = this.tagName;
    this.events.open(name, this.attributes, raw);
    if (VOID.has(name)) this.events.close(name);
    else {
      this.stack.push(name);
      this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    }
    this.tagName = '';
  }

  private pop(): void {
    const name = this.stack.pop()!;
    this.openCount.set(name, this.openCount.get(name)! - 1);
    this.events.close(name);
  }
}
