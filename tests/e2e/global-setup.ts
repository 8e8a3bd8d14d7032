/**
 * Builds the site once and serves it on 127.0.0.1 for every browser test file.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/ while iterating on tests, and E2E_DIST=<dir>
 * to build somewhere other than dist/.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { serve } from "../../scripts/serve.ts";
import { buildSite } from "../helpers/build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_DIST lets two test runs on one machine use separate builds.
  const dist = resolve(process.env["E2E_DIST"] ?? resolve(import.meta.dirname, "../../dist"));
  if (process.env["E2E_SKIP_BUILD"] !== "1" || !existsSync(dist)) buildSite(dist);
  const { server, url } = await serve({ root: dist });
  project.provide("baseUrl", url);
  project.provide("distDir", dist);
  return () =>
    new Promise((done) =>
      server.close(() => {
        done();
      }),
    );
}
