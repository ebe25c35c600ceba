import { SaxesParser } from 'saxes';

/**
 * The one XML encoder of the site (RSS, OPML, sitemaps), total over all strings: any string becomes text or
 * an attribute value that a conforming parser reads back as that string, less the characters
 * XML 1.0 cannot hold at all, which are removed (the same ones everywhere: NUL, ESC, U+FFFE,
 * lone surrogates…). The content rules refuse such characters first; this is the last guard.
 */

// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point, outside every allowed range.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes every character that may not appear in an XML 1.0 document (NUL, ESC, U+FFFF, lone surrogates…). */
export function stripXmlIllegal(value: string): string {
  return value.replace(XML_ILLEGAL, '');
}

/** The first character XML 1.0 cannot hold (XML_ILLEGAL) and where it is, for a message that names it. */
export function firstXmlIllegal(value: string): { character: string; index: number } | undefined {
  const found = new RegExp(XML_ILLEGAL.source, 'u').exec(value);
  return found ? { character: found[0], index: found.index } : undefined;
}

/**
 * The first character reference (`&#x1b;`, `&#0;`) to a code point XML 1.0 cannot hold (XML_ILLEGAL,
 * the same rule as for a character written as itself) or to none at all (past U+10FFFF), and where
 * it is, for a message that names it: a parser says only "malformed character entity".
 */
export function firstIllegalReference(
  value: string,
): { reference: string; codePoint: number; index: number } | undefined {
  const illegal = new RegExp(XML_ILLEGAL.source, 'u');
  for (const found of value.matchAll(/&#(?:x([0-9a-f]+)|([0-9]+));/giu)) {
    const codePoint = found[1] === undefined ? Number(found[2]) : parseInt(found[1], 16);
    if (codePoint > 0x10ffff || illegal.test(String.fromCodePoint(codePoint)))
      return { reference: found[0], codePoint, index: found.index };
  }
  return undefined;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a carriage return into a line feed, and white space in an attribute into spaces.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/**
 * Escapes text for XML content or a quoted attribute: markup characters as the predefined
 * entities (so `]]>` cannot occur), a carriage return as a reference (a parser would read it as a
 * line feed), and in attributes tabs and line feeds too (a parser would read them as spaces).
 */
export function escapeXml(value: string, { attribute = true }: { attribute?: boolean } = {}): string {
  const special = attribute ? /[&<>"'\r\n\t]/g : /[&<>"'\r]/g;
  return stripXmlIllegal(value).replace(special, (character) => XML_ESCAPES[character] ?? character);
}

/** An element: a name (fixed by the code, never from content), attributes and children. */
export interface XmlElement {
  name: string;
  attributes?: Readonly<Record<string, string | undefined>>;
  children?: readonly (XmlElement | string | undefined)[];
}

const XML_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/** Writes an element and its children; text and attribute values go through {@link escapeXml}. */
export function serializeXml(element: XmlElement): string {
  if (!XML_NAME.test(element.name)) throw new Error(`Not an XML name: ${element.name}`);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => {
      if (!XML_NAME.test(name)) throw new Error(`Not an XML name: ${name}`);
      return ` ${name}="${escapeXml(value)}"`;
    })
    .join('');
  const children = (element.children ?? []).filter((child) => child !== undefined);
  if (children.length === 0) return `<${element.name}${attributes}/>`;
  const content = children
    .map((child) => (typeof child === 'string' ? escapeXml(child, { attribute: false }) : serializeXml(child)))
    .join('');
  return `<${element.name}${attributes}>${content}</${element.name}>`;
}

/** A whole document: the XML declaration, then the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n`;
}

/**
 * Well-formedness errors of an XML 1.0 document, by a conforming parser (saxes): illegal
 * characters, bad entities, unbalanced tags. Lenient validators accept some of these, and a feed
 * reader that is strict would then refuse the whole feed.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  try {
    parser.write(xml).close();
  } catch (error) {
    errors.push(String(error));
  }
  return errors;
}
