import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkCapDocument, emitCapAlert } from '@vigil/core/standards/cap';
import { tlp2MarkingIds } from '@vigil/core/standards/stix';
import {
  addAgency,
  addUser,
  createCollection,
  loadConfig,
  openVigilDeps,
  viewerForUser,
} from '@vigil/server';
import { repoRoot, runVigil } from '../testing/run-vigil.ts';

/*
 * `vigil cap|edxl|stix …` run as a user runs them, in child processes (ten of them: each
 * costs a second or two of start-up and libxml2 loading), on one SQLite file for the STIX part.
 */

const fixtures = join(repoRoot, 'packages', 'core', 'src', 'standards', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'vigil-interop-cli-'));
const database = `sqlite:${join(dir, 'vigil.db')}`;

const vigil = (args: string[]) => runVigil(args, { VIGIL_DATABASE_URL: database });

const specA1 = join(fixtures, 'cap', 'spec-examples', 'cap12-appendix-A1.xml');
const specA3 = join(fixtures, 'cap', 'spec-examples', 'cap12-appendix-A3.xml');
const xee = join(fixtures, 'cap', 'real', 'google-cap-library', 'xee.cap');
const bushfireInvalid = join(
  fixtures,
  'edxl-de',
  'v1.0',
  'google-cap-library',
  'bushfire_invalid.edxlde.xml',
);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function indicator(i: number, label: keyof typeof tlp2MarkingIds, extra: Record<string, unknown> = {}) {
  const t = '2026-09-20T10:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--0d5c7a9b-3d1f-4b6e-8a2c-9f7e5d3b1a${String(i).padStart(2, '0')}`,
    created: t,
    modified: t,
    name: `CLI indicator ${i} (${label})`,
    indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '198.51.100.${i}']`,
    pattern_type: 'stix',
    valid_from: t,
    object_marking_refs: [tlp2MarkingIds[label]],
    ...extra,
  };
}

describe('vigil cap, edxl and stix', () => {
  before(async () => {
    // The cast, in this process: a fusion center owning a collection that State Police may read.
    const { deps, close } = await openVigilDeps(
      loadConfig({ VIGIL_DATABASE_URL: database, VIGIL_LOG_LEVEL: 'silent' }),
    );
    try {
      const fusion = await addAgency(deps, null, { name: 'Fusion Center', kind: 'state' });
      const police = await addAgency(deps, null, { name: 'State Police', kind: 'state' });
      const county = await addAgency(deps, null, { name: 'County', kind: 'local' });
      const password = 'correct horse battery staple';
      await addUser(deps, null, {
        email: 'analyst@cli.example',
        password,
        agencyId: fusion.id,
        roles: ['admin', 'analyst'],
      });
      await addUser(deps, null, {
        email: 'trooper@cli.example',
        password,
        agencyId: police.id,
        roles: ['analyst'],
      });
      await addUser(deps, null, {
        email: 'county@cli.example',
        password,
        agencyId: county.id,
        roles: ['operations'],
      });
      await createCollection(deps, await viewerForUser(deps, 'analyst@cli.example'), {
        title: 'CLI sharing',
        description: '',
        alias: 'cli-sharing',
        defaultTlp: 'AMBER',
        access: [{ agencyId: police.id, canRead: true, canWrite: false }],
      });
    } finally {
      await close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('cap validate: one OK line per valid alert, exit 0', async () => {
    const run = await vigil(['cap', 'validate', specA1, specA3]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      `${specA1}: OK 43b080713727`,
      `${specA3}: OK TRI13970876.2`,
    ]);
  });

  it('cap validate: an invalid alert names each error by path and exits 1; the valid one still says OK', async () => {
    const broken = write(
      'broken.xml',
      readFileSync(specA1, 'utf8')
        .replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>')
        .replace('2003-04-02T14:39:01-05:00', '2003-04-02T19:39:01Z'),
    );
    const run = await vigil(['cap', 'validate', specA1, broken]);
    assert.equal(run.code, 1);
    const [ok, bad, ...rest] = run.stdout.trimEnd().split('\n');
    assert.deepEqual(rest, []);
    assert.equal(ok, `${specA1}: OK 43b080713727`);
    assert.match(bad ?? '', new RegExp(`^${broken}: INVALID 43b080713727 `));
    assert.match(bad ?? '', /info\.urgency: Element 'urgency'.*'Soon'/);
    assert.match(bad ?? '', /sent: 2003-04-02T19:39:01Z is not a CAP date-time/);
    assert.equal(run.stderr, 'vigil: 1 invalid alert(s)\n');
  });

  it('cap validate over many files (worker threads): one line per file, in the order given', async () => {
    const alert = checkCapDocument(readFileSync(specA1))[0]?.alert;
    assert.ok(alert);
    const files = Array.from({ length: 150 }, (_, i) =>
      write(`many-${i}.xml`, emitCapAlert({ ...alert, identifier: `MANY-${i}` })),
    );
    // One bad alert in the middle: its line keeps its place, the exit code says so.
    files[77] = write('many-77.xml', readFileSync(files[77] as string, 'utf8').replace('Immediate', 'Soon'));
    const run = await vigil(['cap', 'validate', ...files]);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 150);
    lines.forEach((line, i) => {
      const expected = i === 77 ? `${files[i]}: INVALID MANY-77 ` : `${files[i]}: OK MANY-${i}`;
      assert.ok(line.startsWith(expected), `line ${i}: ${line}`);
    });
  });

  it('cap validate --trusted-certs: a verified signature is judged against the bundle, as of now', async () => {
    const signed = join(fixtures, 'cap', 'real', 'willglynn-oasiscap', 'ipaws-5e6dd9de023f1930ef6548d9.xml');
    const base64 = /<(?:\w+:)?X509Certificate>([^<]+)</.exec(readFileSync(signed, 'utf8'))?.[1] ?? '';
    const body =
      base64
        .replace(/\s+/g, '')
        .match(/.{1,64}/g)
        ?.join('\n') ?? '';
    const bundle = write('fema.pem', `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);
    const plain = await vigil(['cap', 'validate', '--lenient', signed]);
    assert.match(plain.stdout, /\[signature verified\]/);
    // FEMA's certificate expired in 2022: trusted once, not for an alert processed today.
    const judged = await vigil(['cap', 'validate', '--lenient', '--trusted-certs', bundle, signed]);
    assert.match(judged.stdout, /\[signature untrusted-signer\]/);
    const missing = await vigil(['cap', 'validate', '--trusted-certs', join(dir, 'none.pem'), signed]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /VIGIL_CAP_TRUSTED_CERTS: .*none\.pem/);
  });

  it('cap validate: a hostile file (XXE) is refused with its reason, exit 2', async () => {
    const run = await vigil(['cap', 'validate', xee, specA1]);
    assert.equal(run.code, 2);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      `${xee}: REFUSED doctype-forbidden: document type declarations (DTDs) are refused`,
      `${specA1}: OK 43b080713727`,
    ]);
    assert.equal(run.stderr, 'vigil: 1 file(s) refused\n');
  });

  it('cap normalize: canonical CAP 1.2 that reads back to the same alert and writes out the same bytes', async () => {
    // A CAP 1.1 alert with its own indentation comes out as CAP 1.2 in the writer's canonical form.
    const cap11 = join(fixtures, 'cap', 'spec-examples', 'cap11-appendix-A2.xml');
    const run = await vigil(['cap', 'normalize', cap11]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">\n/,
    );
    const original = checkCapDocument(readFileSync(cap11))[0]?.alert;
    const [again] = checkCapDocument(run.stdout);
    assert.ok(original && again?.valid, JSON.stringify(again?.errors));
    assert.deepEqual({ ...again.alert, sourceVersion: '1.1' }, original);
    assert.equal(emitCapAlert(again.alert), run.stdout);
  });

  it('cap normalize: an invalid alert is refused naming the file and the paths, exit 2', async () => {
    const invalid = join(fixtures, 'cap', 'real', 'google-cap-library', 'invalid.cap');
    const run = await vigil(['cap', 'normalize', invalid]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, new RegExp(`^vigil: ${invalid}: \\S+: Element '\\w+'.+\n$`));
  });

  it('edxl unwrap: the envelope header and one verdict line per CAP payload; invalid payloads exit 1', async () => {
    const run = await vigil(['edxl', 'unwrap', bushfireInvalid]);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(
      lines[0],
      'EDXL-DE 1.0 RFSuniqueID12345 from webmaster@rfs.nsw.gov.au at 2011-10-17T11:18:00-00:00 (Actual Report)',
    );
    assert.equal(lines.length, 8);
    assert.equal(
      lines[1],
      '  [0] cap "Information on One Tree MVA (Unmapped Incident)" OK tag:www.rfs.nsw.gov.au2011-10-18:40500',
    );
    assert.match(
      lines[3] ?? '',
      /^ {2}\[2\] cap "Information on Sturt NP - Middle Road" INVALID \S+ info\.urgency: .*'Foobar'/,
    );
    assert.equal(run.stderr, 'vigil: 2 invalid part(s) (envelope or CAP payloads)\n');
  });

  it('stix import: valid objects stored under their TLP, invalid ones reported and not stored (exit 1)', async () => {
    const good = write(
      'good.json',
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--6a1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        objects: [indicator(1, 'AMBER'), indicator(2, 'CLEAR'), indicator(3, 'RED')],
      }),
    );
    const run = await vigil([
      'stix',
      'import',
      good,
      '--user',
      'analyst@cli.example',
      '--collection',
      'cli-sharing',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const status = JSON.parse(run.stdout) as { status: string; success_count: number; failure_count: number };
    assert.deepEqual([status.status, status.success_count, status.failure_count], ['complete', 3, 0]);

    const mixed = write(
      'mixed.json',
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        // valid_until before valid_from: the schema accepts it, the specification does not.
        objects: [indicator(4, 'GREEN'), indicator(5, 'GREEN', { valid_until: '2026-09-01T00:00:00Z' })],
      }),
    );
    const second = await vigil([
      'stix',
      'import',
      mixed,
      '--user',
      'analyst@cli.example',
      '--collection',
      'cli-sharing',
    ]);
    assert.equal(second.code, 1);
    const partial = JSON.parse(second.stdout) as {
      success_count: number;
      failures: { id: string; message: string }[];
    };
    assert.equal(partial.success_count, 1);
    assert.deepEqual(
      partial.failures.map((f) => f.id),
      [indicator(5, 'GREEN').id],
    );
    assert.match(partial.failures[0]?.message ?? '', /valid_until/);
    assert.equal(second.stderr, 'vigil: 1 object(s) invalid, not stored\n');
  });

  it('stix export: the collection’s reader sees AMBER and CLEAR, never RED; an agency without a grant sees none', async () => {
    const trooper = await vigil(['stix', 'export', '--user', 'trooper@cli.example', '--type', 'indicator']);
    assert.equal(trooper.code, 0, trooper.stderr);
    const names = (JSON.parse(trooper.stdout) as { objects: { type: string; name?: string }[] }).objects
      .filter((o) => o.type === 'indicator')
      .map((o) => o.name)
      .sort();
    assert.deepEqual(names, [
      'CLI indicator 1 (AMBER)',
      'CLI indicator 2 (CLEAR)',
      'CLI indicator 4 (GREEN)',
    ]);

    const county = await vigil(['stix', 'export', '--user', 'county@cli.example', '--type', 'indicator']);
    assert.equal(county.code, 0, county.stderr);
    const bundle = JSON.parse(county.stdout) as { type: string; objects: { type: string }[] };
    assert.equal(bundle.type, 'bundle');
    assert.deepEqual(bundle.objects, []);
  });
});
