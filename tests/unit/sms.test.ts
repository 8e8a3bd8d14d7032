import { describe, expect, test } from "vitest";

import { countSms, isGsm7, toPlainCharacters, type SmsCount } from "../../src/lib/sms";

const a = (n: number): string => "a".repeat(n);
const han = (n: number): string => "中".repeat(n);
const EMOJI = "😀";

type Expected = Pick<SmsCount, "encoding" | "units" | "segments" | "perSegment" | "remaining">;

describe("countSms", () => {
  test.each<[string, string, Expected]>([
    ["empty text", "", { encoding: "GSM-7", units: 0, segments: 0, perSegment: 160, remaining: 160 }],
    ["one character", "a", { encoding: "GSM-7", units: 1, segments: 1, perSegment: 160, remaining: 159 }],
    [
      "GSM-7 at 160 fills one segment",
      a(160),
      { encoding: "GSM-7", units: 160, segments: 1, perSegment: 160, remaining: 0 },
    ],
    [
      "GSM-7 at 161 needs two segments of 153",
      a(161),
      { encoding: "GSM-7", units: 161, segments: 2, perSegment: 153, remaining: 145 },
    ],
    [
      "GSM-7 at 306 fills two segments",
      a(306),
      { encoding: "GSM-7", units: 306, segments: 2, perSegment: 153, remaining: 0 },
    ],
    [
      "GSM-7 at 307 needs three segments",
      a(307),
      { encoding: "GSM-7", units: 307, segments: 3, perSegment: 153, remaining: 152 },
    ],
    [
      "line breaks are GSM-7 and count once each",
      "a\nb\r\nc",
      { encoding: "GSM-7", units: 6, segments: 1, perSegment: 160, remaining: 154 },
    ],
    [
      "extension characters count twice",
      "€{}[]~|^\\\f",
      { encoding: "GSM-7", units: 20, segments: 1, perSegment: 160, remaining: 140 },
    ],
    [
      "an extension character at the end of one segment still fits",
      a(158) + "€",
      { encoding: "GSM-7", units: 160, segments: 1, perSegment: 160, remaining: 0 },
    ],
    [
      "an extension character that makes 161 septets splits the message",
      a(159) + "€",
      { encoding: "GSM-7", units: 161, segments: 2, perSegment: 153, remaining: 145 },
    ],
    [
      "a € that would straddle septet 153 moves to the next segment",
      a(152) + "€" + a(10),
      { encoding: "GSM-7", units: 164, segments: 2, perSegment: 153, remaining: 141 },
    ],
    [
      "a € at the boundary adds a segment that dividing would miss",
      a(152) + "€" + a(152),
      { encoding: "GSM-7", units: 306, segments: 3, perSegment: 153, remaining: 152 },
    ],
    [
      "UCS-2 at 70 fills one segment",
      han(70),
      { encoding: "UCS-2", units: 70, segments: 1, perSegment: 70, remaining: 0 },
    ],
    [
      "UCS-2 at 71 needs two segments of 67",
      han(71),
      { encoding: "UCS-2", units: 71, segments: 2, perSegment: 67, remaining: 63 },
    ],
    [
      "UCS-2 at 134 fills two segments",
      han(134),
      { encoding: "UCS-2", units: 134, segments: 2, perSegment: 67, remaining: 0 },
    ],
    [
      "UCS-2 at 135 needs three segments",
      han(135),
      { encoding: "UCS-2", units: 135, segments: 3, perSegment: 67, remaining: 66 },
    ],
    [
      "one non-GSM character switches plain text to UCS-2",
      a(100) + "中",
      { encoding: "UCS-2", units: 101, segments: 2, perSegment: 67, remaining: 33 },
    ],
    [
      "an emoji is two UTF-16 units",
      EMOJI,
      { encoding: "UCS-2", units: 2, segments: 1, perSegment: 70, remaining: 68 },
    ],
    [
      "extension characters count once in UCS-2",
      "€" + EMOJI,
      { encoding: "UCS-2", units: 3, segments: 1, perSegment: 70, remaining: 67 },
    ],
    [
      "a surrogate pair that would straddle unit 67 moves to the next segment",
      han(66) + EMOJI + han(3),
      { encoding: "UCS-2", units: 71, segments: 2, perSegment: 67, remaining: 62 },
    ],
    [
      "a surrogate pair at the boundary adds a segment that dividing would miss",
      han(66) + EMOJI + han(66),
      { encoding: "UCS-2", units: 134, segments: 3, perSegment: 67, remaining: 66 },
    ],
    [
      "a lone surrogate counts as one unit",
      "\uD83D",
      { encoding: "UCS-2", units: 1, segments: 1, perSegment: 70, remaining: 69 },
    ],
  ])("%s", (_name, text, expected) => {
    expect(countSms(text)).toMatchObject(expected);
  });

  test.each<[string, string, string[]]>([
    ["GSM-7 text", "Hello £5 @ 10:00 {ok}", []],
    ["one character", "Hi 中", ["中"]],
    ["distinct, in order of first appearance", "’a“b’c”d“", ["’", "“", "”"]],
    ["emoji stay whole", `${EMOJI} and ${EMOJI} and 👍`, [EMOJI, "👍"]],
    ["lowercase c-cedilla is not GSM (only Ç is)", "çÇ", ["ç"]],
    ["the backtick is not GSM", "`x`", ["`"]],
  ])("nonGsmCharacters: %s", (_name, text, expected) => {
    expect(countSms(text).nonGsmCharacters).toEqual(expected);
  });
});

describe("isGsm7", () => {
  test.each<[string, string, boolean]>([
    ["empty text", "", true],
    ["ASCII letters, digits and punctuation", "Hi Ana! Call me at +1 (555) 123-4567?", true],
    ["accented letters in the GSM set", "Café, Señor, Øre, Åse, ÄÖÜ äöü ß É ù ì ò à è", true],
    ["Greek capitals in the GSM set", "ΔΦΓΛΩΠΨΣΘΞ", true],
    ["extension characters", "€ {} [] ~ | ^ \\ \f", true],
    ["currency and inverted punctuation", "£ $ ¥ ¤ § ¡ ¿", true],
    ["curly apostrophe", "It’s", false],
    ["en dash", "9–5", false],
    ["accented letter outside the set", "á", false],
    ["emoji", EMOJI, false],
    ["the escape character itself", "\u001B", false],
    ["tab", "\t", false],
  ])("%s", (_name, text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });
});

describe("the GSM 7-bit alphabet, against TS 23.038's tables", () => {
  // §6.2.1, codes 0x00-0x7F in order without 0x1B (ESC), and the §6.2.1.1 extension table.
  const BASIC =
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
    " !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
    "¿abcdefghijklmnopqrstuvwxyzäöñüà";
  const EXTENSION = "\f^{}\\[~]|€";

  test("the tables hold 127 and 10 characters", () => {
    expect(new Set(BASIC).size).toBe(127);
    expect(new Set(EXTENSION).size).toBe(10);
  });

  test("every character of the Basic Multilingual Plane is GSM exactly when a table has it, and an extension one costs two septets", () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const character = String.fromCharCode(code);
      const basic = BASIC.includes(character);
      const extension = EXTENSION.includes(character);
      const { encoding, units } = countSms(character);
      const expected = basic || extension ? (extension ? ["GSM-7", 2] : ["GSM-7", 1]) : ["UCS-2", 1];
      if (isGsm7(character) !== (basic || extension) || encoding !== expected[0] || units !== expected[1])
        wrong.push(`U+${code.toString(16).padStart(4, "0")}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("toPlainCharacters", () => {
  test.each<[string, string, string]>([
    ["curly single quotes", "‘It’s’", "'It's'"],
    ["curly double quotes", "“Hello”", '"Hello"'],
    ["low and reversed quotes", "„a‟ ‚b‛", "\"a\" 'b'"],
    ["guillemets", "«a» ‹b›", "\"a\" 'b'"],
    ["primes", "5′ 9″", "5' 9\""],
    ["backtick and acute accent used as apostrophes", "it`s it´s", "it's it's"],
    ["en dash, em dash, minus and hyphens", "9–5 — −3 ‐ ‑ ‒ ―", "9-5 - -3 - - - -"],
    ["ellipsis", "Wait…", "Wait..."],
    ["bullets", "• one\n◦ two\n‣ three\n⁃ four", "- one\n- two\n- three\n- four"],
    ["no-break and other unicode spaces", "a\u00A0b\u2009c\u202Fd\u3000e\u2003f", "a b c d e f"],
    ["tab", "a\tb", "a b"],
    ["line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc"],
    ["invisible characters are removed", "soft\u00ADhyphen\u200B\u2060\uFEFF", "softhyphen"],
    ["decomposed accents are composed", "Cafe\u0301", "Café"],
    ["emoji stay", `Thanks ${EMOJI}!`, `Thanks ${EMOJI}!`],
    ["zero-width joiners in emoji stay", "👩\u200D💻", "👩\u200D💻"],
    ["other scripts stay", "谢谢 Ана", "谢谢 Ана"],
    [
      "GSM-7 text is unchanged",
      "Plain 'text' - with \"quotes\" & €5...",
      "Plain 'text' - with \"quotes\" & €5...",
    ],
  ])("%s", (_name, text, expected) => {
    expect(toPlainCharacters(text)).toBe(expected);
  });

  test.each<[string, string]>([
    ["curly-quoted text", "Hi Sam — it’s been a while! “Quick” question… • Are you free?"],
    ["typographic spaces and dashes", "Mon\u00A0–\u00A0Fri, 9\u2009am"],
  ])("makes %s GSM-7", (_name, text) => {
    expect(isGsm7(text)).toBe(false);
    const plain = toPlainCharacters(text);
    expect(isGsm7(plain)).toBe(true);
    expect(countSms(plain)).toMatchObject({ encoding: "GSM-7", nonGsmCharacters: [] });
  });

  test("leaves emoji alone so the count still says UCS-2", () => {
    const plain = toPlainCharacters(`It’s great ${EMOJI}`);
    expect(plain).toBe(`It's great ${EMOJI}`);
    expect(countSms(plain)).toMatchObject({ encoding: "UCS-2", nonGsmCharacters: [EMOJI] });
  });
});
