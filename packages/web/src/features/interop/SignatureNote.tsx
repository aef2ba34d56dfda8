import type { SignatureVerdict } from '@vigil/core/standards/xml';

/**
 * What Vigil can honestly say about an XML-DSig signature. "Verified" means the digest and the
 * signature value check out with the key the message carries; whose key that is (the certificate's
 * chain of trust) is not checked, and the note says so every time.
 */
export function signatureText(signature: SignatureVerdict | { status: SignatureVerdict['status'] }): string {
  switch (signature.status) {
    case 'absent':
      return 'Not signed.';
    case 'verified':
      return 'Signature verified: the signed content and the signature value match the key in the message. The certificate’s chain of trust was not checked.';
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
