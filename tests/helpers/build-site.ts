/**
 * Builds the site into a folder, the way `npm run build` does: `astro build`, which also writes
 * the sitemap and the Pagefind index (src/build/). Tests call it instead of shelling out to npm,
 * so they work the same from any runner. Astro runs on this process's Node (the pinned one),
 * whatever `node` is first on PATH.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";

const ROOT = resolve(import.meta.dirname, "../..");
const ASTRO = resolve(ROOT, "node_modules/astro/bin/astro.mjs");

/**
 * Vitest puts its own import.meta.env into process.env (BASE_URL, MODE, DEV, PROD, SSR) and sets
 * NODE_ENV=test. A build that inherited them would take BASE_URL="/" over the configured base and
 * build in development mode, so the tests would check a different site from the one that ships.
 * SITE_BASE is dropped too: a test that wants a base path passes it, and one exported in the
 * shell must not move every other test's site into a folder.
 */
const VITEST_ENV = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "SITE_BASE"]);

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !VITEST_ENV.has(name) && !name.startsWith("VITEST")),
  );
}

/**
 * Returns the build's log as plain text. Astro colours its log whenever CI is set (as it is on
 * the CI machine), so the colour codes are removed before tests read the words.
 */
export function buildSite(outDir: string, env: Record<string, string> = {}): string {
  const options = {
    cwd: ROOT,
    stdio: "pipe" as const,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    encoding: "utf8" as const,
  };
  return stripVTControlCharacters(
    execFileSync(process.execPath, [ASTRO, "build", "--outDir", outDir], options),
  );
}
