import type { TlpLabel } from '../../access/tlp.ts';
import { stixSchemas } from '../schemas/stix-schemas.ts';
import { defaultInputLimits, type InputLimits, refuseInput } from '../xml/input-limits.ts';
import type { StandardsIssue } from '../xml/xsd-validator.ts';
import { type JsonValue, readJson } from './read-json.ts';
import { compileStixSchema } from './stix-schema-validator.ts';
import { checkStixSemantics } from './stix-semantics.ts';
import { tlpOfObject } from './tlp-markings.ts';

export type StixObject = { type: string; id: string; [key: string]: JsonValue };

export type StixObjectVerdict = {
  index: number;
  id: string;
  type: string;
  /** `modified`, else `created`: with the id it names one version of the object. */
  version: string;
  valid: boolean;
  errors: StandardsIssue[];
  warnings: StandardsIssue[];
  /** TLP from `object_marking_refs` (TLP 2.0 ids, TLP 1.0 mapped), undefined when unmarked. */
  tlp: TlpLabel | undefined;
  object: StixObject;
};

export type StixBundleVerdict = {
  bundleId: string | null;
  valid: boolean;
  errors: StandardsIssue[];
  objects: StixObjectVerdict[];
};

const schemaIdOf = new Map<string, string>();
for (const id of Object.keys(stixSchemas)) {
  const match = /\/schemas\/(sdos|sros|observables|common)\/([a-z0-9-]+)\.json$/.exec(id);
  if (!match?.[2]) continue;
  if (
    match[1] !== 'common' ||
    ['marking-definition', 'language-content', 'extension-definition'].includes(match[2])
  ) {
    schemaIdOf.set(match[2], id);
  }
}

/** Types with a schema of their own: the 19 SDOs, 2 SROs, 18 SCOs and the three meta objects. */
export const stixTypes: readonly string[] = [...schemaIdOf.keys()].sort();

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates one object: the OASIS JSON schema of its type, then the rules schemas cannot state. */
export function checkStixObject(
  value: JsonValue,
  index: number,
  path = `objects[${index}]`,
): StixObjectVerdict {
  const errors: StandardsIssue[] = [];
  const warnings: StandardsIssue[] = [];
  if (!isPlainObject(value) || typeof value.type !== 'string' || typeof value.id !== 'string') {
    return {
      index,
      id: isPlainObject(value) && typeof value.id === 'string' ? value.id : '',
      type: isPlainObject(value) && typeof value.type === 'string' ? value.type : '',
      version: '',
      valid: false,
      errors: [{ path, message: 'a STIX object is a JSON object with a string type and id' }],
      warnings,
      tlp: undefined,
      object: { type: '', id: '' },
    };
  }
  const object = value as StixObject;
  const schemaId = schemaIdOf.get(object.type);
  if (schemaId) {
    for (const issue of compileStixSchema(schemaId)(object))
      errors.push({ ...issue, path: `${path}${issue.path}` });
  } else {
    const hasNewTypeExtension =
      isPlainObject(object.extensions) &&
      Object.values(object.extensions).some(
        (ext) =>
          isPlainObject(ext) &&
          typeof ext.extension_type === 'string' &&
          ext.extension_type.startsWith('new-'),
      );
    if (!hasNewTypeExtension && !object.type.startsWith('x-')) {
      errors.push({ path: `${path}.type`, message: `unknown STIX 2.1 type ${object.type}` });
    } else {
      warnings.push({
        path: `${path}.type`,
        message: `custom type ${object.type}: only the common properties are checked`,
      });
      for (const issue of compileStixSchema(schemaIdOf.get('identity') as string, 'core')(object)) {
        errors.push({ ...issue, path: `${path}${issue.path}` });
      }
    }
  }
  const semantic = checkStixSemantics(object);
  for (const issue of semantic.errors) errors.push({ ...issue, path: `${path}${issue.path}` });
  for (const issue of semantic.warnings) warnings.push({ ...issue, path: `${path}${issue.path}` });
  const refs = object.object_marking_refs;
  const markingRefs = Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
  const version =
    typeof object.modified === 'string'
      ? object.modified
      : typeof object.created === 'string'
        ? object.created
        : '';
  return {
    index,
    id: object.id,
    type: object.type,
    version,
    valid: errors.length === 0,
    errors,
    warnings,
    tlp: tlpOfObject(markingRefs),
    object,
  };
}

/**
 * Reads and checks a STIX 2.1 bundle (or a TAXII envelope, or a single object) under the input
 * limits. Each member is validated against the schema of its own type (the OASIS bundle schema's
 * `oneOf` omits several 2.1 types, so it is not used). Duplicate ids with the same version in one
 * bundle are an error: which one would win?
 */
export function checkStixBundle(
  input: string | Uint8Array,
  limits: InputLimits = defaultInputLimits,
): StixBundleVerdict {
  const document = readJson(input, limits);
  if (!isPlainObject(document))
    throw refuseInput('unsupported-document', 'expected a STIX bundle, envelope or object');
  const errors: StandardsIssue[] = [];
  let members: JsonValue[];
  let bundleId: string | null = null;
  if (document.type === 'bundle') {
    bundleId = typeof document.id === 'string' ? document.id : null;
    if (
      !bundleId ||
      !/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(bundleId)
    ) {
      errors.push({ path: 'id', message: 'a bundle id is bundle--<UUID>' });
    }
    if ('spec_version' in document) {
      errors.push({
        path: 'spec_version',
        message: 'a STIX 2.1 bundle has no spec_version (that was STIX 2.0)',
      });
    }
    members = Array.isArray(document.objects) ? document.objects : [];
    if (document.objects !== undefined && !Array.isArray(document.objects)) {
      errors.push({ path: 'objects', message: 'objects must be an array' });
    }
  } else if (document.type === undefined && Array.isArray(document.objects)) {
    members = document.objects;
  } else {
    members = [document];
  }
  const objects = members.map((member, index) =>
    checkStixObject(member, index, document === member ? '' : `objects[${index}]`),
  );
  const seen = new Map<string, number>();
  for (const verdict of objects) {
    const key = `${verdict.id} ${verdict.version}`;
    const first = seen.get(key);
    if (first !== undefined && verdict.id) {
      verdict.errors.push({
        path: `objects[${verdict.index}].id`,
        message: `same id and version as objects[${first}]`,
      });
      verdict.valid = false;
    } else seen.set(key, verdict.index);
  }
  return { bundleId, valid: errors.length === 0 && objects.every((o) => o.valid), errors, objects };
}
