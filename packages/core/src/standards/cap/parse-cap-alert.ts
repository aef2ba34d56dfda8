import { refuseInput } from '../xml/input-limits.ts';
import type { XmlElement } from '../xml/xml-element.ts';
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

/**
 * The children of a CAP element in its namespace, grouped by name in one pass: the model reads
 * about thirty names per `<info>`, and scanning every child for each of them was the reader's
 * largest cost. A class, so that reading an alert allocates no closures.
 */
class Children {
  private readonly byName = new Map<string, XmlElement[]>();
  constructor(parent: XmlElement, ns: string) {
    for (const child of parent.children) {
      if (child.ns !== ns) continue;
      const same = this.byName.get(child.name);
      if (same) same.push(child);
      else this.byName.set(child.name, [child]);
    }
  }
  text(name: string): string | undefined {
    return this.byName.get(name)?.[0]?.text;
  }
  texts(name: string): string[] {
    const found = this.byName.get(name);
    return found ? found.map(textOf) : [];
  }
  elements(name: string): XmlElement[] {
    return this.byName.get(name) ?? [];
  }
  /** Copies the optional fields that are present onto `target`, in the XSD's order. */
  optional<T extends object>(target: T, names: readonly (keyof T & string)[]): T {
    for (const name of names) {
      const value = this.text(name);
      if (value !== undefined) (target as Record<string, unknown>)[name] = value;
    }
    return target;
  }
}

function textOf(element: XmlElement): string {
  return element.text;
}

function pairs(parent: Children, name: string, ns: string): CapValuePair[] {
  return parent.elements(name).map((pair) => {
    const c = new Children(pair, ns);
    return { valueName: c.text('valueName') ?? '', value: c.text('value') ?? '' };
  });
}

function readResource(element: XmlElement, ns: string): CapResource {
  const c = new Children(element, ns);
  return c.optional<CapResource>(
    { resourceDesc: c.text('resourceDesc') ?? '', mimeType: c.text('mimeType') ?? '' },
    ['size', 'uri', 'derefUri', 'digest'],
  );
}

function readArea(element: XmlElement, ns: string): CapArea {
  const c = new Children(element, ns);
  return c.optional<CapArea>(
    {
      areaDesc: c.text('areaDesc') ?? '',
      polygon: c.texts('polygon'),
      circle: c.texts('circle'),
      geocode: pairs(c, 'geocode', ns),
    },
    ['altitude', 'ceiling'],
  );
}

/** CAP 1.0 wrote `Very Likely`; 1.1 made it `Likely`. */
function certaintyOf(value: string): string {
  return value === 'Very Likely' ? 'Likely' : value;
}

function readInfo(element: XmlElement, ns: string): CapInfo {
  const c = new Children(element, ns);
  const info = c.optional<CapInfo>({} as CapInfo, ['language']);
  info.category = c.texts('category');
  info.event = c.text('event') ?? '';
  info.responseType = c.texts('responseType');
  info.urgency = c.text('urgency') ?? '';
  info.severity = c.text('severity') ?? '';
  info.certainty = certaintyOf(c.text('certainty') ?? '');
  c.optional(info, ['audience']);
  info.eventCode = pairs(c, 'eventCode', ns);
  c.optional(info, [
    'effective',
    'onset',
    'expires',
    'senderName',
    'headline',
    'description',
    'instruction',
    'web',
    'contact',
  ]);
  info.parameter = pairs(c, 'parameter', ns);
  info.resource = c.elements('resource').map((r) => readResource(r, ns));
  info.area = c.elements('area').map((a) => readArea(a, ns));
  return info;
}

/** Maps a CAP `<alert>` element (1.0, 1.1 or 1.2) to the 1.2 model; schema checks are `checkCapDocument`'s job. */
export function parseCapAlert(element: XmlElement): CapAlert {
  const version = capVersionOf(element.ns);
  if (element.name !== 'alert' || !version) {
    throw refuseInput('unsupported-document', `expected a CAP alert, found {${element.ns}}${element.name}`);
  }
  const ns = element.ns;
  const c = new Children(element, ns);
  const alert = {
    sourceVersion: version,
    identifier: c.text('identifier') ?? '',
    sender: c.text('sender') ?? '',
    sent: c.text('sent') ?? '',
    status: c.text('status') ?? '',
    msgType: c.text('msgType') ?? '',
  } as CapAlert;
  c.optional(alert, ['source']);
  alert.scope = c.text('scope') ?? '';
  c.optional(alert, ['restriction', 'addresses']);
  alert.code = c.texts('code');
  c.optional(alert, ['note', 'references', 'incidents']);
  alert.info = c.elements('info').map((info) => readInfo(info, ns));
  return alert;
}
