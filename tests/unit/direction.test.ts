import { describe, expect, it } from 'vitest';
import { directionAttribute, dominantDirection, firstStrongDirection } from '../../src/lib/direction.ts';
import { withBlockDirections } from '../../src/lib/direction-html.ts';

describe('directionAttribute', () => {
  it('gives the direction of most letters where the first letter says otherwise', () => {
    expect(directionAttribute('מבוא: a title mostly in English')).toBe('ltr');
    expect(directionAttribute('GPT: عنوان مكتوب بالعربية')).toBe('rtl');
  });

  it('gives none where the first letter already says it, or where no side has more', () => {
    expect(directionAttribute('Scaling MLPs: A Tale of Inductive Bias')).toBeUndefined();
    expect(directionAttribute('عنوان تجريبي مكتوب بالعربية')).toBeUndefined();
    expect(directionAttribute('Names written right to left: تعلم الآلة and למידת מכונה in one title')).toBeUndefined();
    expect(directionAttribute('אב ab')).toBeUndefined();
    expect(directionAttribute('2024 — 3.5!')).toBeUndefined();
  });

  it('counts letters only: digits and signs run neither way', () => {
    expect(dominantDirection('שלום 12345678 !!!')).toBe('rtl');
    expect(firstStrongDirection('123 (شبكة) net')).toBe('rtl');
    expect(firstStrongDirection('—')).toBeUndefined();
  });
});

describe('withBlockDirections', () => {
  it('writes dir on the blocks that need it and keeps every other byte', () => {
    const html = '<p>Plain English.</p>\n<p class="x">מבוא. Mostly English words here.</p>';
    expect(withBlockDirections(html)).toBe(
      '<p>Plain English.</p>\n<p dir="ltr" class="x">מבוא. Mostly English words here.</p>',
    );
  });

  it('reads a block without its formulas and without the blocks inside it', () => {
    // The formula's letters would make the paragraph English; KaTeX's box is one neutral character.
    const math = '<span class="katex"><span class="katex-mathml">abcdefghijklmnop</span></span>';
    expect(withBlockDirections(`<p>x ${math} שלום עולם</p>`)).toBe(`<p dir="rtl">x ${math} שלום עולם</p>`);
    // Neither is text that is not laid out: the TeX kept for search, a visually hidden note.
    const hidden =
      '<p>שלום <span hidden>abcdefghijklmnop</span><span class="visually-hidden">abcdefghijkl</span> ab</p>';
    expect(withBlockDirections(hidden)).toBe(hidden);
    // The list item's own words are mostly English; its paragraph, mostly Arabic, is read apart.
    const paragraph = '<p>مرحبا بالعالم هذه فقرة عربية طويلة</p>';
    expect(withBlockDirections(`<ul><li>شبكة means network in English${paragraph}</li></ul>`)).toBe(
      `<ul><li dir="ltr">شبكة means network in English${paragraph}</li></ul>`,
    );
  });

  it('returns HTML without a right-to-left letter as it is', () => {
    const html = '<p>No <em>right-to-left</em> letter.</p>';
    expect(withBlockDirections(html)).toBe(html);
  });
});
