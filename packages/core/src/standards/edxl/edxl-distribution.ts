import { edxlDeV10Xsd } from '../schemas/edxl-de-v1-0-xsd.ts';
import { defaultInputLimits, type InputLimits, refuseInput } from '../xml/input-limits.ts';
import { readXml, type XmlInput } from '../xml/read-xml.ts';
import { escapeXmlText, writeXmlElement } from '../xml/write-xml.ts';
import { childElement, childElements, childText, childTexts, type XmlElement } from '../xml/xml-element.ts';
import { type StandardsIssue, validateWithXsd } from '../xml/xsd-validator.ts';

export const edxlDeNamespaces = {
  '1.0': 'urn:oasis:names:tc:emergency:EDXL:DE:1.0',
  '2.0': 'urn:oasis:names:tc:emergency:EDXL:DE:2.0',
} as const;
export type EdxlDeVersion = keyof typeof edxlDeNamespaces;

export const edxlRmNamespace = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg';
const capNamespacePrefix = 'urn:oasis:names:tc:emergency:cap:';

/** What a content object carries, recognised by the root element of its embedded XML. */
export type EdxlPayloadKind = 'cap' | 'edxl-rm' | 'xml' | 'non-xml';

export type EdxlPayload = {
  index: number;
  kind: EdxlPayloadKind;
  description?: string;
  incidentID?: string;
  /** Embedded XML re-serialized as a standalone document (namespaces declared). */
  xml?: string;
  mimeType?: string;
  uri?: string;
  /** base64 `contentData` of non-XML content, as sent. */
  contentData?: string;
};

/** The routing header of an EDXL-DE envelope (1.0 names; 2.0's `distributionKind` maps to `distributionType`). */
export type EdxlDistribution = {
  version: EdxlDeVersion;
  distributionID: string;
  senderID: string;
  dateTimeSent: string;
  dateTimeExpires?: string;
  distributionStatus: string;
  distributionType: string;
  combinedConfidentiality?: string;
  language?: string;
  /** Keywords of the distribution: the value list they come from (1.0 `valueListUrn`, 2.0 `ct:ValueListURI`) and the values. */
  keywords: EdxlKeyword[];
  explicitAddresses: { scheme: string; values: string[] }[];
  targetAreas: { subdivision: string[]; country: string[]; polygon: string[]; circle: string[] }[];
  payloads: EdxlPayload[];
  errors: StandardsIssue[];
};

export type EdxlKeyword = { valueList: string; values: string[] };

/** 1.0 and 2.0 spell a value list differently (`valueListUrn`/`value`, EDXL-CT `ValueListURI`/`Value`). */
function readKeyword(keyword: XmlElement): EdxlKeyword {
  return {
    valueList: keyword.children.find((c) => /^[vV]alueList(Urn|URN|URI)$/.test(c.name))?.text ?? '',
    values: keyword.children.filter((c) => c.name === 'value' || c.name === 'Value').map((c) => c.text),
  };
}

function payloadKind(root: XmlElement | undefined): EdxlPayloadKind {
  if (!root) return 'xml';
  if (root.name === 'alert' && root.ns.startsWith(capNamespacePrefix)) return 'cap';
  if (root.ns === edxlRmNamespace) return 'edxl-rm';
  return 'xml';
}

function readPayloads(objects: XmlElement[], ns: string, version: EdxlDeVersion): EdxlPayload[] {
  return objects.flatMap((object, index): EdxlPayload[] => {
    const descriptor = version === '2.0' ? childElement(object, 'contentDescriptor', ns) : object;
    const base = {
      index,
      ...(descriptor && childText(descriptor, 'contentDescription', ns) !== undefined
        ? { description: childText(descriptor, 'contentDescription', ns) as string }
        : {}),
      ...(descriptor && childText(descriptor, 'incidentID', ns) !== undefined
        ? { incidentID: childText(descriptor, 'incidentID', ns) as string }
        : {}),
    };
    const xmlContent = childElement(object, version === '2.0' ? 'contentXML' : 'xmlContent', ns);
    if (xmlContent) {
      return childElements(xmlContent, 'embeddedXMLContent', ns).flatMap((embedded) =>
        embedded.children.map((root) => ({ ...base, kind: payloadKind(root), xml: writeXmlElement(root) })),
      );
    }
    const nonXml = childElement(object, 'nonXMLContent', ns);
    if (!nonXml) return [];
    const mimeType = childText(nonXml, 'mimeType', ns);
    const uri = childText(nonXml, 'uri', ns);
    const contentData = childText(nonXml, 'contentData', ns);
    return [
      {
        ...base,
        kind: 'non-xml' as const,
        ...(mimeType !== undefined ? { mimeType } : {}),
        ...(uri !== undefined ? { uri } : {}),
        ...(contentData !== undefined ? { contentData } : {}),
      },
    ];
  });
}

/** Reads an EDXL-DE 1.0 or 2.0 envelope; 1.0 is validated against the OASIS XSD, 2.0 against its required header. */
export function readEdxlDistribution(
  input: XmlInput,
  limits: InputLimits = defaultInputLimits,
): EdxlDistribution {
  const { text, root } = readXml(input, limits);
  const version = (Object.keys(edxlDeNamespaces) as EdxlDeVersion[]).find(
    (v) => edxlDeNamespaces[v] === root.ns,
  );
  if (!version || root.name.toLowerCase() !== 'edxldistribution') {
    throw refuseInput(
      'unsupported-document',
      `expected an EDXL-DE distribution, found {${root.ns}}${root.name}`,
    );
  }
  const ns = root.ns;
  const errors: StandardsIssue[] = [];
  if (version === '1.0') errors.push(...validateWithXsd(edxlDeV10Xsd, text, root));
  const required =
    version === '1.0'
      ? [
          'distributionID',
          'senderID',
          'dateTimeSent',
          'distributionStatus',
          'distributionType',
          'combinedConfidentiality',
        ]
      : [
          'distributionID',
          'senderID',
          'dateTimeSent',
          'dateTimeExpires',
          'distributionStatus',
          'distributionKind',
        ];
  if (version === '2.0') {
    for (const name of required) {
      if (!childText(root, name, ns)) errors.push({ path: name, message: `${name} is required` });
    }
  }
  const routing = version === '2.0' ? (childElement(root, 'descriptor', ns) ?? root) : root;
  const content = version === '2.0' ? (childElement(root, 'content', ns) ?? root) : root;
  const sent = childText(root, 'dateTimeSent', ns) ?? '';
  const expires = childText(root, 'dateTimeExpires', ns);
  if (expires && sent && Date.parse(expires) <= Date.parse(sent)) {
    errors.push({ path: 'dateTimeExpires', message: 'dateTimeExpires must be after dateTimeSent' });
  }
  const optionalText = (parent: XmlElement, name: string) => childText(parent, name, ns);
  const confidentiality = optionalText(root, 'combinedConfidentiality');
  const language = optionalText(routing, 'language');
  return {
    version,
    distributionID: childText(root, 'distributionID', ns) ?? '',
    senderID: childText(root, 'senderID', ns) ?? '',
    dateTimeSent: sent,
    ...(expires !== undefined ? { dateTimeExpires: expires } : {}),
    distributionStatus: childText(root, 'distributionStatus', ns) ?? '',
    distributionType: childText(root, version === '2.0' ? 'distributionKind' : 'distributionType', ns) ?? '',
    ...(confidentiality !== undefined ? { combinedConfidentiality: confidentiality } : {}),
    ...(language !== undefined ? { language } : {}),
    keywords: childElements(routing, 'keyword', ns).map(readKeyword),
    explicitAddresses: childElements(routing, 'explicitAddress', ns).map((address) => ({
      scheme: childText(address, 'explicitAddressScheme', ns) ?? '',
      values: childTexts(address, 'explicitAddressValue', ns),
    })),
    targetAreas: childElements(routing, 'targetArea', ns).map((area) => ({
      subdivision: childTexts(area, 'subdivision', ns),
      country: childTexts(area, 'country', ns),
      polygon: childTexts(area, 'polygon', ns),
      circle: childTexts(area, 'circle', ns),
    })),
    payloads: readPayloads(childElements(content, 'contentObject', ns), ns, version),
    errors,
  };
}

export type EdxlWrapInput = {
  distributionID: string;
  senderID: string;
  dateTimeSent: string;
  distributionStatus: 'Actual' | 'Exercise' | 'System' | 'Test';
  distributionType: string;
  combinedConfidentiality: string;
  language?: string;
  keywords?: EdxlKeyword[];
  /** Standalone XML documents (CAP alerts, EDXL-RM messages), embedded in order. */
  contents: { description?: string; xml: string }[];
};

/** Wraps XML payloads in an EDXL-DE 1.0 envelope (the version with an OASIS Standard XSD). */
export function emitEdxlDistribution(input: EdxlWrapInput): string {
  const leaf = (name: string, value: string) => `  <${name}>${escapeXmlText(value)}</${name}>`;
  const objects = input.contents.map((content) => {
    const body = content.xml.replace(/^<\?xml[^>]*\?>\s*/, '').trim();
    return [
      '  <contentObject>',
      ...(content.description
        ? [`    <contentDescription>${escapeXmlText(content.description)}</contentDescription>`]
        : []),
      '    <xmlContent>',
      '      <embeddedXMLContent>',
      body,
      '      </embeddedXMLContent>',
      '    </xmlContent>',
      '  </contentObject>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<EDXLDistribution xmlns="${edxlDeNamespaces['1.0']}">`,
    leaf('distributionID', input.distributionID),
    leaf('senderID', input.senderID),
    leaf('dateTimeSent', input.dateTimeSent),
    leaf('distributionStatus', input.distributionStatus),
    leaf('distributionType', input.distributionType),
    leaf('combinedConfidentiality', input.combinedConfidentiality),
    ...(input.language ? [leaf('language', input.language)] : []),
    ...(input.keywords ?? []).map((keyword) =>
      [
        '  <keyword>',
        `    <valueListUrn>${escapeXmlText(keyword.valueList)}</valueListUrn>`,
        ...keyword.values.map((value) => `    <value>${escapeXmlText(value)}</value>`),
        '  </keyword>',
      ].join('\n'),
    ),
    ...objects,
    '</EDXLDistribution>',
    '',
  ].join('\n');
}
