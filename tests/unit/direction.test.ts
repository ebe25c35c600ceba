import { describe, expect, it } from 'vitest';
import {
  directionAttribute,
  dominantDirection,
  firstStrongDirection,
  scriptLanguage,
} from '../../src/lib/direction.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { hostileNames } from '../helpers/hostile-papers.ts';
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
    expect(withBlockDirections(`<p>x ${math} שלום עולם</p>`)).toBe(
      `<p dir="rtl" lang="und-Hebr">x ${math} שלום עולם</p>`,
    );
    // Neither is text that is not laid out: the TeX kept for search, a visually hidden note.
    const hidden =
      '<p>שלום <span hidden>abcdefghijklmnop</span><span class="visually-hidden">abcdefghijkl</span> ab</p>';
    expect(withBlockDirections(hidden)).toBe(hidden.replace('<p>', '<p lang="und-Hebr">'));
    // The list item's own words are mostly English; its paragraph, mostly Arabic, is read apart.
    const paragraph = '<p>مرحبا بالعالم هذه فقرة عربية طويلة</p>';
    expect(withBlockDirections(`<ul><li>شبكة means network in English${paragraph}</li></ul>`)).toBe(
      `<ul><li dir="ltr">شبكة means network in English${paragraph.replace('<p>', '<p lang="und-Arab">')}</li></ul>`,
    );
  });

  it('writes lang on the blocks most of whose letters are of a script other than Latin', () => {
    // The formula's letters (ℝ, Greek, Latin) count for nothing: the block's own words decide.
    const math = '<span class="katex"><span class="katex-mathml">ℝ α abcdefghijklmnopqrstu</span></span>';
    expect(withBlockDirections(`<p>Обучение ${math} нейронных сетей</p>\n<p>In English.</p>`)).toBe(
      `<p lang="und-Cyrl">Обучение ${math} нейронных сетей</p>\n<p>In English.</p>`,
    );
    expect(withBlockDirections('<p>深層学習による<em>画像認識</em> (CNN)</p>')).toBe(
      '<p lang="und-Jpan">深層学習による<em>画像認識</em> (CNN)</p>',
    );
    // A block that says its language keeps it; English with a Cyrillic word gets none.
    const told = '<p lang="ru">Обучение</p><p>The word обучение means training.</p>';
    expect(withBlockDirections(told)).toBe(told);
    // Math letters of every script and Greek alone do not make an English abstract another's.
    const english = `<p>Over ℝ and 𝑥 with α, β ${math}.</p>`;
    expect(withBlockDirections(english)).toBe(english);
  });

  it('returns HTML without a right-to-left letter as it is', () => {
    const html = '<p>No <em>right-to-left</em> letter.</p>';
    expect(withBlockDirections(html)).toBe(html);
  });
});

describe('scriptLanguage (a title whose letters are of a script English is not written in)', () => {
  // Titles wholly in one script (real titles' words), and the tag each gets: the script, no language.
  const titles = [
    ['Обучение нейронных сетей', 'und-Cyrl'],
    ['Навчання нейронних мереж', 'und-Cyrl'],
    ['注意力机制的研究', 'und-Hani'],
    ['深層学習による画像認識', 'und-Jpan'],
    ['トランスフォーマー', 'und-Jpan'],
    ['한국어 언어 모델', 'und-Hang'],
    ['韓國語 언어 모델', 'und-Kore'],
    ['التعلم العميق للغة العربية', 'und-Arab'],
    ['למידה עמוקה', 'und-Hebr'],
    ['गहन अधिगम', 'und-Deva'],
    ['Βαθιά μάθηση', 'und-Grek'],
    ['การเรียนรู้เชิงลึก', 'und-Thai'],
  ] as const;

  it.each(titles)('marks %s as %s', (title, tag) => {
    expect(scriptLanguage(title)).toBe(tag);
    // With a name in Latin letters or a formula, the script still has most of the letters.
    expect(scriptLanguage(`BERT: ${title} (x = 1)`)).toBe(tag);
  });

  it.each([
    'Attention Is All You Need',
    'Réseaux de neurones profonds pour la traduction',
    'β-VAE: Learning Basic Visual Concepts',
    'Scaling α and β in Σ-Nets',
    '2 + 2 = 4',
    '',
  ])('marks no language on %j: Latin letters, or none (its language is not told from its words)', (title) => {
    expect(scriptLanguage(title)).toBeUndefined();
  });

  it('marks a seeded mix by the script of most of its letters, and only a valid BCP 47 tag', () => {
    const random = seededRandom(2612);
    const latin = ['Learning', 'Model', 'Neural', 'Deep', 'Vision'];
    for (let run = 0; run < 500; run++) {
      const [title, tag] = titles[Math.floor(random() * titles.length)]!;
      const words = Array.from({ length: Math.floor(random() * 6) }, () => latin[Math.floor(random() * latin.length)]!);
      const text = random() < 0.5 ? `${words.join(' ')} ${title}` : `${title} ${words.join(' ')}`;
      const own = (title.match(/\p{L}/gu) ?? []).length;
      const others = words.join('').length;
      expect(scriptLanguage(text), text).toBe(own > others ? tag : undefined);
    }
    for (const name of hostileNames(2612, 2000)) {
      const tag = scriptLanguage(name);
      if (tag === undefined) continue;
      expect(tag, name).toMatch(/^und-[A-Z][a-z]{3}$/);
      expect(Intl.getCanonicalLocales(tag), name).toEqual([tag]);
    }
  });
});
