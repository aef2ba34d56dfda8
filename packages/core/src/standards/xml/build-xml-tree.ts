import { defaultInputLimits, type InputLimits, refuseInput } from './input-limits.ts';
import type { XmlAttribute, XmlElement } from './xml-element.ts';

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five predefined entities and character references; any other `&name;` needs a DTD, which we refuse. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw refuseInput('not-well-formed', 'a bare & must be written &amp;');
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || code === 0) {
        throw refuseInput('not-well-formed', `bad character reference ${whole}`);
      }
      return String.fromCodePoint(code);
    }
    const value = predefined[ref];
    if (value === undefined)
      throw refuseInput('entity-forbidden', `undeclared entity &${ref}; (DTDs are refused)`);
    return value;
  });
}

/** Index of the `>` closing the tag opened at `start`, skipping `>` inside quoted attribute values. */
export function tagEnd(text: string, start: number): number {
  let quote = 0;
  for (let j = start + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

const nameAt = /[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*/y;
const attributeAt =
  /\s+([A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** XML's white space (S production): space, tab, CR, LF. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

type Open = {
  qname: string;
  element: XmlElement;
  scope: Record<string, string>;
  rawAttributes: [string, string][];
};

function split(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

/** Resolves the element's and its attributes' namespaces once its own declarations are known. */
function openElement(qname: string, raw: [string, string][], outer: Record<string, string>): Open {
  const declarations: Record<string, string> = {};
  let declared = false;
  for (const [key, value] of raw) {
    if (key === 'xmlns') {
      declarations[''] = value;
      declared = true;
    } else if (key.startsWith('xmlns:')) {
      declarations[key.slice(6)] = value;
      declared = true;
    }
  }
  const scope = declared ? { ...outer, ...declarations } : outer;
  const [prefix, name] = split(qname);
  const ns = scope[prefix];
  if (ns === undefined && prefix !== '') {
    throw refuseInput('not-well-formed', `undeclared namespace prefix ${prefix}`);
  }
  const attributes: XmlAttribute[] = [];
  for (const [key, value] of raw) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const [attrPrefix, attrName] = split(key);
    const attrNs = attrPrefix === '' ? '' : scope[attrPrefix];
    if (attrNs === undefined)
      throw refuseInput('not-well-formed', `undeclared namespace prefix ${attrPrefix}`);
    attributes.push({ name: attrName, ns: attrNs, prefix: attrPrefix, value });
  }
  return {
    qname,
    scope,
    rawAttributes: raw,
    element: { name, ns: ns ?? '', prefix, attributes, declarations, children: [], text: '' },
  };
}

/**
 * One linear pass from text to namespace-resolved elements, with the guards built in: a DTD or
 * entity declaration is refused where it stands, depth, element count and tag length are counted
 * as the document is read, and only XML's predefined entities and character references are
 * decoded. No recursion, so no document can exhaust the stack. Libxml2 reads every document that
 * is schema-validated as well; this reader never has to be more lenient than it.
 */
export function buildXmlTree(text: string, limits: InputLimits = defaultInputLimits): XmlElement {
  const stack: Open[] = [];
  let scope: Record<string, string> = { xml: xmlNamespace };
  let root: XmlElement | undefined;
  let elements = 0;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? text.length : lt;
    if (end > i) {
      const top = stack[stack.length - 1];
      // Indentation before an element's first text is trimmed in the end anyway: skip it unread.
      if (!top || top.element.text === '') {
        if (!isBlank(text, i, end)) {
          if (!top) throw refuseInput('not-well-formed', 'text outside the root element');
          top.element.text = decodeEntities(text.slice(i, end));
        }
      } else top.element.text += decodeEntities(text.slice(i, end));
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) throw refuseInput('not-well-formed', 'unterminated comment');
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) throw refuseInput('not-well-formed', 'unterminated CDATA section');
        const top = stack.at(-1);
        if (!top) throw refuseInput('not-well-formed', 'CDATA outside the root element');
        top.element.text += text.slice(lt + 9, end);
        i = end + 3;
        continue;
      }
      const word = text.slice(lt + 2, lt + 9).toUpperCase();
      if (word.startsWith('DOCTYPE'))
        throw refuseInput('doctype-forbidden', 'document type declarations (DTDs) are refused');
      if (word.startsWith('ENTITY')) throw refuseInput('entity-forbidden', 'entity declarations are refused');
      throw refuseInput('not-well-formed', `unexpected markup at offset ${lt}`);
    }
    if (next === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw refuseInput('not-well-formed', 'unterminated processing instruction');
      i = end + 2;
      continue;
    }
    const gt = tagEnd(text, lt);
    if (gt < 0) throw refuseInput('not-well-formed', 'unterminated tag');
    if (gt - lt > limits.maxTokenLength) {
      throw refuseInput('token-too-long', `a tag is longer than ${limits.maxTokenLength} characters`);
    }
    if (next === 47 /* / */) {
      const top = stack.pop();
      // The end tag must name the open element exactly, then only spaces up to `>`.
      let after = top ? lt + 2 + top.qname.length : -1;
      if (top && text.startsWith(top.qname, lt + 2)) {
        while (after < gt && isSpace(text.charCodeAt(after))) after += 1;
      }
      if (!top || after !== gt || !text.startsWith(top.qname, lt + 2)) {
        throw refuseInput('not-well-formed', `unexpected end tag at offset ${lt}`);
      }
      top.element.text = top.element.text.trim();
      scope = stack[stack.length - 1]?.scope ?? { xml: xmlNamespace };
      if (stack.length === 0) root = top.element;
      i = gt + 1;
      continue;
    }
    nameAt.lastIndex = lt + 1;
    const qname = nameAt.exec(text)?.[0];
    if (!qname) throw refuseInput('not-well-formed', `bad tag at offset ${lt}`);
    const raw: [string, string][] = [];
    let at = lt + 1 + qname.length;
    for (;;) {
      attributeAt.lastIndex = at;
      const match = attributeAt.exec(text);
      if (!match || attributeAt.lastIndex > gt) break;
      const key = match[1] as string;
      if (raw.some(([k]) => k === key)) throw refuseInput('not-well-formed', `attribute ${key} repeated`);
      raw.push([key, decodeEntities(match[2] ?? match[3] ?? '')]);
      at = attributeAt.lastIndex;
    }
    const selfClosing = text.charCodeAt(gt - 1) === 47 && gt - 1 >= at;
    let rest = at;
    while (rest < gt && isSpace(text.charCodeAt(rest))) rest += 1;
    if (rest !== gt && !(selfClosing && rest === gt - 1)) {
      throw refuseInput('not-well-formed', `bad tag at offset ${lt}`);
    }
    elements += 1;
    if (elements > limits.maxElements) {
      throw refuseInput('too-many-elements', `more than ${limits.maxElements} elements`);
    }
    if (stack.length + (selfClosing ? 0 : 1) > limits.maxDepth) {
      throw refuseInput('too-deep', `elements nest deeper than ${limits.maxDepth}`);
    }
    if (root) throw refuseInput('not-well-formed', 'a document has exactly one root element');
    const open = openElement(qname, raw, scope);
    const parent = stack[stack.length - 1];
    parent?.element.children.push(open.element);
    if (selfClosing) {
      if (!parent) root = open.element;
    } else {
      stack.push(open);
      scope = open.scope;
    }
    i = gt + 1;
  }
  if (stack.length) throw refuseInput('not-well-formed', `element ${stack.at(-1)?.qname} is not closed`);
  if (!root) throw refuseInput('not-well-formed', 'a document has exactly one root element');
  return root;
}
