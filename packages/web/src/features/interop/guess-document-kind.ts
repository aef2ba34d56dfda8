/** The standards the "Check a document" part reads. */
export type DocumentKind = 'cap' | 'edxl' | 'stix';

const edxlDeNamespaces = [
  'urn:oasis:names:tc:emergency:EDXL:DE:1.0',
  'urn:oasis:names:tc:emergency:EDXL:DE:2.0',
];

/** Everything that may stand before the root element: BOM, white space, the XML declaration, PIs, comments. */
const prolog = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;
const startTag = /^<(?:([\w.-]+):)?([\w.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A document's kind from its beginning: JSON is STIX; XML whose root element is
 * `EDXLDistribution` (1.0) or `edxlDistribution` (2.0) in an EDXL-DE namespace is an envelope;
 * other XML is read as CAP (an alert, an `<alerts>` batch, Atom). Null when it is neither, or the
 * root element is not complete yet (a document still being typed).
 */
export function guessDocumentKind(text: string): DocumentKind | null {
  const start = text.replace(prolog, '');
  if (start.startsWith('{')) return 'stix';
  if (!start.startsWith('<')) return null;
  const tag = startTag.exec(start);
  if (!tag) return start.startsWith('<!') ? null : 'cap';
  const [, prefix, name = '', attributes = ''] = tag;
  const wanted = prefix ? `xmlns:${prefix}` : 'xmlns';
  let namespace = '';
  for (const match of attributes.matchAll(attribute)) {
    if (match[1] === wanted) namespace = match[2] ?? match[3] ?? '';
  }
  return name.toLowerCase() === 'edxldistribution' && edxlDeNamespaces.includes(namespace) ? 'edxl' : 'cap';
}
