import { describe, expect, test } from "vitest";
import {
  checkAccent,
  contrastRatio,
  parseHexColor,
  readableTextOn,
  textOnAccent,
} from "../../src/lib/contrast.ts";

test.each([
  ["#000000", "#ffffff", 21],
  ["#fff", "#000", 21],
  ["#777777", "#ffffff", 4.48],
  ["#0b5cad", "#ffffff", 6.67],
  ["#ffffff", "#ffffff", 1],
])("contrast of %s on %s is %d", (fg, bg, expected) => {
  expect(contrastRatio(fg, bg)).toBeCloseTo(expected, 2);
});

test.each(["red", "#12", "#gggggg", "0b5cad", "", "rgb(1, 2, 3)", "#11223344"])(
  "%j is not a hex colour",
  (value) => {
    expect(parseHexColor(value)).toBeUndefined();
    expect(contrastRatio(value, "#fff")).toBeUndefined();
  },
);

test.each([
  ["#7A1F5C", [122, 31, 92]],
  [" #abc ", [170, 187, 204]],
])("parseHexColor(%j) is %j", (text, rgb) => {
  expect(parseHexColor(text)).toEqual(rgb);
});

describe("an accent for a scheme", () => {
  test.each([
    // The brand colour: fine as the light accent, white text on it.
    ["#7a1f5c", "light", "#fff"],
    ["#0b5cad", "light", "#fff"],
    // Light accents for the dark scheme carry black text.
    ["#8cc4ff", "dark", "#000"],
    ["#f0a8d8", "dark", "#000"],
    ["#ffffff", "dark", "#000"],
    ["#000000", "light", "#fff"],
  ] as const)("%s passes in %s with %s on it", (color, scheme, onAccent) => {
    expect(checkAccent(color, scheme)).toEqual({ ok: true, onAccent });
  });

  test.each([
    [
      "#7a1f5c",
      "dark",
      /^#7a1f5c on the dark background #121417 has a contrast of 1\.\d\d:1; WCAG AA needs 4\.5:1 for text\. Pick a lighter shade$/,
    ],
    [
      "#cccccc",
      "light",
      /^#cccccc on the light background #ffffff has a contrast of 1\.61:1; .* Pick a darker shade$/,
    ],
    ["#777777", "light", /contrast of 4\.48:1/],
    ["red", "light", /^"red" is not a colour this check reads; write it as #rrggbb$/],
  ] as const)("%s is refused in %s, with the reason", (color, scheme, reason) => {
    const check = checkAccent(color, scheme);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.reason).toMatch(reason);
  });

  test("white or black always reaches AA on any colour", () => {
    for (let value = 0; value < 256; value += 5) {
      for (const rgb of [
        [value, value, value],
        [value, 0, 255 - value],
        [255, value, 0],
      ] as const) {
        const text = readableTextOn([...rgb]);
        const hex = `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
        expect(contrastRatio(text, hex), `${text} on ${hex}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

test.each([
  ["#7a1f5c", "light", "#fff"],
  ["#f0a8d8", "dark", "#000"],
  ["#7a1f5c", "dark", undefined],
  ["#cccccc", "light", undefined],
  ["rgb(0, 0, 0)", "light", undefined],
] as const)("textOnAccent(%s, %s) is %j, as checkAccent decides", (color, scheme, text) => {
  expect(textOnAccent(color, scheme)).toBe(text);
  const check = checkAccent(color, scheme);
  expect(check.ok ? check.onAccent : undefined).toBe(text);
});
