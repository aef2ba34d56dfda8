/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab
 * or carriage return, per OWASP's CSV injection advice) gets a leading `'`, so the cell
 * shows as text. Numbers are written as numbers: a negative change stays a number.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export type CsvCell = string | number | null;

/** RFC 4180 CSV with CRLF line ends; `null` is an empty cell, non-finite numbers are refused. */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) =>
    cells
      .map((cell) => {
        if (cell === null) return '';
        if (typeof cell === 'number') {
          if (!Number.isFinite(cell)) throw new Error(`a CSV cell is not a finite number: ${cell}`);
          return String(cell);
        }
        return quote(neutralizeFormula(cell));
      })
      .join(',');
  return `${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
