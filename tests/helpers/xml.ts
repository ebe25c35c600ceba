import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { xmlErrors } from '../../src/lib/xml.ts';

/** Parses XML only if a conforming parser finds it well-formed; throws otherwise. */
export function parseStrictXml(xml: string): Record<string, unknown> {
  const errors = xmlErrors(xml);
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['item', 'category', 'dc:creator', 'outline'].includes(name),
  }).parse(xml) as Record<string, unknown>;
}

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlNode | string)[];
}

/**
 * Reads XML with a conforming parser (saxes) into elements whose text and attribute values are
 * strings exactly as decoded once, with no conversion of any kind (fast-xml-parser would read
 * `1e3` as a number unless told not to). Throws if the document is not well-formed.
 */
export function readXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [] };
  const stack: XmlNode[] = [root];
  const errors: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void stack.at(-1)!.children.push(text));
  parser.on('cdata', (text) => void stack.at(-1)!.children.push(text));
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return root.children.find((child): child is XmlNode => typeof child !== 'string')!;
}

/** Every element named `name` under `node`, in document order. */
export function xmlElements(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...xmlElements(child, name));
  }
  return found;
}

/** The text of an element, its children's included. */
export function xmlText(node: XmlNode): string {
  return node.children.map((child) => (typeof child === 'string' ? child : xmlText(child))).join('');
}
