/**
 * Builds the site (Astro, then the Pagefind index) into a folder, the way `npm run build` does.
 * Tests call it instead of shelling out to npm, so they work the same from any runner.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "node_modules/.bin");

export function buildSite(outDir: string, env: Record<string, string> = {}): void {
  const options = {
    cwd: ROOT,
    stdio: "pipe" as const,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8" as const,
  };
  execFileSync(resolve(BIN, "astro"), ["build", "--outDir", outDir], options);
  execFileSync(resolve(BIN, "pagefind"), ["--site", outDir], options);
}
