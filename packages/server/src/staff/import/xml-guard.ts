import { IMPORT_LIMITS } from './limits.js';

/**
 * A guard in front of the XML parser: it reads the same text the parser will, chunk by
 * chunk, and stops at the first thing no spreadsheet needs and a bomb does:
 * - a DOCTYPE or ENTITY declaration (entity expansion, "billion laughs": Excel never writes one);
 * - a text run between two tags longer than a cell can be (one 500 MiB string);
 * - a tag longer than `xmlTagChars` (attributes without end);
 * - nesting deeper than `xmlDepth`, or more than `xmlElements` elements in the part.
 * It only counts characters and never builds anything, so it costs one pass over the text
 * and refuses before the parser has had time to grow a huge string or tree.
 */

export type XmlGuardReason = 'doctype' | 'text' | 'tag' | 'depth' | 'elements';

export class XmlGuardError extends Error {
  constructor(
    readonly part: string,
    readonly reason: XmlGuardReason,
  ) {
    super(`${part}: ${reason}`);
  }
}

export interface XmlGuardLimits {
  xmlTextChars: number;
  xmlTagChars: number;
  xmlDepth: number;
  xmlElements: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const QUOTE = 0x22;
const APOS = 0x27;

/** Where the scanner stands. */
const State = {
  Text: 0,
  /** Just after `<`. */
  Open: 1,
  Tag: 2,
  /** `<?…?>` */
  Instruction: 3,
  /** `<!` until we know what it is. */
  Bang: 4,
  Comment: 5,
  CData: 6,
} as const;
type State = (typeof State)[keyof typeof State];

/** The scanner's state between chunks. */
export class XmlGuard {
  private state: State = State.Text;
  private run = 0;
  private tag = 0;
  private depth = 0;
  private elements = 0;
  private quote = 0;
  private closing = false;
  private last = 0;
  private bang = '';
  /** The end marker being matched in comments, CDATA and instructions. */
  private tail = '';

  constructor(
    private readonly part: string,
    private readonly limits: XmlGuardLimits = IMPORT_LIMITS,
  ) {}

  scan(text: string): void {
    const { xmlTextChars, xmlTagChars, xmlDepth, xmlElements } = this.limits;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.Text:
          if (c === LT) {
            this.state = State.Open;
            this.run = 0;
          } else if (++this.run > xmlTextChars) throw this.fail('text');
          break;
        case State.Open:
          this.tag = 1;
          if (c === BANG) {
            this.state = State.Bang;
            this.bang = '';
          } else if (c === QUESTION) {
            this.state = State.Instruction;
            this.tail = '';
          } else {
            this.state = State.Tag;
            this.quote = 0;
            this.last = c;
            this.closing = c === SLASH;
            if (!this.closing) {
              if (++this.depth > xmlDepth) throw this.fail('depth');
              if (++this.elements > xmlElements) throw this.fail('elements');
            }
          }
          break;
        case State.Tag:
          if (++this.tag > xmlTagChars) throw this.fail('tag');
          if (this.quote !== 0) {
            if (c === this.quote) this.quote = 0;
          } else if (c === QUOTE || c === APOS) this.quote = c;
          else if (c === GT) {
            if (this.closing || this.last === SLASH) this.depth--;
            this.state = State.Text;
            this.run = 0;
            break;
          }
          if (c > 0x20) this.last = c;
          break;
        case State.Instruction:
          if (++this.tag > xmlTagChars) throw this.fail('tag');
          this.tail = (this.tail + text[i]).slice(-2);
          if (this.tail === '?>') this.state = State.Text;
          break;
        case State.Bang:
          this.bang += text[i];
          if (this.bang === '--') {
            this.state = State.Comment;
            this.tail = '';
          } else if (this.bang === '[CDATA[') {
            this.state = State.CData;
            this.tail = '';
            this.run = 0;
          } else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang)) {
            // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST: declarations a workbook never has.
            throw this.fail('doctype');
          }
          break;
        case State.Comment:
          if (++this.tag > xmlTagChars) throw this.fail('tag');
          this.tail = (this.tail + text[i]).slice(-3);
          if (this.tail === '-->') this.state = State.Text;
          break;
        case State.CData:
          if (++this.run > xmlTextChars) throw this.fail('text');
          this.tail = (this.tail + text[i]).slice(-3);
          if (this.tail === ']]>') {
            this.state = State.Text;
            this.run = 0;
          }
          break;
      }
    }
  }

  private fail(reason: XmlGuardReason): XmlGuardError {
    return new XmlGuardError(this.part, reason);
  }
}

/** The same chunks of XML text, each scanned by an XmlGuard before it is passed on. */
export async function* guardXml(
  part: string,
  chunks: AsyncIterable<string>,
  limits: XmlGuardLimits = IMPORT_LIMITS,
): AsyncGenerator<string> {
  const guard = new XmlGuard(part, limits);
  for await (const chunk of chunks) {
    guard.scan(chunk);
    yield chunk;
  }
}
