/** Limits on a CSV file from outside: past them the file is refused, never half-read. */
export const csvLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxFieldsPerRow: 64,
  maxFieldChars: 4096,
} as const;

export type CsvRow = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * RFC 4180 CSV: fields split by commas, quoted fields may hold commas, quotes ("" inside) and
 * line breaks; CRLF or LF; a leading byte-order mark is dropped. Each row carries the line it
 * starts on, so refusals can name it. Blank lines are skipped.
 */
export function* readCsvRows(text: string): Generator<CsvRow> {
  if (text.length > csvLimits.maxBytes)
    throw new CsvSyntaxError(1, `file larger than ${csvLimits.maxBytes} bytes`);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(startLine, 'a quoted field is not closed');
          const quote = text.indexOf('"', i);
          if (quote < 0) throw new CsvSyntaxError(startLine, 'a quoted field is not closed');
          const chunk = text.slice(i, quote);
          for (let c = chunk.indexOf('\n'); c >= 0; c = chunk.indexOf('\n', c + 1)) line++;
          value += chunk;
          i = quote + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvSyntaxError(line, 'text after a closing quote');
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        value = text.slice(i, j);
        if (value.includes('"')) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        i = j;
      }
      if (value.length > csvLimits.maxFieldChars) {
        throw new CsvSyntaxError(startLine, `a field longer than ${csvLimits.maxFieldChars} characters`);
      }
      fields.push(value);
      if (fields.length > csvLimits.maxFieldsPerRow) {
        throw new CsvSyntaxError(startLine, `more than ${csvLimits.maxFieldsPerRow} fields`);
      }
      if (i >= n) endOfRow = true;
      else if (text[i] === ',') i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        endOfRow = true;
      }
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}

/** Neutralizes spreadsheet formulas and quotes what needs quoting, for files we write. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
