import { SaxesParser } from 'saxes';

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
