import type { SignatureVerdict } from '@vigil/core/standards/xml';

/**
 * What Vigil can honestly say about an XML-DSig signature. "Verified" means the digest and the
 * signature value check out with the key the message carries; whose key that is depends on the
 * server's trust store (`VIGIL_CAP_TRUSTED_CERTS`): without one it is not checked and the note
 * says so, with one the signer is named as trusted or not.
 */
export function signatureText(signature: SignatureVerdict | { status: SignatureVerdict['status'] }): string {
  switch (signature.status) {
    case 'absent':
      return 'Not signed.';
    case 'verified':
      return 'Signature verified: the signed content and the signature value match the key in the message. Whose key it is was not checked (no trust store is configured).';
    case 'trusted':
      return 'signer' in signature
        ? `Signature verified and the signer is trusted: ${signature.signer}${signature.anchor === signature.signer ? ' is a trusted certificate.' : `, issued under the trusted certificate ${signature.anchor}.`}`
        : 'Signature verified and the signer is trusted.';
    case 'untrusted-signer':
      return `Signature verified, but the signer is not trusted${'detail' in signature ? ` (${signature.detail})` : ''}. The content is intact; who signed it is unknown to this Vigil.`;
    case 'digest-mismatch':
      return 'Signature broken: the signed content was changed after signing.';
    case 'signature-mismatch':
      return 'Signature broken: the signature value does not fit the key in the message.';
    case 'not-verified':
      return `Signature not verified${'detail' in signature ? ` (${signature.detail})` : ''}. Do not read this as valid.`;
  }
}

/** Short words for a table cell; the full sentence is in the cell's title and the verdict. */
export const signatureShort: Record<SignatureVerdict['status'], string> = {
  absent: 'unsigned',
  verified: 'verified (key only)',
  trusted: 'trusted signer',
  'untrusted-signer': 'untrusted signer',
  'digest-mismatch': 'broken',
  'signature-mismatch': 'broken',
  'not-verified': 'not verified',
};

export function SignatureNote(props: { signature: SignatureVerdict }) {
  const bad = props.signature.status === 'digest-mismatch' || props.signature.status === 'signature-mismatch';
  return (
    <p className={`signature-note signature-${props.signature.status}${bad ? ' problem' : ''}`}>
      <strong>Signature:</strong> {signatureText(props.signature)}
    </p>
  );
}
