import type { XmlElement } from './xml-element.ts';

export function escapeXmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/**
 * Writes an element (and what it holds) as a standalone document fragment: every namespace
 * it uses is declared on the way down, so a CAP alert cut out of an EDXL-DE envelope
 * reads the same on its own.
 */
export function writeXmlElement(
  element: XmlElement,
  indent = '',
  scope: Record<string, string> = {},
): string {
  const declared: Record<string, string> = {};
  const bind = (prefix: string, ns: string) => {
    if (prefix === 'xml') return;
    if ((scope[prefix] ?? (prefix === '' ? '' : undefined)) !== ns && declared[prefix] === undefined) {
      declared[prefix] = ns;
    }
  };
  bind(element.prefix, element.ns);
  for (const attribute of element.attributes) if (attribute.prefix) bind(attribute.prefix, attribute.ns);
  const inner = { ...scope, ...declared };
  const qname = element.prefix ? `${element.prefix}:${element.name}` : element.name;
  const parts = [
    ...Object.entries(declared).map(([p, ns]) => `${p ? `xmlns:${p}` : 'xmlns'}="${escapeXmlAttribute(ns)}"`),
    ...element.attributes.map(
      (a) => `${a.prefix ? `${a.prefix}:${a.name}` : a.name}="${escapeXmlAttribute(a.value)}"`,
    ),
  ];
  const open = `${indent}<${qname}${parts.length ? ` ${parts.join(' ')}` : ''}`;
  if (element.children.length === 0) {
    return element.text ? `${open}>${escapeXmlText(element.text)}</${qname}>` : `${open}/>`;
  }
  const body = element.children.map((child) => writeXmlElement(child, `${indent}  `, inner)).join('\n');
  const text = element.text ? `${indent}  ${escapeXmlText(element.text)}\n` : '';
  return `${open}>\n${text}${body}\n${indent}</${qname}>`;
}
