import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

/** `vigil edxl unwrap <file>`: the envelope header, then each payload with its verdict. */
export function registerEdxl(program: Command): void {
  program
    .command('edxl')
    .description('OASIS EDXL-DE distribution envelopes and EDXL-RM resource messages')
    .command('unwrap')
    .description(
      'print the routing header and what each content object carries (CAP verdicts, EDXL-RM requests); --json for the whole; exit 1 if the envelope or a CAP payload is invalid',
    )
    .argument('<file>', 'an EDXL-DE 1.0 or 2.0 XML file')
    .option('--json', 'print JSON instead of lines')
    .action(async (file: string, options: { json?: boolean }) => {
      // Loaded here: these modules bring libxml2 (WebAssembly), which other commands never need.
      const { checkCapDocument } = await import('@vigil/core/standards/cap');
      const { readEdxlDistribution, readResourceMessage } = await import('@vigil/core/standards/edxl');
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      let de: ReturnType<typeof readEdxlDistribution>;
      try {
        de = readEdxlDistribution(bytes);
      } catch (error) {
        // A refused document names the file the user gave, not the API's `body` field.
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      const payloads = de.payloads.map((p) => ({
        ...p,
        cap:
          p.kind === 'cap' && p.xml
            ? checkCapDocument(p.xml).map((v) => ({
                valid: v.valid,
                identifier: v.identifier,
                errors: v.errors,
              }))
            : null,
        resourceRequest: p.kind === 'edxl-rm' && p.xml ? readResourceMessage(p.xml).request : null,
      }));
      const invalid =
        (de.errors.length ? 1 : 0) +
        payloads.reduce((n, p) => n + (p.cap?.filter((v) => !v.valid).length ?? 0), 0);
      const done = () => {
        if (invalid) throw new CliError(`${invalid} invalid part(s) (envelope or CAP payloads)`, 1);
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...de, payloads }, null, 2)}\n`);
        return done();
      }
      process.stdout.write(
        `EDXL-DE ${de.version} ${de.distributionID} from ${de.senderID} at ${de.dateTimeSent} (${de.distributionStatus} ${de.distributionType})${de.errors.length ? ` ENVELOPE INVALID: ${de.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` : ''}\n`,
      );
      for (const p of payloads) {
        const verdict = p.cap
          ?.map((v) =>
            v.valid
              ? `OK ${v.identifier}`
              : `INVALID ${v.identifier} ${v.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ')}`,
          )
          .join(' | ');
        const rm = p.resourceRequest
          ? `${p.resourceRequest.messageType} ${p.resourceRequest.messageID} (${p.resourceRequest.items.length} resource lines)`
          : '';
        process.stdout.write(
          `  [${p.index}] ${p.kind}${p.description ? ` "${p.description}"` : ''} ${verdict ?? rm}\n`,
        );
      }
      done();
    });
}
