import { capIpawsXsd } from '../schemas/cap-ipaws-xsd.ts';
import { capV11Xsd } from '../schemas/cap-v1-1-xsd.ts';
import { capV12Xsd } from '../schemas/cap-v1-2-xsd.ts';
import { defaultInputLimits, type InputLimits, refuseInput } from '../xml/input-limits.ts';
import { readXml, type XmlInput } from '../xml/read-xml.ts';
import { type SignatureVerdict, verifyXmlSignatures, xmlDsigNamespace } from '../xml/verify-xml-signature.ts';
import { writeXmlElement } from '../xml/write-xml.ts';
import type { XmlElement } from '../xml/xml-element.ts';
import { type StandardsIssue, validateWithXsd } from '../xml/xsd-validator.ts';
import type { CapAlert, CapVersion } from './cap-alert.ts';
import { type CapRuleOptions, checkCapRules } from './cap-rules.ts';
import { capVersionOf, parseCapAlert } from './parse-cap-alert.ts';

/** The verdict on one alert: valid or not, every finding with its path, and what its signature says. */
export type CapVerdict = {
  valid: boolean;
  /** Where the alert sat in the document: `alert`, `alerts.alert[2]`, `EDXLDistribution.contentObject[0]…`. */
  location: string;
  version: CapVersion;
  identifier: string;
  sender: string;
  errors: StandardsIssue[];
  warnings: StandardsIssue[];
  signature: SignatureVerdict;
  alert: CapAlert;
};

export type CapCheckOptions = Partial<CapRuleOptions> & { limits?: InputLimits };

const xsdOf: Record<CapVersion, string | null> = { '1.2': capV12Xsd, '1.1': capV11Xsd, '1.0': null };
const edxlDe10 = 'urn:oasis:names:tc:emergency:EDXL:DE:1.0';
const edxlDe20 = 'urn:oasis:names:tc:emergency:EDXL:DE:2.0';
const atom = 'http://www.w3.org/2005/Atom';

/** Every CAP alert inside a document: itself, an `<alerts>` batch, EDXL-DE content objects, Atom entries. */
export function findCapAlerts(
  root: XmlElement,
  path = root.name,
): { element: XmlElement; location: string }[] {
  if (root.name === 'alert' && capVersionOf(root.ns)) return [{ element: root, location: path }];
  const walk = (parent: XmlElement, base: string) =>
    parent.children.flatMap((child) => {
      const same = parent.children.filter((c) => c.name === child.name);
      const step = same.length > 1 ? `${child.name}[${same.indexOf(child)}]` : child.name;
      return findCapAlerts(child, `${base}.${step}`);
    });
  if (root.name === 'alerts' || root.ns === atom || root.ns === edxlDe10 || root.ns === edxlDe20) {
    return walk(root, path);
  }
  // Inside a container we only descend through its own elements (entry, contentObject, embeddedXMLContent …).
  if (path.includes('.') && root.children.length) return walk(root, path);
  return [];
}

/** Checks one alert element: XSD of its version, the rules beyond the XSD, then its signature. */
export function checkCapElement(
  element: XmlElement,
  location: string,
  text: string | null,
  options: CapCheckOptions = {},
  utf8?: Uint8Array,
): CapVerdict {
  const rules: CapRuleOptions = { strict: options.strict ?? true, ipaws: options.ipaws ?? false };
  const version = capVersionOf(element.ns) ?? '1.2';
  // An alert cut out of a batch or envelope is validated as the standalone document it would be.
  const own = text ?? writeXmlElement(element);
  const xsd = xsdOf[version];
  const errors: StandardsIssue[] = xsd
    ? validateWithXsd(xsd, own, element, text !== null ? utf8 : undefined)
    : [{ path: '', message: 'CAP 1.0 alerts are read but not schema-validated; resend as CAP 1.2' }];
  if (rules.ipaws && version === '1.2') {
    errors.push(
      ...validateWithXsd(capIpawsXsd, own, element, text !== null ? utf8 : undefined).map((issue) => ({
        ...issue,
        message: `IPAWS: ${issue.message}`,
      })),
    );
  }
  const alert = parseCapAlert(element);
  const findings = checkCapRules(alert, rules);
  errors.push(...findings.errors);
  const warnings = [...findings.warnings];
  if (version !== '1.2') warnings.push({ path: '', message: `CAP ${version} alert, read as CAP 1.2` });
  // An embedded alert is re-serialized, so the bytes its signature covered are gone: say so, never guess.
  const signature: SignatureVerdict =
    text !== null
      ? verifyXmlSignatures(own)
      : own.includes(xmlDsigNamespace)
        ? {
            status: 'not-verified',
            detail: 'signatures of alerts inside a batch or envelope are not verified',
          }
        : { status: 'absent' };
  if (signature.status === 'digest-mismatch' || signature.status === 'signature-mismatch') {
    errors.push({ path: 'Signature', message: `XML-DSig ${signature.status}: ${signature.detail}` });
  }
  return {
    valid: errors.length === 0,
    location,
    version,
    identifier: alert.identifier,
    sender: alert.sender,
    errors,
    warnings,
    signature,
    alert,
  };
}

/**
 * Reads a document (bytes or text) under the input limits and checks every CAP alert in it.
 * Hostile or unreadable input throws a refusal (`refuseInput`); an alert that is merely
 * invalid comes back as a verdict with its errors.
 */
export function checkCapDocument(input: XmlInput, options: CapCheckOptions = {}): CapVerdict[] {
  const { text, root, utf8 } = readXml(input, options.limits ?? defaultInputLimits);
  const found = findCapAlerts(root);
  if (found.length === 0) {
    if (root.ns === atom) return [];
    throw refuseInput('unsupported-document', `no CAP alert in a {${root.ns}}${root.name} document`);
  }
  return found.map(({ element, location }) =>
    checkCapElement(element, location, element === root ? text : null, options, utf8),
  );
}
