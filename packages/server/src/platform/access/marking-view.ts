import { formatTlp, type Marking, type MarkingView } from '@vigil/core';

/**
 * A marking as every record's view shows it: the TLP label in words, caveats, owner, and who it
 * is shared with (people under TLP:RED, agencies otherwise).
 */
export function toMarkingView(marking: Marking): MarkingView {
  return {
    tlp: marking.tlp,
    label: formatTlp(marking.tlp),
    caveats: marking.caveats,
    ownerAgencyId: marking.ownerAgencyId,
    shareWith: marking.tlp === 'RED' ? marking.shareUserIds : marking.shareAgencyIds,
  };
}
