/**
 * SMS length facts for the message counter.
 *
 * Sources:
 * - 3GPP TS 23.038 (formerly GSM 03.38) §6.2.1: the GSM 7-bit default alphabet and its
 *   extension table. An extension character is sent as ESC (0x1B) followed by its code, so it
 *   costs two septets, and a receiver cannot rebuild it if the pair lands in two segments.
 * - 3GPP TS 23.040 §9.2.3.24.1: a concatenated message carries a 6-octet User Data Header.
 *   One message holds 140 octets: 160 septets or 70 UCS-2 units. With the header, 140 - 6 = 134
 *   octets remain: 67 UCS-2 units, or 153 septets (the header is padded to a septet boundary,
 *   49 bits = 7 septets, so 160 - 7).
 * - The data coding scheme (TS 23.038 §4) is set once per message, so a single character
 *   outside the GSM alphabet makes the whole message UCS-2. Phones send that as UTF-16, so a
 *   character outside the BMP takes two units and its surrogate pair must stay in one segment.
 */

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Capacity of each segment for this message: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  perSegment: number;
  /** Units left in the last segment before another segment is needed. */
  remaining: number;
  /** Distinct characters that forced UCS-2, in order of first appearance. */
  nonGsmCharacters: string[];
}

interface SegmentLimits {
  single: number;
  multipart: number;
}

const LIMITS: Readonly<Record<SmsEncoding, SegmentLimits>> = {
  "GSM-7": { single: 160, multipart: 153 },
  "UCS-2": { single: 70, multipart: 67 },
};

/*
 * TS 23.038 §6.2.1 default alphabet, codes 0x00–0x7F in order (0x1B, ESC, is left out: it
 * introduces an extension character and is not a character of its own):
 *
 *   @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,-./0123456789:;<=>?
 *   ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà
 *
 * and its §6.2.1.1 extension table: form feed, ^ { } \ [ ~ ] | and the euro sign. Written as
 * character classes, the ASCII runs as ranges (space to Z takes in !"# $ %...? @ and A-Z): the
 * widget carries this table, and the ranges are 50 bytes less of it gzipped. tests/unit/sms.test.ts
 * holds both classes to the table above, character by character.
 */
const GSM7_EXTENSION = /^[\f^{}\\[~\]|€]$/;
const GSM7 = /^[\n\r -Z_a-z£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\f^{}\\[~\]|€]$/;

function isGsm7Character(character: string): boolean {
  return GSM7.test(character);
}

// Iterating a string yields code points, so an emoji stays whole and a lone surrogate
// comes out on its own; both are what the encodings below need to weigh.
function codePoints(text: string): string[] {
  return Array.from(text);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function unitCost(character: string, encoding: SmsEncoding): number {
  if (encoding === "UCS-2") {
    return character.length;
  }
  return GSM7_EXTENSION.test(character) ? 2 : 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Fills segments in order, moving a character to the next segment when it does not fit whole.
 * Dividing the total by the capacity would undercount whenever an escape pair or a surrogate
 * pair meets a boundary.
 */
function pack(costs: readonly number[], capacity: number): { segments: number; lastFill: number } {
  let segments = 1;
  let fill = 0;
  for (const cost of costs) {
    if (fill + cost > capacity) {
      segments += 1;
      fill = 0;
    }
    fill += cost;
  }
  return { segments, lastFill: fill };
}

export function isGsm7(text: string): boolean {
  return codePoints(text).every(isGsm7Character);
}

export function countSms(text: string): SmsCount {
  const characters = codePoints(text);
  const nonGsmCharacters = distinct(characters.filter((c) => !isGsm7Character(c)));
  const encoding: SmsEncoding = nonGsmCharacters.length === 0 ? "GSM-7" : "UCS-2";
  const costs = characters.map((c) => unitCost(c, encoding));
  const units = sum(costs);
  const limits = LIMITS[encoding];

  if (units <= limits.single) {
    return {
      encoding,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: limits.single,
      remaining: limits.single - units,
      nonGsmCharacters,
    };
  }

  const { segments, lastFill } = pack(costs, limits.multipart);
  return {
    encoding,
    units,
    segments,
    perSegment: limits.multipart,
    remaining: limits.multipart - lastFill,
    nonGsmCharacters,
  };
}

// Typographic characters that word processors and phone keyboards insert automatically
// (Unicode General Punctuation block, U+2000–U+206F, plus a few Latin-1 look-alikes).
// Each one alone would switch a message to UCS-2 and cut its capacity from 160 to 70.
// Written as character classes rather than a table: this ships in the fill-in island's bundle.
const PLAIN_REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  // Curly single quotes, low/reversed quotes, single guillemets, prime, and the backtick and
  // acute accent people type as apostrophes (neither is in the GSM alphabet).
  [/[\u2018-\u201B\u2039\u203A\u2032`\u00B4]/g, "'"],
  // Curly double quotes, low/reversed quotes, guillemets and double prime.
  [/[\u201C-\u201F\u00AB\u00BB\u2033]/g, '"'],
  // Hyphens and dashes (U+2010–U+2015), the minus sign, and bullets pasted in as list markers.
  [/[\u2010-\u2015\u2212\u2022\u2023\u2043\u25E6]/g, "-"],
  [/\u2026/g, "..."],
  // Tab, no-break space, the fixed-width spaces U+2000–U+200A, narrow no-break space,
  // medium mathematical space and ideographic space.
  [/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " "],
  // Line and paragraph separators.
  [/[\u2028\u2029]/g, "\n"],
  // Invisible characters that would force UCS-2 without showing anything: soft hyphen,
  // zero-width space, word joiner and a stray byte-order mark. The zero-width joiner (U+200D)
  // is kept because it holds multi-person and skin-tone emoji together.
  [/[\u00AD\u200B\u2060\uFEFF]/g, ""],
];

/**
 * Swaps typographic punctuation and spaces for their GSM-7 equivalents and leaves everything
 * else alone, so emoji and other scripts still show up as UCS-2 in the count.
 *
 * NFC first: text pasted from some editors (macOS in particular) spells "é" as "e" plus a
 * combining accent (U+0301), which is not in the GSM alphabet; composed, it is.
 */
export function toPlainCharacters(text: string): string {
  return PLAIN_REPLACEMENTS.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text.normalize("NFC"),
  );
}
