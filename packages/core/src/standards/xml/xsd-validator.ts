import { ParseOption, XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import type { XmlElement } from './xml-element.ts';

/** One finding: where (`info[0].area[1].polygon`) and what. */
export type StandardsIssue = { path: string; message: string };

/**
 * libxml2 (compiled to WebAssembly, in-process) never fetches anything here: documents are
 * parsed with NONET and NO_XXE, without DTD loading or entity substitution, and only after
 * `guardXml` has refused any DTD. Schemas are compiled once and kept for the process.
 */
const parseOptions = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

const compiled = new Map<string, XsdValidator>();

function validatorFor(xsd: string): XsdValidator {
  let validator = compiled.get(xsd);
  if (!validator) {
    const schemaDoc = XmlDocument.fromString(xsd, { option: parseOptions });
    try {
      validator = XsdValidator.fromDoc(schemaDoc);
    } finally {
      schemaDoc.dispose();
    }
    compiled.set(xsd, validator);
  }
  return validator;
}

/** `/*\/*[9]/*[3]` → `info[0].urgency`, read against our own tree of the same document. */
export function pathFromXPath(xpath: string | null | undefined, root: XmlElement | undefined): string {
  if (!xpath || !root) return '';
  const steps = xpath.split('/').filter(Boolean).slice(1);
  let node: XmlElement | undefined = root;
  const names: string[] = [];
  for (const step of steps) {
    // libxml2 writes `*[9]` for unprefixed elements and `cap:info[2]` for prefixed ones.
    const match = /^(?:[\w.-]+:)?(\*|[\w.-]+)(?:\[(\d+)\])?$/.exec(step);
    if (!match || !node) return names.join('.');
    const index = Number(match[2] ?? '1') - 1;
    const pool: XmlElement[] =
      match[1] === '*' ? node.children : node.children.filter((c) => c.name === match[1]);
    const child: XmlElement | undefined = pool[index];
    if (!child) return names.join('.');
    const sameName = node.children.filter((c) => c.name === child.name);
    names.push(sameName.length > 1 ? `${child.name}[${sameName.indexOf(child)}]` : child.name);
    node = child;
  }
  return names.join('.');
}

/**
 * Validates XML text against an XSD; answers the violations (empty when valid).
 * `root` (optional) turns libxml2's positional paths into element names.
 */
export function validateWithXsd(xsd: string, xmlText: string, root?: XmlElement): StandardsIssue[] {
  const validator = validatorFor(xsd);
  const doc = XmlDocument.fromBuffer(Buffer.from(xmlText, 'utf8'), {
    option: parseOptions,
    encoding: 'utf-8',
  });
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((detail) => ({
      path: pathFromXPath(detail.xpath, root),
      message: detail.message.trim().replace(/\{(?:urn|https?):[^}]*\}/g, ''),
    }));
  } finally {
    doc.dispose();
  }
}
