import { defaultInputLimits, type InputLimits, refuseInput } from '../xml/input-limits.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * A strict JSON reader for outside documents. Unlike JSON.parse it refuses duplicate keys
 * (which parsers resolve differently, so a validator and a consumer could see different
 * objects) and `__proto__` (prototype pollution), and it stops at a depth, size and string
 * length limit instead of exhausting the stack or memory.
 */
export function readJson(input: string | Uint8Array, limits: InputLimits = defaultInputLimits): JsonValue {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes)
    throw refuseInput('too-large', `documents are limited to ${limits.maxBytes} bytes`);
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw refuseInput('bad-encoding', 'the bytes are not valid UTF-8');
  }
  let i = 0;
  const fail = (message: string): never => {
    throw refuseInput('not-well-formed', `${message} at offset ${i}`);
  };
  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i += 1;
      else return;
    }
  };
  const readString = (): string => {
    const start = i + 1;
    let j = start;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(j);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 34) break;
      if (c < 32) fail('control character in a string');
      if (c === 92) {
        escaped = true;
        j += 2;
      } else j += 1;
    }
    if (j - start > limits.maxTokenLength) {
      throw refuseInput('token-too-long', `a string is longer than ${limits.maxTokenLength} characters`);
    }
    i = j + 1;
    if (!escaped) return text.slice(start, j);
    try {
      return JSON.parse(text.slice(start - 1, j + 1)) as string;
    } catch {
      return fail('bad escape in a string');
    }
  };
  const readValue = (depth: number): JsonValue => {
    if (depth > limits.maxDepth) throw refuseInput('too-deep', `values nest deeper than ${limits.maxDepth}`);
    skip();
    const c = text.charCodeAt(i);
    if (c === 123) {
      i += 1;
      const object: { [key: string]: JsonValue } = {};
      skip();
      if (text.charCodeAt(i) === 125) {
        i += 1;
        return object;
      }
      for (;;) {
        skip();
        if (text.charCodeAt(i) !== 34) fail('expected a key');
        const key = readString();
        if (key === '__proto__') throw refuseInput('forbidden-key', 'the key __proto__ is refused');
        if (Object.hasOwn(object, key))
          throw refuseInput('duplicate-key', `the key "${key.slice(0, 80)}" appears twice`);
        skip();
        if (text.charCodeAt(i) !== 58) fail('expected :');
        i += 1;
        object[key] = readValue(depth + 1);
        skip();
        const next = text.charCodeAt(i);
        i += 1;
        if (next === 125) return object;
        if (next !== 44) fail('expected , or }');
      }
    }
    if (c === 91) {
      i += 1;
      const array: JsonValue[] = [];
      skip();
      if (text.charCodeAt(i) === 93) {
        i += 1;
        return array;
      }
      for (;;) {
        array.push(readValue(depth + 1));
        skip();
        const next = text.charCodeAt(i);
        i += 1;
        if (next === 93) return array;
        if (next !== 44) fail('expected , or ]');
      }
    }
    if (c === 34) return readString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    numberPattern.lastIndex = i;
    const match = numberPattern.exec(text);
    if (!match) return fail('unexpected character');
    i += match[0].length;
    return Number(match[0]);
  };
  const value = readValue(0);
  skip();
  if (i < text.length) fail('trailing characters');
  return value;
}
