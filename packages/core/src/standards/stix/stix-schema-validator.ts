import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { stixSchemas } from '../schemas/stix-schemas.ts';
import type { StandardsIssue } from '../xml/xsd-validator.ts';

// ajv-formats is CommonJS: its callable export sits on `default` under NodeNext.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

/**
 * Two Ajv instances over the same OASIS STIX 2.1 schemas, loaded from the bundled copies by `$id`
 * (they `$ref` each other by absolute URL; nothing is fetched): `first` stops at the first error
 * and answers valid or not; `every` collects all errors and runs only for objects already known to
 * be invalid, to explain them. Same verdict either way; most objects are valid, and collecting
 * every error made Ajv about twice as slow. `unicodeRegExp: false` because the schemas use escapes
 * such as `\-` that Unicode-mode regexes reject.
 */
const instances: Partial<Record<'first' | 'every', Ajv2020>> = {};

function stixAjv(which: 'first' | 'every'): Ajv2020 {
  const existing = instances[which];
  if (existing) return existing;
  const ajv = new Ajv2020({
    strict: false,
    allErrors: which === 'every',
    unicodeRegExp: false,
    validateFormats: true,
  });
  addFormats(ajv);
  // Formats ajv-formats lacks: accepted here, the semantic checks look at what matters.
  ajv.addFormat('idn-email', true);
  ajv.addFormat('idn-hostname', true);
  for (const schema of Object.values(stixSchemas)) ajv.addSchema(schema as object);
  instances[which] = ajv;
  return ajv;
}

const compiled = { first: new Map<string, ValidateFunction>(), every: new Map<string, ValidateFunction>() };
const coreId =
  'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/core.json';

function pathOf(error: ErrorObject): string {
  const base = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing ? `${base}.${missing}` : base;
}

function validatorOf(which: 'first' | 'every', id: string): ValidateFunction {
  let validate = compiled[which].get(id);
  if (!validate) {
    const found = stixAjv(which).getSchema(id);
    if (!found) throw new Error(`no STIX schema ${id}`);
    validate = found;
    compiled[which].set(id, validate);
  }
  return validate;
}

/** A validator for one schema (`core` validates only the common properties of custom types). */
export function compileStixSchema(
  schemaId: string,
  which: 'type' | 'core' = 'type',
): (value: unknown) => StandardsIssue[] {
  const id = which === 'core' ? coreId : schemaId;
  const first = validatorOf('first', id);
  return (value) => {
    if (first(value)) return [];
    const every = validatorOf('every', id);
    // Both validators hold the same schema: one says invalid, the other must find why.
    const errors = every(value) ? (first.errors ?? []) : (every.errors ?? []);
    // allOf/oneOf branches repeat the same complaint; one line per path and message is enough.
    const seen = new Set<string>();
    return errors.flatMap((error) => {
      const issue = { path: pathOf(error), message: error.message ?? 'invalid' };
      const key = `${issue.path} ${issue.message}`;
      if (seen.has(key) || error.keyword === 'if') return [];
      seen.add(key);
      return [issue];
    });
  };
}
