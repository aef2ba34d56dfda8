import { type FormDocument, isFormTable } from './ics-forms.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value comes from users: escaped, never trusted as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] as string);
}

const multiline = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/**
 * A print-ready page: the FEMA block numbers and labels, the TLP label at top and bottom
 * in the standard's colours, A4/Letter margins. Styles are inline so the page prints alike
 * when saved to disk or mailed.
 */
export function renderFormHtml(doc: FormDocument): string {
  const body = doc.sections
    .map((section) => {
      const title = `<h2><span class="block">${escapeHtml(section.block)}.</span> ${escapeHtml(section.label)}</h2>`;
      if (!isFormTable(section))
        return `<section>${title}<p>${multiline(section.value) || '&nbsp;'}</p></section>`;
      const head = section.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
      const rows = section.rows.length
        ? section.rows
            .map((row) => `<tr>${row.map((cell) => `<td>${multiline(cell)}</td>`).join('')}</tr>`)
            .join('')
        : `<tr><td colspan="${section.columns.length}">&nbsp;</td></tr>`;
      return `<section>${title}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
  const marking = `<p class="tlp">${escapeHtml(doc.marking)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`${doc.form} ${doc.title}`)}</title>
<style>
@page { margin: 12mm; }
body { font: 11pt/1.35 system-ui, sans-serif; color: #000; margin: 0 auto; max-width: 190mm; }
.tlp { background: #000; color: ${doc.marking.includes('RED') ? '#FF2B2B' : doc.marking.includes('AMBER') ? '#FFC000' : doc.marking.includes('GREEN') ? '#33FF00' : '#FFFFFF'}; font-weight: 700; padding: 2px 6px; display: inline-block; }
h1 { font-size: 15pt; margin: 6px 0; border-bottom: 2px solid #000; }
h2 { font-size: 10pt; margin: 8px 0 2px; }
.block { font-weight: 700; }
section { border: 1px solid #000; padding: 4px 6px; margin: -1px 0 0; break-inside: avoid; }
p { margin: 0; min-height: 1.2em; white-space: normal; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { border: 1px solid #555; padding: 2px 4px; text-align: left; vertical-align: top; }
</style></head>
<body>
${marking}
<h1>${escapeHtml(doc.form)} — ${escapeHtml(doc.title)}</h1>
${body}
${marking}
</body></html>
`;
}
