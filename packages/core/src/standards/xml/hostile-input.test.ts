import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkCapDocument } from '../cap/check-cap-document.ts';
import { readJson } from '../stix/read-json.ts';
import { refusalReasonOf } from './input-limits.ts';
import { readXml } from './read-xml.ts';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>`;

const refused = (run: () => unknown, reason: string) =>
  assert.throws(run, (error) => refusalReasonOf(error) === reason, reason);

/** Each hostile document is refused with its stable reason, quickly, before any recursive parser runs. */
describe('hostile XML and JSON are refused', () => {
  it('billion laughs and XXE: DTDs are refused outright', () => {
    refused(() => readXml(billionLaughs), 'doctype-forbidden');
    refused(
      () =>
        checkCapDocument(
          readFileSync(new URL('../fixtures/cap/real/google-cap-library/xee.cap', import.meta.url)),
        ),
      'doctype-forbidden',
    );
  });

  it('an undeclared entity reference is refused, predefined ones are decoded', () => {
    refused(() => readXml('<a>&xxe;</a>'), 'entity-forbidden');
    assert.equal(readXml('<a>&lt;b&gt; &amp; &#233;&#x41;</a>').root.text, '<b> & éA');
  });

  it('deep nesting, huge attributes, too many elements and too many bytes', () => {
    const started = Date.now();
    refused(() => readXml(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`), 'too-deep');
    refused(() => readXml(`<a b="${'x'.repeat(300_000)}"/>`), 'token-too-long');
    refused(() => readXml(`<r>${'<a/>'.repeat(100_001)}</r>`), 'too-many-elements');
    refused(() => readXml(`<r>${'x'.repeat(5 * 1024 * 1024)}</r>`), 'too-large');
    assert.ok(Date.now() - started < 2000, `refusals took ${Date.now() - started} ms`);
  });

  it('not well-formed XML and bad UTF-8', () => {
    refused(() => readXml('<a><b></a>'), 'not-well-formed');
    refused(
      () => readXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])),
      'bad-encoding',
    );
  });

  it('JSON: duplicate keys, __proto__, deep nesting and long strings', () => {
    refused(() => readJson('{"type":"identity","type":"tool"}'), 'duplicate-key');
    refused(() => readJson('{"__proto__":{"polluted":true}}'), 'forbidden-key');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    refused(() => readJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'too-deep');
    refused(() => readJson(`"${'x'.repeat(300_000)}"`), 'token-too-long');
    refused(() => readJson('{"a":1,}'), 'not-well-formed');
    assert.deepEqual(readJson('{"a":[1,-2.5e3,"\\u00e9\\n",true,null]}'), {
      a: [1, -2500, 'é\n', true, null],
    });
  });
});
