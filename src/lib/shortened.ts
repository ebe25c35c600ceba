/**
 * A value from a paper quoted in a message: long enough to recognise, never a screenful, and cut
 * between whole characters (a cut inside a surrogate pair would leave half a character). Pure and
 * on its own, so the browser's modules that build messages (the paper-id grammar) cut as the
 * content check does (src/content/problems.ts re-exports it).
 */
export function shortened(value: string, max = 60): string {
  const characters = [...value];
  return characters.length <= max ? value : `${characters.slice(0, max).join('')}…`;
}
