import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('writes scalars as JSON does', () => {
    assert.equal(canonicalJson(null), 'null');
    assert.equal(canonicalJson(true), 'true');
    assert.equal(canonicalJson(false), 'false');
    assert.equal(canonicalJson(0), '0');
    assert.equal(canonicalJson(-1.5), '-1.5');
    assert.equal(canonicalJson(1e21), '1e+21');
    assert.equal(canonicalJson('line\n"quoted"'), '"line\\n\\"quoted\\""');
  });

  it('writes negative zero as 0', () => {
    assert.equal(canonicalJson(-0), '0');
  });

  it('sorts object keys, so key order does not change the text', () => {
    assert.equal(canonicalJson({ b: 1, a: 2, c: 3 }), '{"a":2,"b":1,"c":3}');
    assert.equal(canonicalJson({ c: 3, a: 2, b: 1 }), canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it('sorts keys by UTF-16 code unit, not by number or locale', () => {
    assert.equal(canonicalJson({ 9: 'nine', 10: 'ten' }), '{"10":"ten","9":"nine"}');
    assert.equal(canonicalJson({ b: 1, B: 2, é: 3, a: 4 }), '{"B":2,"a":4,"b":1,"é":3}');
    assert.equal(canonicalJson({ '\uffff': 1, '😀': 2 }), '{"😀":2,"\uffff":1}');
  });

  it('writes no whitespace', () => {
    assert.equal(canonicalJson({ a: [1, 2, { b: 'x y' }] }), '{"a":[1,2,{"b":"x y"}]}');
  });

  it('sorts keys at every depth and keeps array order', () => {
    const value = { z: [{ y: 1, x: 2 }, [3, { b: null, a: true }]], m: { q: { s: 1, r: 2 } } };
    assert.equal(
      canonicalJson(value),
      '{"m":{"q":{"r":2,"s":1}},"z":[{"x":2,"y":1},[3,{"a":true,"b":null}]]}',
    );
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });

  it('drops undefined object members', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined, c: { d: undefined } }), '{"a":1,"c":{}}');
  });

  it('writes undefined array items as null, as JSON does', () => {
    assert.equal(canonicalJson([1, undefined, 3]), '[1,null,3]');
  });

  it('tells null apart from a missing member', () => {
    assert.notEqual(canonicalJson({ a: null }), canonicalJson({}));
  });

  it('refuses non-finite numbers, at any depth', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => canonicalJson(value), TypeError);
      assert.throws(() => canonicalJson({ deep: [1, { value }] }), TypeError);
    }
  });

  it('refuses values JSON has no text for', () => {
    assert.throws(() => canonicalJson(10n), TypeError);
    assert.throws(() => canonicalJson(() => 1), TypeError);
    assert.throws(() => canonicalJson(Symbol('s')), TypeError);
  });

  it('survives a round trip through JSON.parse unchanged (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        assert.equal(canonicalJson(JSON.parse(text)), text);
      }),
      { numRuns: 500 },
    );
  });

  it('means what JSON.stringify means (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on the order keys were inserted in (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        assert.equal(canonicalJson(reversed), canonicalJson(record));
      }),
    );
  });
});
