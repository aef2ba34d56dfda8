import { X509Certificate } from 'node:crypto';
import type { SignatureVerdict } from './verify-xml-signature.ts';

/**
 * What an admin trusts to sign alerts, and when the alert is processed. The time is passed in
 * (core reads no clock): a certificate counts only if it is valid at that moment.
 */
export type SignerTrust = { anchors: readonly X509Certificate[]; at: Date };

/**
 * The certificates of one signature as the message carries them (base64 DER, KeyInfo/X509Data):
 * the first is the one whose key verified the signature; the others may be intermediates.
 */
export type SignerCertificates = { certificate: string; chain: string[] };

/** Longest chain walked from the signing certificate to a trusted one (leaf, intermediates, anchor). */
const maxChain = 4;

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads a PEM bundle (one or more certificates); anything else in the file (comments, keys) is ignored. */
export function readTrustedCertificates(pemBundle: string): X509Certificate[] {
  const blocks = pemBundle.match(pemCertificate) ?? [];
  if (blocks.length === 0) throw new Error('no PEM certificate (-----BEGIN CERTIFICATE-----) in the bundle');
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new Error(`certificate ${i + 1} of the bundle is unreadable: ${(error as Error).message}`);
    }
  });
}

/** A distinguished name on one line, as people read it in a verdict. */
export function distinguishedName(name: string): string {
  return name.split('\n').join(', ');
}

function validAt(certificate: X509Certificate, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(certificate.validFrom) <= t && t <= Date.parse(certificate.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  // Names (and key identifiers) first, then the signature itself: checkIssued alone proves nothing.
  return issuer.ca && child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

type Judgement = { trusted: true; signer: string; anchor: string } | { trusted: false; detail: string };

function judgeOne(signer: SignerCertificates, trust: SignerTrust): Judgement {
  let leaf: X509Certificate;
  let chain: X509Certificate[];
  try {
    leaf = new X509Certificate(Buffer.from(signer.certificate, 'base64'));
    chain = signer.chain.map((c) => new X509Certificate(Buffer.from(c, 'base64')));
  } catch (error) {
    return { trusted: false, detail: `the signing certificate is unreadable: ${(error as Error).message}` };
  }
  const name = distinguishedName(leaf.subject);
  if (!validAt(leaf, trust.at)) {
    return {
      trusted: false,
      detail: `the signing certificate ${name} is not valid at ${trust.at.toISOString()} (valid ${leaf.validFrom} to ${leaf.validTo})`,
    };
  }
  const anchors = trust.anchors.filter((a) => validAt(a, trust.at));
  if (anchors.some((a) => a.raw.equals(leaf.raw))) return { trusted: true, signer: name, anchor: name };
  let current = leaf;
  for (let depth = 0; depth < maxChain; depth += 1) {
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) return { trusted: true, signer: name, anchor: distinguishedName(anchor.subject) };
    const next = chain.find((c) => c !== current && validAt(c, trust.at) && issuedBy(current, c));
    if (!next) break;
    current = next;
  }
  return {
    trusted: false,
    detail: `the signing certificate ${name} (issued by ${distinguishedName(leaf.issuer)}) is neither a trusted certificate nor issued by one`,
  };
}

/**
 * Turns a `verified` verdict into `trusted` (a signer's certificate is one of the trusted ones, or
 * is issued by one, every certificate on the way valid at `trust.at`) or `untrusted-signer`.
 * Only signatures that already verified are judged: a broken or unchecked one stays what it is.
 * With several signatures, one trusted signer is enough (the others verified too).
 */
export function judgeSignerTrust(verdict: SignatureVerdict, trust: SignerTrust): SignatureVerdict {
  if (verdict.status !== 'verified') return verdict;
  const signers = verdict.signers ?? [];
  if (signers.length === 0) {
    return {
      status: 'untrusted-signer',
      keySource: verdict.keySource,
      trustChecked: true,
      detail:
        'signed with a bare RSA key (no X509Certificate in KeyInfo): no trusted certificate vouches for it',
    };
  }
  const judged = signers.map((signer) => judgeOne(signer, trust));
  const trusted = judged.find((j) => j.trusted);
  if (trusted?.trusted) {
    return {
      status: 'trusted',
      keySource: 'x509-certificate',
      trustChecked: true,
      signer: trusted.signer,
      anchor: trusted.anchor,
    };
  }
  const first = judged[0] as Extract<Judgement, { trusted: false }>;
  return {
    status: 'untrusted-signer',
    keySource: verdict.keySource,
    trustChecked: true,
    detail: first.detail,
  };
}

/** The verdict without the certificates it carried for a later trust check (what a client is shown). */
export function withoutSignerCertificates(verdict: SignatureVerdict): SignatureVerdict {
  if (verdict.status !== 'verified' || !verdict.signers) return verdict;
  const { signers: _signers, ...rest } = verdict;
  return rest;
}
