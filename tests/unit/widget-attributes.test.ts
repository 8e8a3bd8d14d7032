import { describe, expect, test } from "vitest";
import { accentProperties, headingLevelOf, lengthOf, themeOf } from "../../src/widget/attributes.ts";

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

describe("accent and accent-dark", () => {
  const props = (accent: string | null, accentDark: string | null) => {
    const warnings: string[] = [];
    const set = Object.fromEntries(accentProperties(accent, accentDark, (m) => warnings.push(m)));
    return { set, warnings };
  };

  test("none set leaves the site's accents", () => {
    expect(props(null, null)).toEqual({
      set: {
        "--rk-accent": undefined,
        "--rk-on-accent": undefined,
        "--rk-dark-accent": undefined,
        "--rk-dark-on-accent": undefined,
      },
      warnings: [],
    });
  });

  test("each scheme gets its accent and the text computed for it", () => {
    expect(props(" #7a1f5c ", "#f0a8d8").set).toEqual({
      "--rk-accent": "#7a1f5c",
      "--rk-on-accent": "#fff",
      "--rk-dark-accent": "#f0a8d8",
      "--rk-dark-on-accent": "#000",
    });
  });

  test("accent alone leaves the dark scheme its site accent, quietly", () => {
    expect(props("#7a1f5c", null)).toMatchObject({
      set: { "--rk-accent": "#7a1f5c", "--rk-dark-accent": undefined, "--rk-dark-on-accent": undefined },
      warnings: [],
    });
  });

  test("a colour under AA is refused, and the console says so", () => {
    const { set, warnings } = props("#cccccc", "#7a1f5c");
    expect(set["--rk-accent"]).toBeUndefined();
    expect(set["--rk-dark-accent"]).toBeUndefined();
    expect(warnings).toEqual([
      'accent="#cccccc" is not used: WCAG AA needs a hex colour with 4.5:1 contrast on the light background.',
      'accent-dark="#7a1f5c" is not used: WCAG AA needs a hex colour with 4.5:1 contrast on the dark background.',
    ]);
  });

  test("a colour the check cannot read (a name, rgb(), oklch) is refused too", () => {
    expect(props("rebeccapurple", null).warnings).toEqual([
      'accent="rebeccapurple" is not used: WCAG AA needs a hex colour with 4.5:1 contrast on the light background.',
    ]);
    expect(props("red; background: url(x)", null).set["--rk-accent"]).toBeUndefined();
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
