import slugifyLatin from '@sindresorhus/slugify';
import { slug as slugUnicode } from 'github-slugger';

/**
 * The one slug function: `In-Context Learning` → `in-context-learning`, `C++` → `c-plus-plus`.
 * Latin text is transliterated; text with no Latin equivalent (e.g. Chinese) keeps its letters.
 */
export function slugify(label: string): string {
  const latin = slugifyLatin(label, {
    decamelize: false,
    customReplacements: [
      ['++', ' plus plus '],
      ['#', ' sharp '],
    ],
  });
  return latin || slugUnicode(label.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** True when `value` is already in slug form: lowercase ASCII letters and digits, single hyphens. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
