/**
 * JSON for every output: the JSON Feed and the JSON-LD inside `<script type="application/ld+json">`.
 * `JSON.stringify` already writes lone surrogates as `\u` escapes; on top of it, `<`, `>` and `&`
 * are written as `\u` escapes, so no string can close the script element (`</script>`), open a
 * comment (`<!--`) or look like markup, and U+2028/U+2029, which end a line in older JavaScript
 * parsers, are escaped too. Strings stay strings: nothing is converted to a number or back.
 */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

export function encodeJson(data: unknown, indent?: number): string {
  const json = JSON.stringify(data, null, indent);
  if (json === undefined) throw new TypeError('encodeJson: the value has no JSON form');
  return json.replace(UNSAFE_IN_HTML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
