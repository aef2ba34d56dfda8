export {
  defaultInputLimits,
  type InputLimits,
  type RefusalReason,
  refusalReasonOf,
  refuseInput,
} from './input-limits.ts';
export {
  decodeEntities,
  decodeXml,
  guardXml,
  readXml,
  type XmlDocumentRead,
  type XmlInput,
} from './read-xml.ts';
export {
  distinguishedName,
  judgeSignerTrust,
  readTrustedCertificates,
  type SignerCertificates,
  type SignerTrust,
  withoutSignerCertificates,
} from './signer-trust.ts';
export {
  type SignatureKeySource,
  type SignatureVerdict,
  verifyXmlSignatures,
  xmlDsigNamespace,
} from './verify-xml-signature.ts';
export { escapeXmlAttribute, escapeXmlText, writeXmlElement } from './write-xml.ts';
export {
  attributeValue,
  childElement,
  childElements,
  childText,
  childTexts,
  type XmlAttribute,
  type XmlElement,
} from './xml-element.ts';
export { pathFromXPath, type StandardsIssue, validateWithXsd } from './xsd-validator.ts';
