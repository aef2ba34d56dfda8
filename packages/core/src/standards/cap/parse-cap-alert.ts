import { refuseInput } from '../xml/input-limits.ts';
import { childElements, childText, childTexts, type XmlElement } from '../xml/xml-element.ts';
import {
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapResource,
  type CapValuePair,
  type CapVersion,
  capNamespaces,
} from './cap-alert.ts';

export function capVersionOf(ns: string): CapVersion | null {
  for (const [version, uri] of Object.entries(capNamespaces)) if (uri === ns) return version as CapVersion;
  return null;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function pairs(parent: XmlElement, name: string, ns: string): CapValuePair[] {
  return childElements(parent, name, ns).map((pair) => ({
    valueName: childText(pair, 'valueName', ns) ?? '',
    value: childText(pair, 'value', ns) ?? '',
  }));
}

function readResource(element: XmlElement, ns: string): CapResource {
  return {
    resourceDesc: childText(element, 'resourceDesc', ns) ?? '',
    mimeType: childText(element, 'mimeType', ns) ?? '',
    ...optional('size', childText(element, 'size', ns)),
    ...optional('uri', childText(element, 'uri', ns)),
    ...optional('derefUri', childText(element, 'derefUri', ns)),
    ...optional('digest', childText(element, 'digest', ns)),
  };
}

function readArea(element: XmlElement, ns: string): CapArea {
  return {
    areaDesc: childText(element, 'areaDesc', ns) ?? '',
    polygon: childTexts(element, 'polygon', ns),
    circle: childTexts(element, 'circle', ns),
    geocode: pairs(element, 'geocode', ns),
    ...optional('altitude', childText(element, 'altitude', ns)),
    ...optional('ceiling', childText(element, 'ceiling', ns)),
  };
}

/** CAP 1.0 wrote `Very Likely`; 1.1 made it `Likely`. */
function certaintyOf(value: string): string {
  return value === 'Very Likely' ? 'Likely' : value;
}

function readInfo(element: XmlElement, ns: string): CapInfo {
  const text = (name: string) => childText(element, name, ns);
  return {
    ...optional('language', text('language')),
    category: childTexts(element, 'category', ns),
    event: text('event') ?? '',
    responseType: childTexts(element, 'responseType', ns),
    urgency: text('urgency') ?? '',
    severity: text('severity') ?? '',
    certainty: certaintyOf(text('certainty') ?? ''),
    ...optional('audience', text('audience')),
    eventCode: pairs(element, 'eventCode', ns),
    ...optional('effective', text('effective')),
    ...optional('onset', text('onset')),
    ...optional('expires', text('expires')),
    ...optional('senderName', text('senderName')),
    ...optional('headline', text('headline')),
    ...optional('description', text('description')),
    ...optional('instruction', text('instruction')),
    ...optional('web', text('web')),
    ...optional('contact', text('contact')),
    parameter: pairs(element, 'parameter', ns),
    resource: childElements(element, 'resource', ns).map((r) => readResource(r, ns)),
    area: childElements(element, 'area', ns).map((a) => readArea(a, ns)),
  };
}

/** Maps a CAP `<alert>` element (1.0, 1.1 or 1.2) to the 1.2 model; schema checks are `checkCapDocument`'s job. */
export function parseCapAlert(element: XmlElement): CapAlert {
  const version = capVersionOf(element.ns);
  if (element.name !== 'alert' || !version) {
    throw refuseInput('unsupported-document', `expected a CAP alert, found {${element.ns}}${element.name}`);
  }
  const ns = element.ns;
  const text = (name: string) => childText(element, name, ns);
  return {
    sourceVersion: version,
    identifier: text('identifier') ?? '',
    sender: text('sender') ?? '',
    sent: text('sent') ?? '',
    status: text('status') ?? '',
    msgType: text('msgType') ?? '',
    ...optional('source', text('source')),
    scope: text('scope') ?? '',
    ...optional('restriction', text('restriction')),
    ...optional('addresses', text('addresses')),
    code: childTexts(element, 'code', ns),
    ...optional('note', text('note')),
    ...optional('references', text('references')),
    ...optional('incidents', text('incidents')),
    info: childElements(element, 'info', ns).map((info) => readInfo(info, ns)),
  };
}
