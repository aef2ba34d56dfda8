import { formatTlp, type TlpLabel, tlpColours } from '@vigil/core/access';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/** `TLP:AMBER+STRICT` in the standard's colour on black, as analysts expect it. */
export function TlpBadge(props: { tlp: TlpLabel; caveats?: readonly string[] }) {
  return (
    <span className="tlp-badge" style={{ color: tlpColours[props.tlp] }} data-tlp={props.tlp}>
      {formatTlp(props.tlp)}
      {props.caveats?.length ? <span className="tlp-caveats"> · {props.caveats.join(' · ')}</span> : null}
    </span>
  );
}

const BannerContext = createContext<(label: TlpLabel | null) => void>(() => {});

/** Pages that show marked content declare its (most restrictive) label; the layout shows it on top. */
export function useMarkingBanner(label: TlpLabel | null): void {
  const set = useContext(BannerContext);
  useEffect(() => {
    set(label);
    return () => set(null);
  }, [label, set]);
}

export function MarkingBannerProvider(props: { children: (label: TlpLabel | null) => ReactNode }) {
  const [label, setLabel] = useState<TlpLabel | null>(null);
  return <BannerContext.Provider value={setLabel}>{props.children(label)}</BannerContext.Provider>;
}

export function MarkingBanner(props: { tlp: TlpLabel }) {
  return (
    <div className="marking-banner" role="note" aria-label={`Marking of this page: ${formatTlp(props.tlp)}`}>
      <TlpBadge tlp={props.tlp} />
    </div>
  );
}
