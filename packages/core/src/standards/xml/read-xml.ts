import { buildXmlTree, tagEnd } from './build-xml-tree.ts';
import { defaultInputLimits, type InputLimits, refuseInput } from './input-limits.ts';
import type { XmlElement } from './xml-element.ts';

export { decodeEntities } from './build-xml-tree.ts';

export type XmlInput = string | Uint8Array;

/** A decoded, guarded and parsed document: `text` is what the XSD validator sees, `root` what readers map. */
export type XmlDocumentRead = {
  text: string;
  root: XmlElement;
  /** The input itself when it was UTF-8 bytes: what libxml2 reads without re-encoding `text`. */
  utf8?: Uint8Array;
};

const latin1Names = new Set(['iso-8859-1', 'latin1', 'iso_8859-1', 'us-ascii', 'ascii']);

/**
 * Bytes to text. UTF-8 (strict: a bad byte is refused, not replaced) unless the XML
 * declaration names ISO-8859-1 or windows-1252, which real feeds use (CAP §1.3 rule 10).
 */
export function decodeXml(input: XmlInput, limits: InputLimits = defaultInputLimits): string {
  return decodeXmlBytes(input, limits).text;
}

/** The text, and whether the bytes were UTF-8 without a BOM (libxml2 can then read them as they are). */
function decodeXmlBytes(input: XmlInput, limits: InputLimits): { text: string; plainUtf8: boolean } {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes)
    throw refuseInput('too-large', `documents are limited to ${limits.maxBytes} bytes`);
  if (typeof input === 'string') {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, plainUtf8: false };
  }
  if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
    throw refuseInput('bad-encoding', 'UTF-16 documents are not accepted; send UTF-8');
  }
  const head = new TextDecoder('latin1').decode(input.subarray(0, 200));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head,
  )?.[1];
  const encoding = declared?.toLowerCase() ?? 'utf-8';
  try {
    if (latin1Names.has(encoding)) return { text: new TextDecoder('latin1').decode(input), plainUtf8: false };
    if (encoding === 'windows-1252' || encoding === 'cp1252')
      return { text: new TextDecoder('windows-1252').decode(input), plainUtf8: false };
    if (encoding !== 'utf-8' && encoding !== 'utf8') {
      throw refuseInput('bad-encoding', `encoding ${declared} is not accepted; send UTF-8 or ISO-8859-1`);
    }
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
    return { text, plainUtf8: input[0] !== 0xef };
  } catch (error) {
    if (error instanceof TypeError) throw refuseInput('bad-encoding', 'the bytes are not valid UTF-8');
    throw error;
  }
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

/**
 * Decodes, guards and parses a document into namespace-resolved elements, in one pass
 * (`buildXmlTree`): the refusals of `guardXml` happen as the reader meets them.
 */
export function readXml(input: XmlInput, limits: InputLimits = defaultInputLimits): XmlDocumentRead {
  const { text, plainUtf8 } = decodeXmlBytes(input, limits);
  const root = buildXmlTree(text, limits);
  return plainUtf8 && typeof input !== 'string' ? { text, root, utf8: input } : { text, root };
}
