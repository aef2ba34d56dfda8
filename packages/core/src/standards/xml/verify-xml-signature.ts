import { createPublicKey } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { judgeSignerTrust, type SignerCertificates, type SignerTrust } from './signer-trust.ts';

export const xmlDsigNamespace = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * What we can honestly say about an XML-DSig signature:
 * - `absent`: none in the message.
 * - `verified`: the digest of the signed content and the signature value both check out
 *   against the key the message carries. Whose key that is was NOT checked (no trust store was
 *   given); `keySource` says which key was used, `signers` carries the certificates for a later
 *   `judgeSignerTrust`.
 * - `trusted`: verified, and a signer's certificate is one of the trusted certificates or is
 *   issued by one, valid at the processing time (`signer` and `anchor` name them).
 * - `untrusted-signer`: verified, but no trusted certificate vouches for the key; `detail` says why.
 * - `digest-mismatch`: the signed content was changed after signing.
 * - `signature-mismatch`: the digest matches but the signature value does not fit the key.
 * - `not-verified`: we could not check it (no usable key, unsupported algorithm, malformed);
 *   `detail` says why. Never read this as valid.
 */
export type SignatureKeySource = 'x509-certificate' | 'rsa-key-value';
export type SignatureVerdict =
  | { status: 'absent' }
  | {
      status: 'verified';
      keySource: SignatureKeySource;
      trustChecked: false;
      signers?: SignerCertificates[];
    }
  | { status: 'trusted'; keySource: 'x509-certificate'; trustChecked: true; signer: string; anchor: string }
  | { status: 'untrusted-signer'; keySource: SignatureKeySource; trustChecked: true; detail: string }
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

type SigningKey = { key: string; source: SignatureKeySource; certificates?: SignerCertificates };

function keyOf(keyInfo: DomElement | null): SigningKey | null {
  if (!keyInfo) return null;
  const certificates = Array.from(keyInfo.getElementsByTagNameNS(xmlDsigNamespace, 'X509Certificate'))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean);
  const [certificate, ...chain] = certificates;
  if (certificate)
    return {
      key: pem('CERTIFICATE', certificate),
      source: 'x509-certificate',
      certificates: { certificate, chain },
    };
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
 * a distributor's), the verdict is the first one that is not `verified`. With `trust`, a verified
 * document is judged by its signers' certificates (`trusted` or `untrusted-signer`); a document
 * without the XML-DSig namespace costs one substring search, whatever the options.
 */
export function verifyXmlSignatures(text: string, trust?: SignerTrust): SignatureVerdict {
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
  let verdict: Extract<SignatureVerdict, { status: 'verified' }> | null = null;
  const signers: SignerCertificates[] = [];
  for (const signature of signatures) {
    const one = verifyOne(text, signature);
    if (one.status !== 'verified') return one;
    signers.push(...(one.signers ?? []));
    verdict ??= one;
  }
  if (!verdict) return { status: 'absent' };
  const all: SignatureVerdict = signers.length ? { ...verdict, signers } : verdict;
  return trust ? judgeSignerTrust(all, trust) : all;
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
      return {
        status: 'verified',
        keySource: key.source,
        trustChecked: false,
        ...(key.certificates ? { signers: [key.certificates] } : {}),
      };
    return { status: 'digest-mismatch', detail: 'the signed content does not match its digest' };
  } catch (error) {
    const failure = (error as Error).message;
    if (/signature value/i.test(failure))
      return { status: 'signature-mismatch', detail: failure.slice(0, 200) };
    if (/digest/i.test(failure)) return { status: 'digest-mismatch', detail: failure.slice(0, 200) };
    return { status: 'not-verified', detail: failure.slice(0, 200) };
  }
}
