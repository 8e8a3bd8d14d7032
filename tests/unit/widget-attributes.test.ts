import { describe, expect, test } from "vitest";
import { colorOf, headingLevelOf, lengthOf, themeOf } from "../../src/widget/attributes.ts";

describe("theme", () => {
  test.each([
    [null, "auto"],
    ["", "auto"],
    ["light", "light"],
    [" DARK ", "dark"],
    ["auto", "auto"],
    ["sepia", "auto"],
  ])("%j -> %s", (value, theme) => {
    expect(themeOf(value)).toBe(theme);
  });
});

describe("accent", () => {
  // Node has no CSS.supports; the browser's answer is stood in for by a simple check.
  const supports = (color: string) => /^#[0-9a-f]{3,8}$|^rebeccapurple$|^oklch\(/i.test(color);
  test.each([
    ["#b00", "#b00"],
    [" #0B5CAD ", "#0B5CAD"],
    ["rebeccapurple", "rebeccapurple"],
    ["oklch(60% 0.2 250)", "oklch(60% 0.2 250)"],
    ["", undefined],
    [null, undefined],
    ["red; background: url(x)", undefined],
  ])("%j -> %j", (value, color) => {
    expect(colorOf(value, supports)).toBe(color);
  });
});

describe("radius", () => {
  test.each([
    ["0", "0px"],
    ["8", "8px"],
    ["12px", "12px"],
    ["0.5em", "0.5em"],
    ["50%", "50%"],
    ["1rem", undefined],
    ["calc(1px)", undefined],
    ["-4", undefined],
    [null, undefined],
  ])("%j -> %j", (value, length) => {
    expect(lengthOf(value)).toBe(length);
  });
});

describe("heading level", () => {
  test.each([
    [null, 2],
    ["3", 3],
    ["6", 6],
    ["1", 2],
    ["7", 2],
    ["two", 2],
  ])("%j -> %i", (value, level) => {
    expect(headingLevelOf(value)).toBe(level);
  });
});
