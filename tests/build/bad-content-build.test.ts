/**
 * The content checks must stop a real `astro build`, not only pass in unit tests: build a copy
 * of the project with broken content and read what the editor would see. In the build the checks
 * run on the entries Astro's loaders produce (src/build/content-check-loader.ts), so these cases
 * cover that path; tests/content/content-check.test.ts covers every kind of problem through
 * checkLibrary, which reads fixture folders itself.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

const BROKEN_FIELD =
  "---\ntitle: Broken\nsummary: A broken template.\ntactic: own-the-lapse\nsituation: reference\nchannel: text\ntone: brief\nneed: broken\n---\nHi {{theirNmae}}\n";

/** A copy of the project with `files` written over it (paths from the project root). */
function brokenCopy(files: Record<string, string>): string {
  const copy = mkdtempSync(join(tmpdir(), "rk-bad-build-"));
  for (const item of ["src", "astro.config.ts", "tsconfig.json", "package.json"]) {
    cpSync(join(ROOT, item), join(copy, item), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), text);
  }
  return copy;
}

function build(copy: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The line a regular expression first matches on. */
const lineOf = (text: string, pattern: RegExp): number =>
  text.slice(0, text.search(pattern)).split("\n").length;

// One broken copy holds several kinds of mistake, so two builds cover them all: the check lists
// every problem at once. The cases are the ones only Astro's loaders see differently from
// checkLibrary: a schema Astro refuses, a slug its store keeps once, the registry it reads.
describe("astro build fails and names the file, the line and the fix", () => {
  const fieldsYaml = readFileSync(join(ROOT, "src/content/fields.yaml"), "utf8");
  const quotedDate = /example: "(\d{4}-\d\d-\d\d)"/.exec(fieldsYaml);
  const ownTheLapse = readFileSync(join(ROOT, "src/content/tactics/own-the-lapse.mdx"), "utf8");
  const copy = brokenCopy({
    "src/content/templates/broken-example.md": BROKEN_FIELD,
    "src/content/templates/bad-channel.md": BROKEN_FIELD.replace("channel: text", "channel: sms"),
    "src/content/templates/more/thank-you-text.md": readFileSync(
      join(ROOT, "src/content/templates/thank-you-text.md"),
      "utf8",
    ),
    "src/content/fields.yaml": fieldsYaml.replace(quotedDate?.[0] ?? "", `example: ${quotedDate?.[1] ?? ""}`),
    "src/content/templates/partial-text.md": BROKEN_FIELD.replace(
      "{{theirNmae}}",
      "{{theirName}}\n{{> signature}}",
    ),
    "src/content/tactics/own-the-lapse.mdx": `${ownTheLapse}\nCall them [today](javascript:alert(1)).\n`,
    "src/content/templates/blank-first.md": BROKEN_FIELD.replace(
      "title: Broken",
      "title: Blank first",
    ).replace("Hi {{theirNmae}}\n", "\nHi there,\nsee you, {{theirNmae}}\n"),
    "src/content/templates/curly-text.md": BROKEN_FIELD.replace("title: Broken", "title: Curly").replace(
      "Hi {{theirNmae}}\n",
      "Hi there,\nit\u2019s {{theirName}}.\n",
    ),
  });
  let first = { status: null as number | null, output: "" };
  beforeAll(() => {
    first = build(copy);
  });

  test("a field that is not in the registry", () => {
    expect(first.status).not.toBe(0);
    expect(first.output).toContain("src/content/templates/broken-example.md:10");
    expect(first.output).toContain("uses {{theirNmae}}, which is not in the field registry");
    expect(first.output).toContain("did you mean {{theirName}}?");
  });

  test("frontmatter Astro's schema refuses: the line and the fix, not Astro's own error", () => {
    expect(first.output).toContain("src/content/templates/bad-channel.md:6");
    expect(first.output).toContain('`channel` is "sms", which is not one of its choices');
    expect(first.output).toContain("Fix: write one of: email, text,");
  });

  test("the build stops with the check's list and what to do, not a stack trace", () => {
    expect(first.output).toMatch(/The content has \d+ problems:/);
    expect(first.output).toContain("Fix the files named above, then build again");
    expect(first.output).not.toContain("Stack trace");
    expect(first.output).not.toMatch(/^\s+at .*content-check/m);
  });

  test("a body that starts with a blank line: the problem at its own line, not one off", () => {
    expect(first.output).toContain(
      "src/content/templates/blank-first.md:12\n    the message uses {{theirNmae}}",
    );
  });

  test("a curly apostrophe in a text, at its own line and column, before what it costs", () => {
    expect(first.output).toContain("src/content/templates/curly-text.md:11:3");
    expect(first.output).toContain(
      "the text has a curly apostrophe (\u2019, U+2019) at column 3, which is not in the GSM-7 SMS alphabet",
    );
  });

  test("a tag the template engine does not support, blamed on the template alone", () => {
    expect(first.output).toContain("src/content/templates/partial-text.md:11:1");
    expect(first.output).toContain("a partial, {{> signature}}");
    expect(first.output).toContain("partials aren't supported: paste the text in");
  });

  test("a javascript: link in a tactic's MDX, blamed on the tactic alone", () => {
    const line = `${ownTheLapse}\n`.split("\n").length;
    expect(first.output).toContain(`src/content/tactics/own-the-lapse.mdx:${line}:11`);
    expect(first.output).toContain('a link to "javascript:alert(1)"');
    expect(first.output).not.toMatch(/templates\/[\w-]+\.md:\d+(:\d+)?\n.*own-the-lapse/);
  });

  test("two files with one slug, of which Astro's store keeps only one", () => {
    expect(first.output).toContain('two templates share the slug "thank-you-text"');
  });

  test("a registry field Astro's schema refuses, at its item's line", () => {
    expect(quotedDate).not.toBeNull();
    const example = lineOf(fieldsYaml, /example: "\d{4}-/);
    const reported = Number(
      /src\/content\/fields\.yaml:(\d+)\n.*\n.*write dates as "YYYY-MM-DD"/.exec(first.output)?.[1],
    );
    // The item starts at its `- id:` line, a few lines above the example.
    expect(reported).toBeLessThanOrEqual(example);
    expect(reported).toBeGreaterThan(example - 6);
  });

  test("the next build, finding the files unchanged in Astro's content cache, fails the same", () => {
    const second = build(copy);
    expect(second.status).not.toBe(0);
    expect(second.output).toContain("src/content/templates/bad-channel.md:6");
    expect(second.output).toContain('two templates share the slug "thank-you-text"');
  });
});
