/**
 * A namespace-resolved XML element: what every standards reader in Vigil works on.
 * Text is kept as text (a CAP geocode `006037` stays `006037`) and trimmed of the
 * indentation around it.
 */
export type XmlAttribute = { name: string; ns: string; prefix: string; value: string };

export type XmlElement = {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI, '' when none. */
  ns: string;
  prefix: string;
  attributes: XmlAttribute[];
  /** Namespace declarations made on this element (prefix → URI, '' for the default namespace). */
  declarations: Record<string, string>;
  children: XmlElement[];
  text: string;
};

export function childElements(parent: XmlElement, name: string, ns?: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}

export function childElement(parent: XmlElement, name: string, ns?: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** The text of the first child of that name, or undefined when absent. */
export function childText(parent: XmlElement, name: string, ns?: string): string | undefined {
  return childElement(parent, name, ns)?.text;
}

export function childTexts(parent: XmlElement, name: string, ns?: string): string[] {
  return childElements(parent, name, ns).map((c) => c.text);
}

export function attributeValue(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}
