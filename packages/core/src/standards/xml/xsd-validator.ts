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
const parseOptions =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_COMPACT;
type Detail = { message: string; level: number; xpath?: string };
type SchemaPtr = ReturnType<typeof xmlSchemaParse>;
const compiled = new Map<string, CompiledSchema>();

/**
 * One parser context (and its error list) is reused for every document: creating and freeing
 * them cost about as much as parsing a small alert. libxml2 resets the context at the start of
 * each read. Its name dictionary grows with every new element name it meets, so a hostile stream
 * of documents with made-up names could grow it without end: the context is replaced after
 * `parserReuse` documents.
 */
const parserReuse = 2000;
let parser: { ctxt: number; slot: number; uses: number } | undefined;

function sharedParser(): { ctxt: number; slot: number } {
  if (parser && parser.uses >= parserReuse) {
    xmlFreeParserCtxt(parser.ctxt);
    libxml2Errors.storage.free(parser.slot);
    parser = undefined;
  }
  if (!parser) {
    const ctxt = xmlNewParserCtxt();
    const slot = libxml2Errors.storage.allocate([]);
    xmlCtxtSetErrorHandler(ctxt, libxml2Errors.errorCollector, slot);
    parser = { ctxt, slot, uses: 0 };
  }
  parser.uses += 1;
  return parser;
}

function errorsIn(slot: number): Detail[] {
  return libxml2Errors.storage.get(slot) as Detail[];
}

/** Parses `bytes` with libxml2, hands the document to `use`, frees it; parse errors are a refusal. */
function withDocument<T>(bytes: Uint8Array, encoding: string | null, use: (doc: number) => T): T {
  const { ctxt, slot } = sharedParser();
  const found = errorsIn(slot);
  found.length = 0;
  let doc = 0;
  try {
    doc = xmlReadMemory(ctxt, bytes, null, encoding, parseOptions);
    const fatal = found.find((d) => d.level >= 2);
    if (!doc || fatal) {
      throw refuseInput('not-well-formed', (fatal?.message ?? 'libxml2 could not read the document').trim());
    }
    return use(doc);
  } finally {
    if (doc) xmlFreeDoc(doc);
    found.length = 0;
  }
}

type CompiledSchema = { schema: SchemaPtr; valid: number; slot: number };

/**
 * Each schema is compiled once per thread, with one validation context kept beside it (libxml2
 * resets it at each validation). After a document fails, the context is replaced, so no state
 * of an invalid document can reach the next one.
 */
function schemaFor(xsd: string): CompiledSchema {
  let compiledSchema = compiled.get(xsd);
  if (compiledSchema === undefined) {
    const schema = withDocument(Buffer.from(xsd, 'utf8'), 'utf-8', (doc) => {
      const ctxt = xmlSchemaNewDocParserCtxt(doc);
      try {
        return xmlSchemaParse(ctxt);
      } finally {
        xmlSchemaFreeParserCtxt(ctxt);
      }
    });
    if (!schema) throw new Error('the bundled XSD did not compile');
    compiledSchema = { schema, valid: 0, slot: libxml2Errors.storage.allocate([]) };
    compiled.set(xsd, compiledSchema);
  }
  if (!compiledSchema.valid) {
    compiledSchema.valid = xmlSchemaNewValidCtxt(compiledSchema.schema);
    xmlSchemaSetValidStructuredErrors(
      compiledSchema.valid,
      libxml2Errors.errorCollector,
      compiledSchema.slot,
    );
  }
  return compiledSchema;
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
 * `root` (optional) turns libxml2's positional paths into element names. `utf8`, when given,
 * is the same document as UTF-8 bytes (what the reader was handed): libxml2 reads them as they
 * are instead of a re-encoding of `xmlText`.
 */
export function validateWithXsd(
  xsd: string,
  xmlText: string,
  root?: XmlElement,
  utf8?: Uint8Array,
): StandardsIssue[] {
  const compiledSchema = schemaFor(xsd);
  const bytes = utf8 ?? Buffer.from(xmlText, 'utf8');
  return withDocument(bytes, utf8 ? null : encodingOverride(xmlText), (doc) => {
    const found = errorsIn(compiledSchema.slot);
    found.length = 0;
    const result = xmlSchemaValidateDoc(compiledSchema.valid, doc);
    if (result === 0) return [];
    // The context saw an invalid document (or failed): the next validation gets a fresh one.
    xmlSchemaFreeValidCtxt(compiledSchema.valid);
    compiledSchema.valid = 0;
    if (result < 0) throw new Error('libxml2 failed to validate (internal error)');
    const issues = found.map((detail) => ({
      path: pathFromXPath(detail.xpath, root),
      message: detail.message.trim().replace(/\{(?:urn|https?):[^}]*\}/g, ''),
    }));
    found.length = 0;
    return issues;
  });
}
