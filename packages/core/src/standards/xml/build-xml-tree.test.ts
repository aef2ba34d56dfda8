import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  XmlElement as LibxmlElement,
  ParseOption,
  XmlCData,
  XmlDocument,
  XmlParseError,
  XmlText,
} from 'libxml2-wasm';
import { refusalReasonOf } from './input-limits.ts';
import { readXml } from './read-xml.ts';
import type { XmlElement } from './xml-element.ts';

/*
 * Vigil's one-pass reader against libxml2, the parser the schemas are checked with: on every XML
 * fixture both must build the same tree, and every malformed document the reader refuses, libxml2
 * refuses too (so the reader is never the more lenient of the two).
 */

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return /\.(xml|cap|atom)$/.test(name) && !name.endsWith('.xsd') ? [path] : [];
  });
}

/** The same shape as our reader's tree, from libxml2's DOM. */
function fromLibxml(element: LibxmlElement): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof LibxmlElement) children.push(fromLibxml(node));
    else if (node instanceof XmlText || node instanceof XmlCData) text += node.content;
  }
  return {
    name: element.name,
    ns: element.namespaceUri,
    prefix: element.prefix,
    attributes: element.attrs.map((a) => ({
      name: a.name,
      ns: a.namespaceUri,
      prefix: a.prefix,
      value: a.value,
    })),
    declarations: {},
    children,
    text: text.trim(),
  };
}

/** What both trees must agree on; XML's end-of-line and attribute-value normalization are libxml2's alone. */
function comparable(element: XmlElement): unknown {
  return {
    name: element.name,
    ns: element.ns,
    prefix: element.prefix,
    attributes: element.attributes.map((a) => ({ ...a, value: a.value.replace(/[\t\r\n]/g, ' ') })),
    text: element.text.replace(/\r\n?/g, '\n'),
    children: element.children.map(comparable),
  };
}

const options = { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE };

describe('buildXmlTree reads documents as libxml2 does', () => {
  it('every XML fixture that is not refused gives the same tree', () => {
    let compared = 0;
    for (const file of xmlFiles(fixtures)) {
      let ours: ReturnType<typeof readXml>;
      try {
        ours = readXml(readFileSync(file));
      } catch (error) {
        assert.ok(refusalReasonOf(error), `${file}: ${(error as Error).message}`);
        continue;
      }
      const doc = XmlDocument.fromBuffer(Buffer.from(ours.text, 'utf8'), { ...options, encoding: 'utf-8' });
      try {
        assert.deepEqual(comparable(ours.root), comparable(fromLibxml(doc.root)), file);
      } finally {
        doc.dispose();
      }
      compared += 1;
    }
    assert.ok(compared >= 30, `only ${compared} fixtures compared`);
  });

  it('each malformed document is refused by both, as not well-formed', () => {
    const malformed = [
      '<a><b></a>',
      '<a></a><b/>',
      'text<a/>',
      '<a/>text',
      '<a b="1" b="2"/>',
      '<a b=1/>',
      '<a b="<"/>',
      '<x:a/>',
      '<a x:b="1"/>',
      '<a>&</a>',
      '<a>&#0;</a>',
      '<a',
      '<a></b>',
      '</a>',
      '<a>',
      '',
      '<a/ >',
      '<1a/>',
      '<a><![CDATA[x</a>',
      '<a><!-- x</a>',
    ];
    for (const text of malformed) {
      assert.throws(
        () => readXml(text),
        (e) => refusalReasonOf(e) === 'not-well-formed',
        JSON.stringify(text),
      );
      assert.throws(
        () => XmlDocument.fromBuffer(Buffer.from(text), options).dispose(),
        XmlParseError,
        `libxml2 accepted ${JSON.stringify(text)}`,
      );
    }
  });

  it('namespaces, CDATA, comments, references and attributes with either quote', () => {
    const { root } = readXml(
      `<?xml version="1.0"?><!-- a --><r xmlns="urn:a" xmlns:p='urn:p' p:k = 'v&amp;"w"'><p:c>x<![CDATA[<y>]]><!-- z -->&#x41;</p:c><d/></r>`,
    );
    assert.deepEqual(comparable(root), {
      name: 'r',
      ns: 'urn:a',
      prefix: '',
      attributes: [{ name: 'k', ns: 'urn:p', prefix: 'p', value: 'v&"w"' }],
      text: '',
      children: [
        { name: 'c', ns: 'urn:p', prefix: 'p', attributes: [], text: 'x<y>A', children: [] },
        { name: 'd', ns: 'urn:a', prefix: '', attributes: [], text: '', children: [] },
      ],
    });
    assert.deepEqual(root.declarations, { '': 'urn:a', p: 'urn:p' });
  });
});
