import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MAX_FILE_STEM, safeFileName } from "../../src/lib/file-names.ts";
import { downloadName } from "../../src/lib/fill/view.ts";

/** What every file name the site makes must be, on Windows, macOS and Linux alike. */
const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$/;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

function expectSafe(name: string): void {
  expect(name).toMatch(SAFE);
  expect(name).not.toMatch(WINDOWS_RESERVED);
  expect(name.slice(0, name.lastIndexOf(".")).length).toBeLessThanOrEqual(MAX_FILE_STEM);
}

describe("safeFileName", () => {
  test.each([
    ["a-template", "txt", "a-template.txt"],
    ["reconnect-plan Zoë, Ana; O'Brien", "ics", "reconnect-plan-zoe-ana-o-brien.ics"],
    ["reconnect-plan José Núñez", "ics", "reconnect-plan-jose-nunez.ics"],
    ["  Dan.  ", "txt", "dan.txt"],
    ['a<b>c:d"e/f\\g|h?i*j', "txt", "a-b-c-d-e-f-g-h-i-j.txt"],
    ["tab\tnew\nline\u0000nul", "txt", "tab-new-line-nul.txt"],
    ["...", "txt", "reconnect-kit.txt"],
    ["王伟 🎉", "ics", "reconnect-kit.ics"],
    ["$&-$1-$$-$'-$`", "txt", "1.txt"],
    ["CON", "txt", "con-file.txt"],
    ["nul", "txt", "nul-file.txt"],
    ["com1", "txt", "com1-file.txt"],
    ["LPT9", "txt", "lpt9-file.txt"],
    ["console", "txt", "console.txt"],
  ])("%j .%s -> %s", (text, extension, name) => {
    expect(safeFileName(text, extension)).toBe(name);
    expectSafe(name);
  });

  test("a 1,000-character name is cut to 80 characters before the extension, never on a hyphen", () => {
    const name = safeFileName(`${"a".repeat(79)} ${"b".repeat(921)}`, "txt");
    expect(name).toBe(`${"a".repeat(79)}.txt`);
    expect(safeFileName("x".repeat(1000), "ics")).toBe(`${"x".repeat(80)}.ics`);
  });

  test("an empty name uses the fallback, itself made safe", () => {
    expect(safeFileName("", "ics", "reconnect-plan")).toBe("reconnect-plan.ics");
    expect(safeFileName("", "txt", "")).toBe("file.txt");
  });

  test("property: any text gives a short, safe name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1200 }), (text) => {
        expectSafe(safeFileName(text, "txt"));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the fill-in's download name", () => {
  test.each([
    ["a slug", "thank-you-text", "thank-you-text.txt"],
    ["a name Windows reserves", "con", "con-file.txt"],
    ["1,000 characters", "a".repeat(1000), `${"a".repeat(80)}.txt`],
  ])("%s", (_name, slug, name) => {
    expect(downloadName({ slug })).toBe(name);
  });
});
