import { DomainError } from '../errors/index.ts';

/** Limits for CSV from outside: a national NRI county table is about 25 MB, 3,300 rows, 470 columns. */
export type CsvLimits = { maxBytes: number; maxRows: number; maxColumns: number; maxFieldLength: number };

export const defaultCsvLimits: CsvLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 2_000,
  maxFieldLength: 100_000,
};

export type CsvTable = {
  header: string[];
  /** Data records; `lines[i]` is the file line record `i` starts on (the header is line 1). */
  rows: string[][];
  lines: number[];
};

function refuse(message: string, field = 'csv'): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF line ends, a leading UTF-8 BOM ignored. Every value stays text (FIPS codes
 * such as `51001` keep their digits); the caller decides what is a number. Each record
 * must have as many fields as the header, so a shifted row is caught where it happens.
 */
export function parseCsv(text: string, limits: Partial<CsvLimits> = {}): CsvTable {
  const limit = { ...defaultCsvLimits, ...limits };
  // UTF-16 length is at most the UTF-8 byte length for this purpose: a cheap, safe bound.
  if (text.length > limit.maxBytes) refuse(`the file is larger than ${limit.maxBytes} bytes`);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = source.length;

  const endField = () => {
    if (field.length > limit.maxFieldLength) {
      refuse(`line ${recordLine}: a field is longer than ${limit.maxFieldLength} characters`);
    }
    record.push(field);
    if (record.length > limit.maxColumns) refuse(`line ${recordLine}: more than ${limit.maxColumns} columns`);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty unquoted field) is skipped rather than read as a record.
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
      lines.push(recordLine);
      if (records.length > limit.maxRows + 1) refuse(`more than ${limit.maxRows} data rows`);
    }
    record = [];
  };

  while (i < n) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field.length > 0 || fieldWasQuoted) refuse(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      fieldWasQuoted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      if (fieldWasQuoted) refuse(`line ${line}: text after a closing quote`);
      field += c;
      i += 1;
    }
  }
  if (quoted) refuse(`line ${recordLine}: a quoted field is never closed`);
  if (field.length > 0 || record.length > 0 || fieldWasQuoted) endRecord();

  const [header, ...rows] = records;
  if (!header) refuse('the file is empty: no header row');
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) refuse(`the header names column ${name} twice`, name);
    seen.add(name);
  }
  rows.forEach((row, index) => {
    if (row.length !== names.length) {
      refuse(
        `line ${lines[index + 1]}: ${row.length} fields where the header has ${names.length}`,
        `line ${lines[index + 1]}`,
      );
    }
  });
  return { header: names, rows, lines: lines.slice(1) };
}
