import { escapeXmlText } from '../xml/write-xml.ts';
import type { CapAlert, CapArea, CapInfo, CapResource, CapValuePair } from './cap-alert.ts';
import { capNamespaces } from './cap-alert.ts';

function leaf(indent: string, name: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  return value === '' ? [`${indent}<${name}/>`] : [`${indent}<${name}>${escapeXmlText(value)}</${name}>`];
}

function leaves(indent: string, name: string, values: readonly string[]): string[] {
  return values.flatMap((value) => leaf(indent, name, value));
}

function pairElements(indent: string, name: string, values: readonly CapValuePair[]): string[] {
  return values.flatMap((pair) => [
    `${indent}<${name}>`,
    ...leaf(`${indent}  `, 'valueName', pair.valueName),
    ...leaf(`${indent}  `, 'value', pair.value),
    `${indent}</${name}>`,
  ]);
}

function resourceElement(indent: string, resource: CapResource): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}<resource>`,
    ...leaf(inner, 'resourceDesc', resource.resourceDesc),
    ...leaf(inner, 'mimeType', resource.mimeType),
    ...leaf(inner, 'size', resource.size),
    ...leaf(inner, 'uri', resource.uri),
    ...leaf(inner, 'derefUri', resource.derefUri),
    ...leaf(inner, 'digest', resource.digest),
    `${indent}</resource>`,
  ];
}

function areaElement(indent: string, area: CapArea): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}<area>`,
    ...leaf(inner, 'areaDesc', area.areaDesc),
    ...leaves(inner, 'polygon', area.polygon),
    ...leaves(inner, 'circle', area.circle),
    ...pairElements(inner, 'geocode', area.geocode),
    ...leaf(inner, 'altitude', area.altitude),
    ...leaf(inner, 'ceiling', area.ceiling),
    `${indent}</area>`,
  ];
}

function infoElement(indent: string, info: CapInfo): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}<info>`,
    ...leaf(inner, 'language', info.language),
    ...leaves(inner, 'category', info.category),
    ...leaf(inner, 'event', info.event),
    ...leaves(inner, 'responseType', info.responseType),
    ...leaf(inner, 'urgency', info.urgency),
    ...leaf(inner, 'severity', info.severity),
    ...leaf(inner, 'certainty', info.certainty),
    ...leaf(inner, 'audience', info.audience),
    ...pairElements(inner, 'eventCode', info.eventCode),
    ...leaf(inner, 'effective', info.effective),
    ...leaf(inner, 'onset', info.onset),
    ...leaf(inner, 'expires', info.expires),
    ...leaf(inner, 'senderName', info.senderName),
    ...leaf(inner, 'headline', info.headline),
    ...leaf(inner, 'description', info.description),
    ...leaf(inner, 'instruction', info.instruction),
    ...leaf(inner, 'web', info.web),
    ...leaf(inner, 'contact', info.contact),
    ...pairElements(inner, 'parameter', info.parameter),
    ...info.resource.flatMap((resource) => resourceElement(inner, resource)),
    ...info.area.flatMap((area) => areaElement(inner, area)),
    `${indent}</info>`,
  ];
}

/**
 * Canonical CAP 1.2 XML: UTF-8 declaration, the 1.2 namespace as default, elements in XSD
 * order, two-space indentation, text escaped. A signature is not carried over: the bytes
 * it signed are gone, so a re-emitted alert is unsigned by construction.
 */
export function emitCapAlert(alert: CapAlert): string {
  const inner = '  ';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${capNamespaces['1.2']}">`,
    ...leaf(inner, 'identifier', alert.identifier),
    ...leaf(inner, 'sender', alert.sender),
    ...leaf(inner, 'sent', alert.sent),
    ...leaf(inner, 'status', alert.status),
    ...leaf(inner, 'msgType', alert.msgType),
    ...leaf(inner, 'source', alert.source),
    ...leaf(inner, 'scope', alert.scope),
    ...leaf(inner, 'restriction', alert.restriction),
    ...leaf(inner, 'addresses', alert.addresses),
    ...leaves(inner, 'code', alert.code),
    ...leaf(inner, 'note', alert.note),
    ...leaf(inner, 'references', alert.references),
    ...leaf(inner, 'incidents', alert.incidents),
    ...alert.info.flatMap((info) => infoElement(inner, info)),
    '</alert>',
    '',
  ].join('\n');
}
