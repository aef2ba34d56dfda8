import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessDocumentKind } from './guess-document-kind.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../../core/src/standards/fixtures/${path}`, import.meta.url), 'utf8');

describe('guessDocumentKind', () => {
  it('an EDXL-DE 1.0 envelope with a prefix, a stylesheet PI and the XML declaration', () => {
    expect(guessDocumentKind(fixture('edxl-de/v1.0/google-cap-library/bushfire_valid.edxlde.xml'))).toBe(
      'edxl',
    );
  });

  it('an EDXL-DE 2.0 envelope in the default namespace among other attributes', () => {
    expect(guessDocumentKind(fixture('edxl-de/v2.0/samu-hub/valid-EDXL-DE.xml'))).toBe('edxl');
  });

  it('CAP alerts, batches and Atom stay CAP; JSON is STIX', () => {
    expect(guessDocumentKind(fixture('cap/spec-examples/cap12-appendix-A1.xml'))).toBe('cap');
    expect(guessDocumentKind(fixture('cap/real/google-cap-library/weather.atom'))).toBe('cap');
    expect(guessDocumentKind('  {"type":"bundle"}')).toBe('stix');
  });

  it('the namespace decides, not the name: an EDXLDistribution in another namespace is not an envelope', () => {
    expect(guessDocumentKind('<EDXLDistribution xmlns="urn:example:other">')).toBe('cap');
    expect(
      guessDocumentKind(
        '<de:EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0" xmlns:de="urn:x">',
      ),
    ).toBe('cap');
    expect(
      guessDocumentKind(
        "<!-- routed --><de:EDXLDistribution xmlns:de='urn:oasis:names:tc:emergency:EDXL:DE:1.0'>",
      ),
    ).toBe('edxl');
  });

  it('nothing recognisable yet: null', () => {
    expect(guessDocumentKind('')).toBeNull();
    expect(guessDocumentKind('hello')).toBeNull();
    expect(guessDocumentKind('<?xml version="1.0"?>')).toBeNull();
  });
});
