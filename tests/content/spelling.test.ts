/**
 * Spelling gate: CSpell (US English, plus the short list in project-words.txt) over every content
 * file. Mustache tags and web addresses are skipped (cspell.json); a failure lists each unknown
 * word with its file, line and column, and CSpell's suggestion.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CSPELL = join(ROOT, "node_modules/cspell/bin.mjs");
const CONFIG = join(ROOT, "cspell.json");
const GLOB = "src/content/**/*.{md,mdx,yaml}";

interface SpellResult {
  readonly status: number | null;
  readonly filesChecked: number;
  /** Issue lines ("src/content/x.md:3:5 - Unknown word (teh) fix: (the)"), by file. */
  readonly issues: ReadonlyMap<string, string[]>;
  readonly output: string;
}

/** Run the CSpell command line on Node's own binary, as `npm test` runs it, in `cwd`. */
function spellCheck(cwd: string): SpellResult {
  const run = spawnSync(
    process.execPath,
    [CSPELL, "lint", "--config", CONFIG, "--no-progress", "--no-color", "--no-cache", GLOB],
    { cwd, encoding: "utf8" },
  );
  if (run.error !== undefined) throw run.error;
  const output = `${run.stdout}\n${run.stderr}`;
  const issues = new Map<string, string[]>();
  for (const line of output.split("\n")) {
    const match = /^(\S+?):\d+:\d+ - /.exec(line);
    if (match?.[1] === undefined) continue;
    issues.set(match[1], [...(issues.get(match[1]) ?? []), line.trim()]);
  }
  const checked = /Files checked: (\d+)/.exec(output)?.[1];
  return { status: run.status, filesChecked: Number(checked ?? Number.NaN), issues, output };
}

function contentFiles(dir: string, prefix = "src/content"): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? contentFiles(join(dir, entry.name), `${prefix}/${entry.name}`)
        : /\.(?:md|mdx|yaml)$/.test(entry.name)
          ? [`${prefix}/${entry.name}`]
          : [],
    )
    .sort();
}

const files = contentFiles(join(ROOT, "src/content"));
let result: SpellResult;

beforeAll(() => {
  result = spellCheck(ROOT);
});

describe("spelling (cspell, en-US and project-words.txt)", () => {
  test("CSpell checks every content file and finds no unknown word", () => {
    const all = [...result.issues.values()].flat();
    if (all.length > 0) console.error(`CSpell found ${all.length} unknown words:\n  ${all.join("\n  ")}`);
    expect(all).toEqual([]);
    expect(result.status, result.output).toBe(0);
    expect(result.filesChecked).toBe(files.length);
  });

  test.each(files)("%s has no spelling mistakes", (file) => {
    expect(result.issues.get(file) ?? []).toEqual([]);
  });
});

describe("the spelling gate catches mistakes and skips tags, addresses and project words", () => {
  test("a misspelled word in a template and a page is reported; the rest is not", () => {
    const root = mkdtempSync(join(tmpdir(), "rk-spell-"));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write(
      "src/content/templates/bad.md",
      "---\ntitle: Thank a refrence\n---\nHi {{theirNmae}}, see https://jobs.exmaple.com/xqzw. Brightline and Northwind say thanks.\n",
    );
    write(
      "src/content/tactics/bad.mdx",
      "---\ntitle: Fine\n---\n\n## Why it works\n\nIt is definately worth it.\n",
    );
    write("src/content/fields.yaml", "- id: theirName\n  label: Their name\n  example: Priya\n");

    const bad = spellCheck(root);
    const words = [...bad.issues.values()].flat().map((line) => /\(([^)]+)\)/.exec(line)?.[1]);
    expect(bad.status).not.toBe(0);
    expect(words.sort()).toEqual(["definately", "refrence"]);
    expect(bad.issues.get("src/content/templates/bad.md")?.[0]).toMatch(
      /^src\/content\/templates\/bad\.md:2:/,
    );
  });
});
