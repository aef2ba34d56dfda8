import { readFileSync } from 'node:fs';
import type { CapVerdict } from '@vigil/core/standards/cap';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

/** libxml2 (WebAssembly) takes a while to load: only the cap commands pay for it. */
const loadCap = () => import('@vigil/core/standards/cap');

/** `vigil cap validate <file…>` and `vigil cap normalize <file>`: no database, no server. */
export function registerCap(program: Command): void {
  const cap = program
    .command('cap')
    .description('OASIS CAP 1.2 alerts (CAP 1.1, <alerts> batches and EDXL-DE envelopes are read too)');

  cap
    .command('validate')
    .description(
      'one line per alert: OK, or each error with its path; exit 1 if any alert is invalid, 2 if a file is refused',
    )
    .argument('<file...>', 'CAP files')
    .option('--lenient', 'date-times with Z or fractions are warnings, not errors')
    .option('--ipaws', 'also apply the CAP v1.2 USA IPAWS profile')
    .option(
      '--trusted-certs <pem>',
      'PEM bundle of trusted signers: a verified signature then reads trusted or untrusted-signer (default: VIGIL_CAP_TRUSTED_CERTS)',
    )
    .action(
      async (files: string[], options: { lenient?: boolean; ipaws?: boolean; trustedCerts?: string }) => {
        // Many files are read and checked by worker threads; a few in this thread (see validateCapFiles).
        const { judgeCapSigners, loadCapTrustStore, validateCapFiles } = await import(
          '@vigil/server/interop/validate-cap-files'
        );
        let trust: ReturnType<typeof loadCapTrustStore>;
        try {
          trust = loadCapTrustStore(options.trustedCerts ?? process.env.VIGIL_CAP_TRUSTED_CERTS ?? null);
        } catch (error) {
          throw new CliError((error as Error).message, 2);
        }
        // Signers are judged as of now, as the server judges them when an alert arrives.
        const now = new Date();
        let invalid = 0;
        let refused = 0;
        let out = '';
        const flush = () => {
          process.stdout.write(out);
          out = '';
        };
        await validateCapFiles(
          files,
          { strict: !options.lenient, ipaws: Boolean(options.ipaws) },
          (result) => {
            if ('unreadable' in result) {
              flush();
              throw new CliError(`${result.file}: ${result.unreadable}`);
            }
            if ('refused' in result) {
              refused += 1;
              out += `${result.file}: REFUSED ${result.refused}\n`;
            } else {
              const verdicts = trust ? judgeCapSigners(result.verdicts, trust, now) : result.verdicts;
              for (const verdict of verdicts) {
                const where = verdicts.length > 1 ? `${result.file}#${verdict.location}` : result.file;
                const signature =
                  verdict.signature.status === 'absent' ? '' : ` [signature ${verdict.signature.status}]`;
                if (verdict.valid) {
                  out += `${where}: OK ${verdict.identifier}${signature}\n`;
                } else {
                  invalid += 1;
                  const errors = verdict.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ');
                  out += `${where}: INVALID ${verdict.identifier}${signature} ${errors}\n`;
                }
              }
            }
            // Lines leave in blocks: one write per alert would cost more than checking it.
            if (out.length > 64 * 1024) flush();
          },
        );
        flush();
        if (refused) throw new CliError(`${refused} file(s) refused`, 2);
        if (invalid) throw new CliError(`${invalid} invalid alert(s)`, 1);
      },
    );

  cap
    .command('normalize')
    .description('print the alert as canonical CAP 1.2 XML (refused when invalid)')
    .argument('<file>', 'a CAP file')
    .action(async (file: string) => {
      const { checkCapDocument, emitCapAlert } = await loadCap();
      let verdicts: CapVerdict[];
      try {
        verdicts = checkCapDocument(readInput(file), { strict: false });
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      const bad = verdicts.find((v) => !v.valid);
      if (bad)
        throw new CliError(`${file}: ${bad.errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; ')}`);
      for (const verdict of verdicts) process.stdout.write(emitCapAlert(verdict.alert));
    });
}
