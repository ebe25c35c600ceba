import { XMLParser } from 'fast-xml-parser';
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
