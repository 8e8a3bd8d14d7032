import { ESLint } from "eslint";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

/** The rules that fire on `code` as if it were an existing file of src/lib. */
async function rulesFor(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, "src/lib/ids.ts") });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("the lint rule that keeps src/lib free of faces", () => {
  test.each([
    ['import { h } from "preact";\nexport const x = h;\n', "no-restricted-imports"],
    [
      'import { getCollection } from "astro:content";\nexport const x = getCollection;\n',
      "no-restricted-imports",
    ],
    [
      'import { copyText } from "../client/clipboard.ts";\nexport const x = copyText;\n',
      "no-restricted-imports",
    ],
    ["export const x = (): string => document.title;\n", "no-restricted-globals"],
    ['export const x = (): string | null => localStorage.getItem("k");\n', "no-restricted-globals"],
    ["export const x = (): string => navigator.language;\n", "no-restricted-globals"],
  ])("refuses %j", async (code, rule) => {
    expect(await rulesFor(code)).toContain(rule);
  });

  test("accepts plain TypeScript", async () => {
    expect(await rulesFor("export const twice = (n: number): number => n * 2;\n")).toEqual([]);
  });
});
