import { ParseOption } from 'libxml2-wasm';
// libxml2-wasm's own thin bindings (the package is pinned to an exact version): its XmlDocument and
// XsdValidator wrappers cost more than the parse and the validation themselves (finalizer
// registration, a fresh error slot per call), about half of the time per alert.
import {
  error as libxml2Errors,
  xmlCtxtSetErrorHandler,
  xmlFreeDoc,
  xmlFreeParserCtxt,
  xmlNewParserCtxt,
  xmlReadMemory,
  xmlSchemaFreeParserCtxt,
  xmlSchemaFreeValidCtxt,
  xmlSchemaNewDocParserCtxt,
  xmlSchemaNewValidCtxt,
  xmlSchemaParse,
  xmlSchemaSetValidStructuredErrors,
  xmlSchemaValidateDoc,
} from 'libxml2-wasm/lib/libxml2.mjs';
import { refuseInput } from './input-limits.ts';
import type { XmlElement } from './xml-element.ts';

/** One finding: where (`info[0].area[1].polygon`) and what. */
export type StandardsIssue = { path: string; message: string };

/**
 * libxml2 (compiled to WebAssembly, in-process) never fetches anything here: documents are
 * parsed with NONET and NO_XXE, without DTD loading or entity substitution, and only after
 * the reader has refused any DTD. Schemas are compiled once and kept for the process.
 */
const parseOptions = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;
type Detail = { message: string; level: number; xpath?: string };
type SchemaPtr = ReturnType<typeof xmlSchemaParse>;
const compiled = new Map<string, SchemaPtr>();

/** Parses `bytes` with libxml2, hands the document to `use`, frees it; parse errors are a refusal. */
function withDocument<T>(bytes: Uint8Array, encoding: string | null, use: (doc: number) => T): T {
  const ctxt = xmlNewParserCtxt();
  const slot = libxml2Errors.storage.allocate([]);
  xmlCtxtSetErrorHandler(ctxt, libxml2Errors.errorCollector, slot);
  let doc = 0;
  try {
    doc = xmlReadMemory(ctxt, bytes, null, encoding, parseOptions);
    const fatal = (libxml2Errors.storage.get(slot) as Detail[]).find((d) => d.level >= 2);
    if (!doc || fatal) {
      throw refuseInput('not-well-formed', (fatal?.message ?? 'libxml2 could not read the document').trim());
    }
    return use(doc);
  } finally {
    if (doc) xmlFreeDoc(doc);
    libxml2Errors.storage.free(slot);
    xmlFreeParserCtxt(ctxt);
  }
}

function schemaFor(xsd: string): SchemaPtr {
  let schema = compiled.get(xsd);
  if (schema === undefined) {
    schema = withDocument(Buffer.from(xsd, 'utf8'), 'utf-8', (doc) => {
      const ctxt = xmlSchemaNewDocParserCtxt(doc);
      try {
        return xmlSchemaParse(ctxt);
      } finally {
        xmlSchemaFreeParserCtxt(ctxt);
      }
    });
    if (!schema) throw new Error('the bundled XSD did not compile');
    compiled.set(xsd, schema);
  }
  return schema;
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

/** The encoding libxml2 must be told: none when the text says UTF-8 (or nothing), else UTF-8 over its declaration. */
function encodingOverride(xmlText: string): string | null {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(xmlText.slice(0, 200))?.[1];
  return !declared || /^utf-?8$/i.test(declared) ? null : 'utf-8';
}

/**
 * Validates XML text against an XSD; answers the violations (empty when valid).
 * `root` (optional) turns libxml2's positional paths into element names.
 */
export function validateWithXsd(xsd: string, xmlText: string, root?: XmlElement): StandardsIssue[] {
  const schema = schemaFor(xsd);
  return withDocument(Buffer.from(xmlText, 'utf8'), encodingOverride(xmlText), (doc) => {
    const ctxt = xmlSchemaNewValidCtxt(schema);
    const slot = libxml2Errors.storage.allocate([]);
    try {
      xmlSchemaSetValidStructuredErrors(ctxt, libxml2Errors.errorCollector, slot);
      const result = xmlSchemaValidateDoc(ctxt, doc);
      if (result < 0) throw new Error('libxml2 failed to validate (internal error)');
      if (result === 0) return [];
      return (libxml2Errors.storage.get(slot) as Detail[]).map((detail) => ({
        path: pathFromXPath(detail.xpath, root),
        message: detail.message.trim().replace(/\{(?:urn|https?):[^}]*\}/g, ''),
      }));
    } finally {
      libxml2Errors.storage.free(slot);
      xmlSchemaFreeValidCtxt(ctxt);
    }
  });
}
