/**
 * The one order of texts that is the same on every machine: by UTF-16 code units, as `<` compares
 * them. `localeCompare` without a locale takes the machine's collation (under da_DK `aa` sorts after
 * `z`, under lt_LT `y` with `i`), so the order of the check's messages, which of two files was there
 * first, or a build's bytes would depend on where it ran. Lists that readers see sorted by name
 * use a collator with an explicit locale instead (author-index.ts).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
