import { createPublicKey } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

export const xmlDsigNamespace = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * What we can honestly say about an XML-DSig signature:
 * - `absent`: none in the message.
 * - `verified`: the digest of the signed content and the signature value both check out
 *   against the key the message carries. The certificate's chain of trust is NOT checked
 *   (Vigil holds no trust store of alerting authorities); `keySource` says which key was used.
 * - `digest-mismatch`: the signed content was changed after signing.
 * - `signature-mismatch`: the digest matches but the signature value does not fit the key.
 * - `not-verified`: we could not check it (no usable key, unsupported algorithm, malformed);
 *   `detail` says why. Never read this as valid.
 */
export type SignatureVerdict =
  | { status: 'absent' }
  | { status: 'verified'; keySource: 'x509-certificate' | 'rsa-key-value'; trustChecked: false }
  | { status: 'digest-mismatch' | 'signature-mismatch' | 'not-verified'; detail: string };

type DomElement = {
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<DomElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
};

function pem(kind: 'CERTIFICATE', base64: string): string {
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
}

function keyOf(
  keyInfo: DomElement | null,
): { key: string; source: 'x509-certificate' | 'rsa-key-value' } | null {
  if (!keyInfo) return null;
  const certificate = keyInfo.getElementsByTagNameNS(xmlDsigNamespace, 'X509Certificate')[0];
  if (certificate?.textContent)
    return { key: pem('CERTIFICATE', certificate.textContent), source: 'x509-certificate' };
  const modulus = keyInfo.getElementsByTagNameNS(xmlDsigNamespace, 'Modulus')[0]?.textContent;
  const exponent = keyInfo.getElementsByTagNameNS(xmlDsigNamespace, 'Exponent')[0]?.textContent;
  if (modulus && exponent) {
    const url = (b64: string) => Buffer.from(b64.replace(/\s+/g, ''), 'base64').toString('base64url');
    const key = createPublicKey({ key: { kty: 'RSA', n: url(modulus), e: url(exponent) }, format: 'jwk' });
    return { key: key.export({ type: 'spki', format: 'pem' }).toString(), source: 'rsa-key-value' };
  }
  return null;
}

/**
 * Verifies each enveloped XML-DSig signature of a document (`text` must already have passed
 * `guardXml`: no DTD reaches xmldom). When several signatures are present (an originator's and
 * a distributor's), the verdict is the first one that is not `verified`.
 */
export function verifyXmlSignatures(text: string): SignatureVerdict {
  if (!text.includes(xmlDsigNamespace)) return { status: 'absent' };
  let parseError = '';
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => {
        parseError ||= message;
      },
      fatalError: (message: string) => {
        parseError ||= message;
      },
    },
  }).parseFromString(text, 'text/xml') as unknown as DomElement;
  if (parseError) return { status: 'not-verified', detail: `unreadable: ${parseError}` };
  const signatures = Array.from(doc.getElementsByTagNameNS(xmlDsigNamespace, 'Signature'));
  if (signatures.length === 0) return { status: 'absent' };
  let verdict: SignatureVerdict | null = null;
  for (const signature of signatures) {
    const one = verifyOne(text, signature);
    if (one.status !== 'verified') return one;
    verdict ??= one;
  }
  return verdict ?? { status: 'absent' };
}

function verifyOne(text: string, signature: DomElement): SignatureVerdict {
  const key = keyOf(signature.getElementsByTagNameNS(xmlDsigNamespace, 'KeyInfo')[0] ?? null);
  if (!key) return { status: 'not-verified', detail: 'no X509Certificate or RSAKeyValue in KeyInfo' };
  const signed = new SignedXml({ publicCert: key.key });
  try {
    signed.loadSignature(signature as unknown as Node);
  } catch (error) {
    return { status: 'not-verified', detail: `malformed signature: ${(error as Error).message}` };
  }
  try {
    // xml-crypto answers false when a reference digest fails, and throws when the value does not fit the key.
    if (signed.checkSignature(text))
      return { status: 'verified', keySource: key.source, trustChecked: false };
    return { status: 'digest-mismatch', detail: 'the signed content does not match its digest' };
  } catch (error) {
    const failure = (error as Error).message;
    if (/signature value/i.test(failure))
      return { status: 'signature-mismatch', detail: failure.slice(0, 200) };
    if (/digest/i.test(failure)) return { status: 'digest-mismatch', detail: failure.slice(0, 200) };
    return { status: 'not-verified', detail: failure.slice(0, 200) };
  }
}
