import { defaultInputLimits, type InputLimits, refuseInput } from '../xml/input-limits.ts';
import { readXml, type XmlInput } from '../xml/read-xml.ts';
import { escapeXmlText } from '../xml/write-xml.ts';
import { childElement, childElements, childText, type XmlElement } from '../xml/xml-element.ts';
import type { StandardsIssue } from '../xml/xsd-validator.ts';
import { edxlRmNamespace } from './edxl-distribution.ts';

const rmCommon = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0';

/** The 16 EDXL-RM 1.0 message types: the root element names the type. */
export const resourceMessageTypes = [
  'RequestResource',
  'ResponseToRequestResource',
  'RequisitionResource',
  'CommitResource',
  'RequestInformation',
  'ResponseToRequestInformation',
  'OfferUnsolicitedResource',
  'ReleaseResource',
  'RequestReturn',
  'ResponseToRequestReturn',
  'RequestQuote',
  'ResponseToRequestQuote',
  'RequestResourceDeploymentStatus',
  'ReportResourceDeploymentStatus',
  'RequestExtendedDeploymentDuration',
  'ResponseToRequestExtendedDeploymentDuration',
] as const;
export type ResourceMessageType = (typeof resourceMessageTypes)[number];

/**
 * A Vigil resource request line, as EDXL-RM carries it: what kind of resource (NIMS typing),
 * how many, which concrete unit when committed, and where it is to report.
 */
export type ResourceRequestItem = {
  resourceInfoElementID: string;
  resourceID?: string;
  name?: string;
  /** NIMS typing: the value list (e.g. `http://nimsonline.org/2.0`) and its value. */
  typeStructure?: { valueListURN: string; value: string };
  /** Free-form TypeInfo children (Resource, Category, Kind, MinimumCapabilities …) kept as text. */
  typeInfo: Record<string, string>;
  keywords: { valueListURN: string; value: string }[];
  quantity?: string;
  responseType?: string;
  scheduleType?: string;
  location?: string;
};

/** The Vigil side of an EDXL-RM message: a resource request (or its commitment, offer …) between agencies. */
export type ResourceRequest = {
  messageType: ResourceMessageType;
  messageID: string;
  sentDateTime: string;
  originatingMessageID?: string;
  precedingMessageIDs: string[];
  incidentIDs: string[];
  contacts: { role: string; location?: string }[];
  items: ResourceRequestItem[];
};

function text(parent: XmlElement | undefined, name: string, ns = edxlRmNamespace): string | undefined {
  return parent ? childText(parent, name, ns) : undefined;
}

function valueList(element: XmlElement | undefined): { valueListURN: string; value: string } | undefined {
  if (!element) return undefined;
  return {
    valueListURN: text(element, 'ValueListURN', rmCommon) ?? '',
    value: text(element, 'Value', rmCommon) ?? '',
  };
}

function readItem(info: XmlElement): ResourceRequestItem {
  const resource = childElement(info, 'Resource', edxlRmNamespace);
  const typeInfo = resource ? childElement(resource, 'TypeInfo', edxlRmNamespace) : undefined;
  const assignment = childElement(info, 'AssignmentInformation', edxlRmNamespace);
  const quantity = assignment ? childElement(assignment, 'Quantity', edxlRmNamespace) : undefined;
  const response = childElement(info, 'ResponseInformation', edxlRmNamespace);
  const schedule = childElement(info, 'ScheduleInformation', edxlRmNamespace);
  const location = schedule ? childElement(schedule, 'Location', edxlRmNamespace) : undefined;
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  const typeStructure = valueList(
    resource ? childElement(resource, 'TypeStructure', edxlRmNamespace) : undefined,
  );
  return {
    resourceInfoElementID: text(info, 'ResourceInfoElementID') ?? '',
    ...optional('resourceID', text(resource, 'ResourceID')),
    ...optional('name', text(resource, 'Name')),
    ...(typeStructure ? { typeStructure } : {}),
    typeInfo: Object.fromEntries((typeInfo?.children ?? []).map((c) => [c.name, c.text])),
    keywords: resource
      ? childElements(resource, 'Keyword', edxlRmNamespace).map(
          (k) => valueList(k) ?? { valueListURN: '', value: '' },
        )
      : [],
    ...optional('quantity', text(quantity, 'QuantityText', rmCommon)),
    ...optional('responseType', text(response, 'ResponseType', rmCommon)),
    ...optional('scheduleType', text(schedule, 'ScheduleType')),
    ...optional('location', text(location, 'LocationDescription', rmCommon)),
  };
}

/**
 * Reads an EDXL-RM 1.0 message into a Vigil resource request, with the header rules the
 * common header states (MessageContentType equals the root, ContactInformation present,
 * SentDateTime with an offset). The official RM XSDs are not bundled (see PROVENANCE).
 */
export function readResourceMessage(
  input: XmlInput | XmlElement,
  limits: InputLimits = defaultInputLimits,
): { request: ResourceRequest; errors: StandardsIssue[]; warnings: StandardsIssue[] } {
  const root = typeof input === 'object' && 'children' in input ? input : readXml(input, limits).root;
  const type = root.name as ResourceMessageType;
  if (root.ns !== edxlRmNamespace || !resourceMessageTypes.includes(type)) {
    throw refuseInput('unsupported-document', `expected an EDXL-RM message, found {${root.ns}}${root.name}`);
  }
  const errors: StandardsIssue[] = [];
  const warnings: StandardsIssue[] = [];
  const contentType = text(root, 'MessageContentType');
  if (contentType !== type) {
    errors.push({ path: 'MessageContentType', message: `MessageContentType must be ${type}` });
  }
  const sent = text(root, 'SentDateTime') ?? '';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(sent)) {
    // UICDS/XchangeCore send local times without offset; the spec wants one, so it is a warning.
    warnings.push({ path: 'SentDateTime', message: `${sent} has no UTC offset` });
  } else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})$/.test(sent)) {
    errors.push({
      path: 'SentDateTime',
      message: `${sent || '(none)'} is not a date-time with a UTC offset`,
    });
  }
  if (!text(root, 'MessageID')) errors.push({ path: 'MessageID', message: 'MessageID is required' });
  const contacts = childElements(root, 'ContactInformation', edxlRmNamespace);
  if (contacts.length === 0)
    errors.push({ path: 'ContactInformation', message: 'at least one contact is required' });
  const originating = text(root, 'OriginatingMessageID');
  return {
    request: {
      messageType: type,
      messageID: text(root, 'MessageID') ?? '',
      sentDateTime: sent,
      ...(originating !== undefined ? { originatingMessageID: originating } : {}),
      precedingMessageIDs: childElements(root, 'PrecedingMessageID', edxlRmNamespace).map((e) => e.text),
      incidentIDs: childElements(root, 'IncidentInformation', edxlRmNamespace).map(
        (e) => text(e, 'IncidentID', rmCommon) ?? '',
      ),
      contacts: contacts.map((c) => {
        const location = text(childElement(c, 'ContactLocation', rmCommon), 'LocationDescription', rmCommon);
        return {
          role: text(c, 'ContactRole', rmCommon) ?? '',
          ...(location !== undefined ? { location } : {}),
        };
      }),
      items: childElements(root, 'ResourceInformation', edxlRmNamespace).map(readItem),
    },
    errors,
    warnings,
  };
}

/** Writes a Vigil resource request as an EDXL-RM 1.0 message (header, contacts, resource lines). */
export function emitResourceMessage(request: ResourceRequest): string {
  const t = (indent: string, prefix: string, name: string, value: string | undefined) =>
    value === undefined ? [] : [`${indent}<${prefix}:${name}>${escapeXmlText(value)}</${prefix}:${name}>`];
  const list = (indent: string, name: string, v: { valueListURN: string; value: string }) => [
    `${indent}<rmsg:${name}>`,
    ...t(`${indent}  `, 'rm', 'ValueListURN', v.valueListURN),
    ...t(`${indent}  `, 'rm', 'Value', v.value),
    `${indent}</rmsg:${name}>`,
  ];
  const items = request.items.flatMap((item) => [
    '  <rmsg:ResourceInformation>',
    ...t('    ', 'rmsg', 'ResourceInfoElementID', item.resourceInfoElementID),
    ...(item.responseType !== undefined
      ? [
          '    <rmsg:ResponseInformation>',
          ...t('      ', 'rm', 'ResponseType', item.responseType),
          '    </rmsg:ResponseInformation>',
        ]
      : []),
    '    <rmsg:Resource>',
    ...t('      ', 'rmsg', 'ResourceID', item.resourceID),
    ...t('      ', 'rmsg', 'Name', item.name),
    ...(item.typeStructure ? list('      ', 'TypeStructure', item.typeStructure) : []),
    ...(Object.keys(item.typeInfo).length
      ? [
          '      <rmsg:TypeInfo>',
          ...Object.entries(item.typeInfo).map(([k, v]) => `        <${k}>${escapeXmlText(v)}</${k}>`),
          '      </rmsg:TypeInfo>',
        ]
      : []),
    ...item.keywords.flatMap((k) => list('      ', 'Keyword', k)),
    '    </rmsg:Resource>',
    ...(item.quantity !== undefined
      ? [
          '    <rmsg:AssignmentInformation>',
          '      <rmsg:Quantity>',
          ...t('        ', 'rm', 'QuantityText', item.quantity),
          '      </rmsg:Quantity>',
          '    </rmsg:AssignmentInformation>',
        ]
      : []),
    ...(item.scheduleType !== undefined || item.location !== undefined
      ? [
          '    <rmsg:ScheduleInformation>',
          ...t('      ', 'rmsg', 'ScheduleType', item.scheduleType),
          ...(item.location !== undefined
            ? [
                '      <rmsg:Location>',
                ...t('        ', 'rm', 'LocationDescription', item.location),
                '      </rmsg:Location>',
              ]
            : []),
          '    </rmsg:ScheduleInformation>',
        ]
      : []),
    '  </rmsg:ResourceInformation>',
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rmsg:${request.messageType} xmlns:rmsg="${edxlRmNamespace}" xmlns:rm="${rmCommon}">`,
    ...t('  ', 'rmsg', 'MessageID', request.messageID),
    ...t('  ', 'rmsg', 'SentDateTime', request.sentDateTime),
    ...t('  ', 'rmsg', 'MessageContentType', request.messageType),
    ...t('  ', 'rmsg', 'OriginatingMessageID', request.originatingMessageID),
    ...request.precedingMessageIDs.flatMap((id) => t('  ', 'rmsg', 'PrecedingMessageID', id)),
    ...request.incidentIDs.flatMap((id) => [
      '  <rmsg:IncidentInformation>',
      ...t('    ', 'rm', 'IncidentID', id),
      '  </rmsg:IncidentInformation>',
    ]),
    ...request.contacts.flatMap((c) => [
      '  <rmsg:ContactInformation>',
      ...t('    ', 'rm', 'ContactRole', c.role),
      ...(c.location !== undefined
        ? [
            '    <rm:ContactLocation>',
            ...t('      ', 'rm', 'LocationDescription', c.location),
            '    </rm:ContactLocation>',
          ]
        : []),
      '  </rmsg:ContactInformation>',
    ]),
    ...items,
    `</rmsg:${request.messageType}>`,
    '',
  ].join('\n');
}
