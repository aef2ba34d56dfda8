import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignedXml } from 'xml-crypto';
import { readTrustedCertificates, type SignerTrust } from './signer-trust.ts';
import { type SignatureVerdict, verifyXmlSignatures } from './verify-xml-signature.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/cap/${path}`, import.meta.url), 'utf8');
const ipaws = fixture('real/willglynn-oasiscap/ipaws-5e6dd9de023f1930ef6548d9.xml');
const specAlert = fixture('spec-examples/cap12-appendix-A1.xml');

/** The IPAWS-OPEN certificate the fixture carries (valid 2019-03-05 to 2022-03-04). */
function ipawsCertificate(): X509Certificate {
  const base64 = /<(?:\w+:)?X509Certificate>([^<]+)</.exec(ipaws)?.[1] ?? '';
  return new X509Certificate(Buffer.from(base64.replace(/\s+/g, ''), 'base64'));
}

const body = (certificates: string[]) =>
  certificates.map((c) => `<X509Certificate>${c}</X509Certificate>`).join('');
const derOf = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s+/g, '');

/**
 * A test PKI made at run time with openssl (no private key is ever committed): a root CA, an
 * intermediate CA under it, a leaf under each, and an unrelated CA nobody trusts.
 */
type Pki = Record<'ca' | 'intermediate' | 'leaf' | 'deepLeaf' | 'stranger', { key: string; cert: string }>;

function makePki(dir: string): Pki {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const caExt = join(dir, 'ca.ext');
  const leafExt = join(dir, 'leaf.ext');
  writeFileSync(caExt, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  writeFileSync(leafExt, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n');
  const root = (name: string, cn: string) =>
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '3650',
      '-subj',
      `/O=Vigil test/CN=${cn}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
  const issue = (name: string, cn: string, issuer: string, ext: string) => {
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/O=Vigil test/CN=${cn}`,
    );
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-set_serial',
      String(Math.floor(Math.random() * 1e9)),
      '-days',
      '365',
      '-out',
      `${name}.pem`,
      '-extfile',
      ext,
    );
  };
  root('ca', 'Vigil Test Alerting Root CA');
  root('stranger', 'Someone Else CA');
  issue('intermediate', 'Vigil Test Alerting Intermediate CA', 'ca', caExt);
  issue('leaf', 'Test County Emergency Management', 'ca', leafExt);
  issue('deepLeaf', 'Test City Emergency Management', 'intermediate', leafExt);
  const read = (name: string) => ({
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.pem`), 'utf8'),
  });
  return {
    ca: read('ca'),
    intermediate: read('intermediate'),
    leaf: read('leaf'),
    deepLeaf: read('deepLeaf'),
    stranger: read('stranger'),
  };
}

/** Signs a CAP alert the way alerting authorities do: enveloped, RSA-SHA256, the certificates in KeyInfo. */
function sign(xml: string, signer: { key: string; cert: string }, chain: string[] = []): string {
  const signed = new SignedXml({
    privateKey: signer.key,
    publicCert: signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    getKeyInfoContent: () => `<X509Data>${body([derOf(signer.cert), ...chain.map(derOf)])}</X509Data>`,
  });
  signed.addReference({
    xpath: '/*',
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    isEmptyUri: true,
  });
  signed.computeSignature(xml.replace(/^<\?xml[^>]*\?>\s*/, ''), {
    location: { reference: '/*', action: 'append' },
  });
  return signed.getSignedXml();
}

describe('XML-DSig signer trust', () => {
  let dir: string;
  let pki: Pki;
  let now: Date;
  let trustRoot: (at?: Date) => SignerTrust;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-pki-'));
    pki = makePki(dir);
    now = new Date();
    trustRoot = (at = now) => ({ anchors: readTrustedCertificates(pki.ca.cert), at });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('without a trust store a good signature stays `verified` and carries its certificates for later', () => {
    const verdict = verifyXmlSignatures(sign(specAlert, pki.leaf));
    assert.equal(verdict.status, 'verified');
    assert.equal(verdict.status === 'verified' && verdict.trustChecked, false);
    assert.deepEqual(
      verdict.status === 'verified' && verdict.signers?.[0]?.certificate,
      derOf(pki.leaf.cert),
    );
  });

  it('a certificate issued by a trusted CA is `trusted`, naming signer and anchor', () => {
    const verdict = verifyXmlSignatures(sign(specAlert, pki.leaf), trustRoot());
    assert.deepEqual(verdict, {
      status: 'trusted',
      keySource: 'x509-certificate',
      trustChecked: true,
      signer: 'O=Vigil test, CN=Test County Emergency Management',
      anchor: 'O=Vigil test, CN=Vigil Test Alerting Root CA',
    });
  });

  it('an intermediate carried in KeyInfo links the signer to the trusted root; without it, no trust', () => {
    const withChain = sign(specAlert, pki.deepLeaf, [pki.intermediate.cert]);
    assert.equal(verifyXmlSignatures(withChain, trustRoot()).status, 'trusted');
    const alone = verifyXmlSignatures(sign(specAlert, pki.deepLeaf), trustRoot());
    assert.equal(alone.status, 'untrusted-signer');
    assert.match(
      alone.status === 'untrusted-signer' ? alone.detail : '',
      /Test City Emergency Management \(issued by O=Vigil test, CN=Vigil Test Alerting Intermediate CA\) is neither/,
    );
  });

  it('a signer no trusted certificate vouches for is `untrusted-signer`, even though the signature holds', () => {
    const verdict = verifyXmlSignatures(sign(specAlert, pki.stranger), trustRoot());
    assert.equal(verdict.status, 'untrusted-signer');
    // A leaf is not a CA: trusting it does not make what it "issues" trusted.
    const leafOnly: SignerTrust = { anchors: readTrustedCertificates(pki.leaf.cert), at: now };
    assert.equal(verifyXmlSignatures(sign(specAlert, pki.deepLeaf), leafOnly).status, 'untrusted-signer');
  });

  it('validity dates are checked against the processing time passed in', () => {
    const later = new Date(now.getTime() + 400 * 86_400_000);
    const verdict = verifyXmlSignatures(sign(specAlert, pki.leaf), trustRoot(later));
    assert.equal(verdict.status, 'untrusted-signer');
    assert.match(verdict.status === 'untrusted-signer' ? verdict.detail : '', /is not valid at/);
    const before = new Date(now.getTime() - 2 * 86_400_000);
    assert.equal(
      verifyXmlSignatures(sign(specAlert, pki.leaf), trustRoot(before)).status,
      'untrusted-signer',
    );
  });

  it('the real IPAWS-OPEN certificate is trusted when it is itself in the store, and only while valid', () => {
    const store = (at: string): SignerTrust => ({ anchors: [ipawsCertificate()], at: new Date(at) });
    assert.equal(verifyXmlSignatures(ipaws, store('2020-06-01T00:00:00Z')).status, 'trusted');
    const expired = verifyXmlSignatures(ipaws, store('2026-06-01T00:00:00Z'));
    assert.equal(expired.status, 'untrusted-signer');
    assert.equal(verifyXmlSignatures(ipaws, trustRoot()).status, 'untrusted-signer');
  });

  it('a broken signature stays broken and an RSAKeyValue-only signature is never trusted', () => {
    const tampered = sign(specAlert, pki.leaf).replace('Homeland Security Advisory System Update', 'Changed');
    assert.equal(verifyXmlSignatures(tampered, trustRoot()).status, 'digest-mismatch');
    const bareKey = verifyXmlSignatures(
      fixture('real/google-cap-library/earthquake_signed.cap'),
      trustRoot(),
    );
    assert.equal(bareKey.status, 'untrusted-signer');
    assert.match(bareKey.status === 'untrusted-signer' ? bareKey.detail : '', /bare RSA key/);
    assert.deepEqual(verifyXmlSignatures(specAlert, trustRoot()), {
      status: 'absent',
    } satisfies SignatureVerdict);
  });

  it('a PEM bundle is read certificate by certificate; a file without one is refused', () => {
    const bundle = `# trusted alerting authorities\n${pki.ca.cert}\n${pki.intermediate.cert}`;
    assert.equal(readTrustedCertificates(bundle).length, 2);
    assert.throws(() => readTrustedCertificates('not a certificate'), /no PEM certificate/);
    assert.throws(
      () => readTrustedCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'),
      /certificate 1 of the bundle is unreadable/,
    );
  });
});
