/**
 * The content checks must stop a real `astro build`, not only pass in unit tests: build a copy
 * of the project with one broken template and read what the editor would see.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

test("astro build fails and names the file, the line and the fix", () => {
  const copy = mkdtempSync(join(tmpdir(), "rk-bad-build-"));
  for (const item of ["src", "astro.config.ts", "tsconfig.json", "package.json"]) {
    cpSync(join(ROOT, item), join(copy, item), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  writeFileSync(
    join(copy, "src/content/templates/broken-example.md"),
    "---\ntitle: Broken\nsummary: A broken template.\ntactic: own-the-lapse\nsituation: reference\nchannel: text\ntone: brief\nneed: broken\n---\nHi {{theirNmae}}\n",
  );
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status).not.toBe(0);
  expect(output).toContain("src/content/templates/broken-example.md:10");
  expect(output).toContain("uses {{theirNmae}}, which is not in the field registry");
  expect(output).toContain("did you mean {{theirName}}?");
});
