import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { defaultInputLimits, type InputLimits, refuseInput } from './input-limits.ts';
import type { XmlAttribute, XmlElement } from './xml-element.ts';

export type XmlInput = string | Uint8Array;

/** A decoded, guarded and parsed document: `text` is what the XSD validator sees, `root` what readers map. */
export type XmlDocumentRead = { text: string; root: XmlElement };

const latin1Names = new Set(['iso-8859-1', 'latin1', 'iso_8859-1', 'us-ascii', 'ascii']);

/**
 * Bytes to text. UTF-8 (strict: a bad byte is refused, not replaced) unless the XML
 * declaration names ISO-8859-1 or windows-1252, which real feeds use (CAP §1.3 rule 10).
 */
export function decodeXml(input: XmlInput, limits: InputLimits = defaultInputLimits): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes)
    throw refuseInput('too-large', `documents are limited to ${limits.maxBytes} bytes`);
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
    throw refuseInput('bad-encoding', 'UTF-16 documents are not accepted; send UTF-8');
  }
  const head = new TextDecoder('latin1').decode(input.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head,
  )?.[1];
  const encoding = declared?.toLowerCase() ?? 'utf-8';
  try {
    if (latin1Names.has(encoding)) return new TextDecoder('latin1').decode(input);
    if (encoding === 'windows-1252' || encoding === 'cp1252')
      return new TextDecoder('windows-1252').decode(input);
    if (encoding !== 'utf-8' && encoding !== 'utf8') {
      throw refuseInput('bad-encoding', `encoding ${declared} is not accepted; send UTF-8 or ISO-8859-1`);
    }
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch (error) {
    if (error instanceof TypeError) throw refuseInput('bad-encoding', 'the bytes are not valid UTF-8');
    throw error;
  }
}

/** Index of the `>` closing the tag opened at `start`, skipping `>` inside quoted attribute values. */
function tagEnd(text: string, start: number): number {
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

/**
 * A linear pre-scan before any parser runs: refuses DTDs and entity declarations outright
 * (XXE, billion laughs), and stops documents that are too deep, too many or too long-winded,
 * so the recursive parser behind it never meets them.
 */
export function guardXml(text: string, limits: InputLimits = defaultInputLimits): void {
  let depth = 0;
  let elements = 0;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw refuseInput('not-well-formed', 'unterminated comment');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw refuseInput('not-well-formed', 'unterminated CDATA section');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      const word = text.slice(lt + 2, lt + 9).toUpperCase();
      if (word.startsWith('DOCTYPE')) {
        throw refuseInput('doctype-forbidden', 'document type declarations (DTDs) are refused');
      }
      if (word.startsWith('ENTITY')) throw refuseInput('entity-forbidden', 'entity declarations are refused');
      throw refuseInput('not-well-formed', `unexpected markup at offset ${lt}`);
    }
    if (text.charCodeAt(lt + 1) === 63) {
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
    if (text.charCodeAt(lt + 1) === 47) depth -= 1;
    else {
      elements += 1;
      if (text.charCodeAt(gt - 1) !== 47) depth += 1;
      if (depth > limits.maxDepth)
        throw refuseInput('too-deep', `elements nest deeper than ${limits.maxDepth}`);
      if (elements > limits.maxElements) {
        throw refuseInput('too-many-elements', `more than ${limits.maxElements} elements`);
      }
    }
    i = gt + 1;
  }
}

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

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

type OrderedNode = Record<string, unknown>;

function split(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function buildElement(qname: string, node: OrderedNode, scope: Record<string, string>): XmlElement {
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const declarations: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns') declarations[''] = decodeEntities(value);
    else if (key.startsWith('xmlns:')) declarations[key.slice(6)] = decodeEntities(value);
  }
  const inScope = Object.keys(declarations).length ? { ...scope, ...declarations } : scope;
  const [prefix, name] = split(qname);
  const ns = inScope[prefix];
  if (ns === undefined && prefix !== '' && prefix !== 'xml') {
    throw refuseInput('not-well-formed', `undeclared namespace prefix ${prefix}`);
  }
  const attributes: XmlAttribute[] = [];
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const [attrPrefix, attrName] = split(key);
    const attrNs = attrPrefix === '' ? '' : (inScope[attrPrefix] ?? '');
    attributes.push({ name: attrName, ns: attrNs, prefix: attrPrefix, value: decodeEntities(value) });
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qname] ?? []) as OrderedNode[]) {
    const key = Object.keys(child).find((k) => k !== ':@');
    if (key === undefined) continue;
    if (key === '#text') text += decodeEntities(String(child[key]));
    else if (key === '#cdata') {
      for (const part of child[key] as OrderedNode[]) text += String(part['#text'] ?? '');
    } else children.push(buildElement(key, child, inScope));
  }
  return { name, ns: ns ?? '', prefix, attributes, declarations, children, text: text.trim() };
}

/** Decodes, guards, checks well-formedness and parses a document into namespace-resolved elements. */
export function readXml(input: XmlInput, limits: InputLimits = defaultInputLimits): XmlDocumentRead {
  const text = decodeXml(input, limits);
  guardXml(text, limits);
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    throw refuseInput('not-well-formed', `${verdict.err.msg} (line ${verdict.err.line})`);
  }
  const ordered = parser.parse(text) as OrderedNode[];
  const roots = ordered.filter((node) => Object.keys(node).some((k) => k !== ':@' && k !== '#text'));
  const first = roots[0];
  if (!first || roots.length > 1)
    throw refuseInput('not-well-formed', 'a document has exactly one root element');
  const key = Object.keys(first).find((k) => k !== ':@') as string;
  return { text, root: buildElement(key, first, { xml: 'http://www.w3.org/XML/1998/namespace' }) };
}
