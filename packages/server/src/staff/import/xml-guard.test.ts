import { describe, expect, it } from 'vitest';
import { XmlGuard, XmlGuardError, type XmlGuardReason } from './xml-guard.js';

const LIMITS = { xmlTextChars: 10, xmlTagChars: 40, xmlDepth: 3, xmlElements: 6 };

/** Scans `xml` cut into pieces of `step` characters; the reason it was refused, or null. */
function refusal(xml: string, step = xml.length): XmlGuardReason | null {
  const guard = new XmlGuard('part.xml', LIMITS);
  try {
    for (let i = 0; i < xml.length; i += step) guard.scan(xml.slice(i, i + step));
    return null;
  } catch (e) {
    if (e instanceof XmlGuardError) return e.reason;
    throw e;
  }
}

describe('XmlGuard', () => {
  it('lets an ordinary part through, whatever the chunk boundaries', () => {
    const xml = '<?xml version="1.0"?><a x="1>2" y=\'/\'><b/><!-- a > b --><c>short</c><![CDATA[<x>]]></a>';
    for (const step of [1, 2, 3, 7, xml.length]) expect(refusal(xml, step)).toBeNull();
  });

  it('refuses DOCTYPE and ENTITY declarations, even split across chunks', () => {
    expect(refusal('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a/>')).toBe('doctype');
    expect(refusal('<!ENTITY b "c">', 1)).toBe('doctype');
  });

  it('refuses a text run longer than the cap, in text and in CDATA', () => {
    expect(refusal('<a>0123456789</a>')).toBeNull();
    expect(refusal('<a>0123456789X</a>', 4)).toBe('text');
    expect(refusal('<a><![CDATA[0123456789X]]></a>')).toBe('text');
  });

  it('refuses a tag longer than the cap (attributes without end)', () => {
    expect(refusal(`<a b="${'x'.repeat(50)}"/>`)).toBe('tag');
  });

  it('refuses nesting deeper than the cap; self-closing and closing tags unwind it', () => {
    expect(refusal('<a><b><c/></b></a>')).toBeNull();
    expect(refusal('<a><b><c><d>')).toBe('depth');
  });

  it('refuses more elements than the cap', () => {
    expect(refusal('<a><b/><b/><b/><b/><b/></a>')).toBeNull();
    expect(refusal('<a><b/><b/><b/><b/><b/><b/></a>')).toBe('elements');
  });
});
