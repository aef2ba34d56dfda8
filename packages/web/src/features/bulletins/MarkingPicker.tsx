import { type Caveat, caveats, type MarkingInput, type TlpLabel, tlpLabels } from '@vigil/core/access';
import { useState } from 'react';
import { TlpBadge } from '../../ui/marking-banner.tsx';
import { useDirectory } from './use-directory.ts';

/** What each label means, in TLP 2.0's words, so the author picks knowingly. */
const meaning: Record<TlpLabel, string> = {
  CLEAR: 'No limit on disclosure: every user, and the public.',
  GREEN: 'The community: every agency on Vigil, or only those you list.',
  AMBER: 'Your agency and the agencies you list, with their sub-agencies, on a need-to-know basis.',
  'AMBER+STRICT': 'Your agency and the agencies you list only; not their sub-agencies.',
  RED: 'Only the people you name.',
};

const caveatMeaning: Record<Caveat, string> = {
  LES: 'Law enforcement sensitive: readers need the law-enforcement attribute.',
  PII: 'Personal information: readers need the pii-access attribute; reads are journaled.',
  PCII: 'Protected critical infrastructure information: readers need the pcii-access attribute.',
};

export function MarkingPicker(props: {
  value: MarkingInput;
  onChange(value: MarkingInput): void;
  ownAgencyId: string;
}) {
  const directory = useDirectory();
  const [filter, setFilter] = useState('');
  const { value } = props;
  const red = value.tlp === 'RED';
  const share = value.shareWith ?? [];
  const candidates = red
    ? directory.users.filter((u) => u.active).map((u) => ({ id: u.id, name: directory.userName(u.id) }))
    : directory.agencies
        .filter((a) => a.active && a.id !== props.ownAgencyId)
        .map((a) => ({ id: a.id, name: a.name }));
  const shown = candidates.filter((c) => c.name.toLowerCase().includes(filter.trim().toLowerCase()));

  const setTlp = (tlp: TlpLabel) => {
    // Switching to or from RED changes what the share list holds (people, not agencies).
    const keep = (tlp === 'RED') === red;
    props.onChange({ ...value, tlp, ...(keep ? {} : { shareWith: [] }) });
  };
  const toggleShare = (id: string, on: boolean) =>
    props.onChange({ ...value, shareWith: on ? [...share, id] : share.filter((s) => s !== id) });
  const toggleCaveat = (caveat: Caveat, on: boolean) => {
    const current = value.caveats ?? [];
    props.onChange({ ...value, caveats: on ? [...current, caveat] : current.filter((c) => c !== caveat) });
  };

  return (
    <div className="marking-picker">
      <fieldset>
        <legend>Marking (TLP 2.0)</legend>
        {tlpLabels.map((tlp) => (
          <div key={tlp} className="choice">
            <input
              id={`tlp-${tlp}`}
              type="radio"
              name="tlp"
              checked={value.tlp === tlp}
              onChange={() => setTlp(tlp)}
            />
            <label htmlFor={`tlp-${tlp}`}>
              <TlpBadge tlp={tlp} /> <span className="muted">{meaning[tlp]}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Caveats</legend>
        {caveats.map((caveat) => (
          <div key={caveat} className="choice">
            <input
              id={`caveat-${caveat}`}
              type="checkbox"
              checked={value.caveats?.includes(caveat) ?? false}
              onChange={(e) => toggleCaveat(caveat, e.target.checked)}
            />
            <label htmlFor={`caveat-${caveat}`}>
              {caveat} <span className="muted">{caveatMeaning[caveat]}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {value.tlp !== 'CLEAR' ? (
        <fieldset className="share-list">
          <legend>{red ? 'Share with these people' : 'Share with these agencies'}</legend>
          <label className="grow">
            Find
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <ul>
            {shown.map((candidate) => (
              <li key={candidate.id}>
                <input
                  id={`share-${candidate.id}`}
                  type="checkbox"
                  checked={share.includes(candidate.id)}
                  onChange={(e) => toggleShare(candidate.id, e.target.checked)}
                />
                <label htmlFor={`share-${candidate.id}`}>{candidate.name}</label>
              </li>
            ))}
          </ul>
          <p className="muted">{share.length} selected</p>
        </fieldset>
      ) : null}
    </div>
  );
}
