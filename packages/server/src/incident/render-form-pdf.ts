import { type FormDocument, isFormTable } from '@vigil/core';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

const pageSize: [number, number] = [612, 792]; // US Letter, as FEMA prints the ICS forms
const margin = 40;
const width = pageSize[0] - 2 * margin;

/** The standard fonts speak WinAnsi only: anything else prints as `?` rather than failing the form. */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.replace(/\t/g, ' ')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

const tlpColour = (label: string) =>
  label.includes('RED')
    ? rgb(1, 0.17, 0.17)
    : label.includes('AMBER')
      ? rgb(1, 0.75, 0)
      : label.includes('GREEN')
        ? rgb(0.2, 1, 0)
        : rgb(1, 1, 1);

/** The same model as the HTML page, laid out on Letter pages with the TLP label on each. */
export async function renderFormPdf(doc: FormDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${doc.form} ${doc.title}`);
  pdf.setCreator('Vigil');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(pageSize);
  let y = 0;
  const marking = (target: PDFPage, at: number) => {
    const w = bold.widthOfTextAtSize(doc.marking, 9) + 8;
    target.drawRectangle({ x: margin, y: at - 3, width: w, height: 13, color: rgb(0, 0, 0) });
    target.drawText(doc.marking, {
      x: margin + 4,
      y: at,
      size: 9,
      font: bold,
      color: tlpColour(doc.marking),
    });
  };
  const newPage = () => {
    page = pdf.addPage(pageSize);
    marking(page, pageSize[1] - margin + 10);
    marking(page, margin - 25);
    y = pageSize[1] - margin - 12;
  };
  marking(page, pageSize[1] - margin + 10);
  marking(page, margin - 25);
  y = pageSize[1] - margin - 12;
  const line = (text: string, font: PDFFont, size: number, indent = 0) => {
    if (y < margin + 10) newPage();
    page.drawText(text, { x: margin + indent, y, size, font });
    y -= size + 3;
  };
  line(`${doc.form} - ${doc.title}`, bold, 14);
  y -= 4;
  for (const section of doc.sections) {
    line(`${section.block}. ${printable(bold, section.label)}`, bold, 9.5);
    if (!isFormTable(section)) {
      for (const text of wrap(regular, 9.5, section.value || ' ', width - 8)) line(text, regular, 9.5, 8);
    } else {
      const columnWidth = (width - 8) / section.columns.length;
      const row = (cells: string[], font: PDFFont) => {
        const wrapped = cells.map((cell) => wrap(font, 8, cell, columnWidth - 4));
        const height = Math.max(1, ...wrapped.map((lines) => lines.length));
        for (let i = 0; i < height; i++) {
          if (y < margin + 10) newPage();
          wrapped.forEach((lines, c) => {
            const text = lines[i];
            if (text) page.drawText(text, { x: margin + 8 + c * columnWidth, y, size: 8, font });
          });
          y -= 10;
        }
      };
      row(section.columns, bold);
      for (const cells of section.rows) row(cells, regular);
    }
    y -= 5;
  }
  return pdf.save();
}
