import { expect, test } from "vitest";
import { contrastRatio, parseHexColor } from "../../src/lib/contrast.ts";

test.each([
  ["#000000", "#ffffff", 21],
  ["#fff", "#000", 21],
  ["#777777", "#ffffff", 4.48],
  ["#0b5cad", "#ffffff", 6.67],
  ["#ffffff", "#ffffff", 1],
])("contrast of %s on %s is %d", (fg, bg, expected) => {
  expect(contrastRatio(fg, bg)).toBeCloseTo(expected, 2);
});

test.each(["red", "#12", "#gggggg", "0b5cad", ""])("%j is not a hex colour", (value) => {
  expect(parseHexColor(value)).toBeUndefined();
  expect(contrastRatio(value, "#fff")).toBeUndefined();
});
