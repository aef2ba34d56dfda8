import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capIpawsXsd } from './cap-ipaws-xsd.ts';
import { capV11Xsd } from './cap-v1-1-xsd.ts';
import { capV12Xsd } from './cap-v1-2-xsd.ts';
import { edxlDeV10Xsd } from './edxl-de-v1-0-xsd.ts';
import { stixSchemas } from './stix-schemas.ts';
import { collectStixSchemas, xsdModules, xsdModuleText } from './write-schema-modules.ts';

describe('bundled schema modules match the OASIS files in fixtures/', () => {
  it('XSDs', () => {
    const modules: Record<string, string> = { capV12Xsd, capV11Xsd, capIpawsXsd, edxlDeV10Xsd };
    for (const { name, source } of xsdModules) {
      assert.equal(
        `export const ${name} = ${JSON.stringify(modules[name])};`,
        xsdModuleText(name, source).split('\n')[1],
      );
    }
  });
  it('STIX JSON schemas', () => {
    assert.deepEqual(stixSchemas, collectStixSchemas());
  });
});
