/**
 * Strict UTF-8 for the files the check reads (papers, the topic vocabulary), and where it fails: a
 * file saved as Latin-1 or Windows-1252, or with a lone surrogate's bytes, is refused at the line
 * and column of its first bad byte, not at line 1 of a file of hundreds of lines.
 */

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where bytes stop being UTF-8, why, and which bytes (in hex, `E9`: none for UTF-16, a whole form). */
export interface NotUtf8 {
  line: number;
  column: number;
  message: string;
  badBytes: readonly string[];
}

/**
 * The text of `bytes`, or where they stop being UTF-8 (a BOM counts for nothing) and a sentence
 * for a message: `is not valid UTF-8: the byte E9 here is no UTF-8 character (…)`; a caller that
 * words it otherwise takes the bytes from `badBytes`, not from the sentence.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | NotUtf8 {
  const utf16 = utf16Form(bytes);
  if (utf16) {
    return {
      line: 1,
      column: 1,
      message: `is not UTF-8 but UTF-16 (${utf16}), where each character takes two bytes or four (as Windows tools save "Unicode" text)`,
      badBytes: [],
    };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const [at, length] = firstIllFormed(bytes);
    // What precedes the bad bytes is valid: its lines and the length of the last one are the place.
    const before = decoder.decode(bytes.subarray(0, at)).replace(/^\uFEFF/, '');
    const lines = before.split(/\r\n?|\n/);
    const bad = [...bytes.subarray(at, at + length)].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'));
    return {
      line: lines.length,
      column: lines.at(-1)!.length + 1,
      message: `is not valid UTF-8: the ${bad.length === 1 ? 'byte' : 'bytes'} ${bad.join(' ')} here ${bad.length === 1 ? 'is' : 'are'} no UTF-8 character (a file saved as Latin-1 or Windows-1252 has such bytes)`,
      badBytes: bad,
    };
  }
}

/**
 * Whether `bytes` are UTF-16 text, and which form: a UTF-16 byte-order mark (FF FE, FE FF: no
 * UTF-8 text starts so), or, without one, a zero byte beside most other bytes of the first ones, as
 * UTF-16 writes the ASCII a paper or a vocabulary starts with (`---`, `- slug:`). Read as UTF-8,
 * without the mark such a file is valid, and was told to delete a U+0000 on every line.
 */
function utf16Form(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte-order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte-order mark';
  const pairs = Math.min(Math.floor(bytes.length / 2), 32);
  if (pairs < 2) return undefined;
  // Most pairs, not all: a letter past U+00FF (`ő`, an emoji's surrogates) has no zero byte.
  const zeroAt = (parity: number) =>
    Array.from({ length: pairs }, (_, pair) => [bytes[2 * pair + parity], bytes[2 * pair + 1 - parity]]).filter(
      ([zero, other]) => zero === 0 && other !== 0,
    ).length >=
    pairs * 0.75;
  if (zeroAt(1)) return 'little-endian';
  if (zeroAt(0)) return 'big-endian';
  return undefined;
}

/** How many bytes a UTF-8 sequence that starts with `lead` takes, or 0 where no sequence starts so. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Where the first ill-formed sequence starts, and its length: the lead byte and the continuation
 * bytes that fit it before the one that does not (Unicode's "maximal subpart", as TextDecoder's
 * fatal mode reads it: no overlong forms, surrogates or code points past U+10FFFF, Table 3-7).
 * Only called on bytes the decoder refused, so there is one.
 */
function firstIllFormed(bytes: Uint8Array): [number, number] {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = sequenceLength(lead);
    if (length === 0) return [index, 1];
    // The second byte's range depends on the lead byte; the others are 80..BF.
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return [index, next];
    }
    index += length;
  }
  return [index, 0];
}
