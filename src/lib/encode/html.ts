/**
 * HTML text for places that are not Astro templates (Astro escapes its own `{expressions}`): the
 * five characters that can start or end markup or an attribute value become character references,
 * so the result is text to every HTML parser, in an element or a quoted attribute.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
