/**
 * OASIS CAP 1.2 (Common Alerting Protocol) as a TypeScript model. Names are the standard's
 * own (`msgType`, `areaDesc`, `valueName`); every value is text as the XSD says, so a SAME
 * geocode `006037` or a parameter `0.0` survives untouched. CAP 1.0 and 1.1 alerts map onto
 * this model on read (`sourceVersion` remembers where they came from); we write 1.2 only.
 */
export const capNamespaces = {
  '1.2': 'urn:oasis:names:tc:emergency:cap:1.2',
  '1.1': 'urn:oasis:names:tc:emergency:cap:1.1',
  '1.0': 'http://www.incident.com/cap/1.0',
} as const;
export type CapVersion = keyof typeof capNamespaces;

export const capStatuses = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const capMsgTypes = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const capScopes = ['Public', 'Restricted', 'Private'] as const;
export const capCategories = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
export const capResponseTypes = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const;
export const capUrgencies = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const capSeverities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const capCertainties = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/** A `valueName`/`value` pair: eventCode, parameter and geocode. */
export type CapValuePair = { valueName: string; value: string };

export type CapResource = {
  resourceDesc: string;
  mimeType: string;
  size?: string;
  uri?: string;
  derefUri?: string;
  digest?: string;
};

export type CapArea = {
  areaDesc: string;
  polygon: string[];
  circle: string[];
  geocode: CapValuePair[];
  altitude?: string;
  ceiling?: string;
};

export type CapInfo = {
  language?: string;
  category: string[];
  event: string;
  responseType: string[];
  urgency: string;
  severity: string;
  certainty: string;
  audience?: string;
  eventCode: CapValuePair[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameter: CapValuePair[];
  resource: CapResource[];
  area: CapArea[];
};

export type CapAlert = {
  sourceVersion: CapVersion;
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  source?: string;
  scope: string;
  restriction?: string;
  addresses?: string;
  code: string[];
  note?: string;
  references?: string;
  incidents?: string;
  info: CapInfo[];
};

/** Element order of the CAP 1.2 XSD (a strict xs:sequence): the writer follows it, the rules cite it. */
export const capAlertOrder = [
  'identifier',
  'sender',
  'sent',
  'status',
  'msgType',
  'source',
  'scope',
  'restriction',
  'addresses',
  'code',
  'note',
  'references',
  'incidents',
  'info',
] as const;

export const capInfoOrder = [
  'language',
  'category',
  'event',
  'responseType',
  'urgency',
  'severity',
  'certainty',
  'audience',
  'eventCode',
  'effective',
  'onset',
  'expires',
  'senderName',
  'headline',
  'description',
  'instruction',
  'web',
  'contact',
  'parameter',
  'resource',
  'area',
] as const;
