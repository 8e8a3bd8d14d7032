/**
 * Builds the site (Astro, then the Pagefind index) into a folder, the way `npm run build` does.
 * Tests call it instead of shelling out to npm, so they work the same from any runner. The CLIs
 * run on this process's Node (the pinned one), whatever `node` is first on PATH.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const ASTRO = resolve(ROOT, "node_modules/astro/bin/astro.mjs");
const PAGEFIND = resolve(ROOT, "node_modules/pagefind/lib/runner/bin.cjs");

export function buildSite(outDir: string, env: Record<string, string> = {}): void {
  const options = {
    cwd: ROOT,
    stdio: "pipe" as const,
    // Vitest sets NODE_ENV=test, which would make Vite build with import.meta.env.DEV true:
    // the tests must check the same build that ships.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    encoding: "utf8" as const,
  };
  execFileSync(process.execPath, [ASTRO, "build", "--outDir", outDir], options);
  execFileSync(process.execPath, [PAGEFIND, "--site", outDir], options);
}
