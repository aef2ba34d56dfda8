import type { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  judgeSignerTrust,
  readTrustedCertificates,
  withoutSignerCertificates,
} from '@vigil/core/standards/signer-trust';
import type { SignatureVerdict } from '@vigil/core/standards/xml';

/** The certificates an admin trusts to sign CAP alerts; null when none are configured. */
export type CapTrustStore = readonly X509Certificate[] | null;

/**
 * Reads the PEM bundle named by `VIGIL_CAP_TRUSTED_CERTS` once, at start. A missing or unreadable
 * file stops the start with the variable named: a trust store that silently fell back to "no
 * trust store" would turn every `untrusted-signer` into a quieter `verified`.
 */
export function loadCapTrustStore(path: string | null): CapTrustStore {
  if (!path) return null;
  try {
    return readTrustedCertificates(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`configuration: VIGIL_CAP_TRUSTED_CERTS: ${path}: ${(error as Error).message}`);
  }
}

/**
 * Judges the signers of verdicts the standards worker returned (the worker verifies digests and
 * signature values; which signers are trusted is this server's setting, so it is applied here),
 * at the time the alerts are processed. Only verified signatures cost anything.
 */
export function judgeCapSigners<T extends { signature: SignatureVerdict }>(
  verdicts: T[],
  store: CapTrustStore,
  at: Date,
): T[] {
  return verdicts.map((verdict) =>
    verdict.signature.status !== 'verified'
      ? verdict
      : {
          ...verdict,
          signature: store
            ? judgeSignerTrust(verdict.signature, { anchors: store, at })
            : withoutSignerCertificates(verdict.signature),
        },
  );
}
