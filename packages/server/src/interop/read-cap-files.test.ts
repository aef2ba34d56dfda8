import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCapDocument, emitCapAlert } from '@vigil/core/standards/cap';
import { defaultInputLimits } from '@vigil/core/standards/xml';
import { readCapFiles } from './read-cap-files.ts';

const specA1 = new URL(
  '../../../core/src/standards/fixtures/cap/spec-examples/cap12-appendix-A1.xml',
  import.meta.url,
);
const dir = mkdtempSync(join(tmpdir(), 'vigil-read-cap-files-'));
const check = { strict: true, ipaws: false };

describe('readCapFiles (the worker side of vigil cap validate)', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file larger than its first buffer whole, and a small one after it with nothing left over', () => {
    const alert = checkCapDocument(readFileSync(specA1))[0]?.alert;
    assert.ok(alert);
    const info = alert.info[0];
    assert.ok(info);
    // About 200 KiB: the reused 64 KiB buffer has to grow twice, and the alert must arrive intact.
    const long = { ...alert, identifier: 'LONG', info: [{ ...info, description: 'x'.repeat(200_000) }] };
    const big = join(dir, 'big.xml');
    const small = join(dir, 'small.xml');
    writeFileSync(big, emitCapAlert(long));
    writeFileSync(small, emitCapAlert({ ...alert, identifier: 'SMALL' }));
    const [first, second] = readCapFiles([big, small], check);
    assert.ok(first && 'verdicts' in first, JSON.stringify(first));
    assert.equal(first.verdicts[0]?.identifier, 'LONG');
    assert.ok(first.verdicts[0]?.valid, JSON.stringify(first.verdicts[0]?.errors));
    assert.ok(second && 'verdicts' in second, JSON.stringify(second));
    assert.equal(second.verdicts[0]?.identifier, 'SMALL');
    assert.ok(second.verdicts[0]?.valid, JSON.stringify(second.verdicts[0]?.errors));
  });

  it('refuses a file over the size limit as too large, and names a missing one', () => {
    const huge = join(dir, 'huge.xml');
    writeFileSync(huge, `<alert>${' '.repeat(defaultInputLimits.maxBytes)}</alert>`);
    const [tooLarge, missing] = readCapFiles([huge, join(dir, 'absent.xml')], check);
    assert.ok(tooLarge && 'refused' in tooLarge, JSON.stringify(tooLarge));
    assert.match(tooLarge.refused, /^too-large: /);
    assert.deepEqual(missing, { file: join(dir, 'absent.xml'), unreadable: 'no such file' });
  });
});
