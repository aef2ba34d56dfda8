import { formatTlp } from '../access/index.ts';
import type { Resource } from '../resources/resource.ts';
import type { ResourceRequest } from '../resources/resource-request.ts';
import type { Incident } from './incident.ts';
import type { IcsPosition, IncidentItem } from './incident-items.ts';

export type FormField = { block: string; label: string; value: string };
export type FormTable = { block: string; label: string; columns: string[]; rows: string[][] };
export type FormSection = FormField | FormTable;

/** One printable form: the same model feeds the HTML page and the PDF, so both say the same. */
export type FormDocument = {
  form: string;
  title: string;
  /** TLP label printed at the top and bottom of every page. */
  marking: string;
  sections: FormSection[];
};

/** Everything a form may draw on, already filtered to what the reader may see. */
export type IncidentFile = {
  incident: Incident;
  items: IncidentItem[];
  requests: ResourceRequest[];
  resources: Resource[];
  agencyNames: Record<string, string>;
  /** Home agency of each user who holds or held an ICS position, for positions recorded without one. */
  userAgencyIds: Record<string, string>;
  preparedBy: { name: string; position: string; agencyId: string };
  generatedAt: string;
};

export function isFormTable(section: FormSection): section is FormTable {
  return 'rows' in section;
}

export const of = <C extends IncidentItem['collection']>(file: IncidentFile, collection: C) =>
  file.items.filter((item): item is IncidentItem<C> => item.collection === collection);

export function periodText(file: IncidentFile, periodId: string | null | undefined): string {
  const period = of(file, 'periods').find((item) => item.id === periodId);
  return period
    ? `${period.body.startsAt} – ${period.body.endsAt} (Operational Period ${period.number})`
    : '';
}

export function header(file: IncidentFile, periodId?: string | null): FormField[] {
  return [
    { block: '1', label: 'Incident Name', value: file.incident.name },
    { block: '2', label: 'Operational Period (Date/Time From – To)', value: periodText(file, periodId) },
  ];
}

export function preparedBy(file: IncidentFile, block: string): FormField {
  const { name, position } = file.preparedBy;
  return {
    block,
    label: 'Prepared by (Name, Position/Title, Date/Time)',
    value: `${name}, ${position}, ${file.generatedAt}`,
  };
}

export function currentPositions(file: IncidentFile): IncidentItem<'positions'>[] {
  return of(file, 'positions').filter((item) => item.body.relievedAt === null);
}

export function positionHolder(file: IncidentFile, position: IcsPosition): string {
  return currentPositions(file)
    .filter((item) => item.body.position === position)
    .map((item) => item.body.personName)
    .join('; ');
}

/**
 * The holders of a position, each with their own agency (ICS 209 block 4): under unified command
 * the commanders come from several agencies, none of them necessarily the incident's owner.
 */
export function positionHolderWithAgency(file: IncidentFile, position: IcsPosition): string {
  return currentPositions(file)
    .filter((item) => item.body.position === position)
    .map((item) => {
      const agencyId =
        item.body.agencyId ?? (item.body.userId ? file.userAgencyIds[item.body.userId] : undefined);
      const agency = agencyId ? (file.agencyNames[agencyId] ?? agencyId) : '';
      return agency ? `${item.body.personName} — ${agency}` : item.body.personName;
    })
    .join('; ');
}

export function resourceName(file: IncidentFile, id: string): string {
  return file.resources.find((resource) => resource.id === id)?.name ?? id;
}

export function latestPeriod(file: IncidentFile): IncidentItem<'periods'> | undefined {
  return of(file, 'periods').at(-1);
}

export function withMarking(
  file: IncidentFile,
  form: string,
  title: string,
  sections: FormSection[],
): FormDocument {
  return { form, title, marking: formatTlp(file.incident.marking.tlp), sections };
}
