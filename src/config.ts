/**
 * The site config as everything reads it: src/site.config.ts checked against its schema, with
 * the SITE_BASE environment variable applied. Pages, layouts, components, integrations,
 * astro.config.ts and scripts/serve.ts import `site` from here, never the raw file, so a bad
 * colour or address stops the build in one place and the base path has one source: build,
 * preview and start all agree on it (tests/unit/site-config.test.ts checks the imports).
 *
 * Build-time and Node only: it reads process.env, so browser code must not import it.
 */
import { parseSiteConfig, type SiteConfig } from "./schemas/site.ts";
import { site as siteInput } from "./site.config.ts";

/**
 * SITE_BASE builds and serves the same site under a folder, e.g. SITE_BASE=/careers/reconnect/.
 * The slashes around it may be left off ("careers/reconnect"); an empty value means the config's.
 */
export function resolveSite(
  input: SiteConfig,
  env: Readonly<Record<string, string | undefined>>,
): SiteConfig {
  const override = env["SITE_BASE"]?.trim() ?? "";
  const base =
    override === "" ? input.base : `/${override.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  try {
    return parseSiteConfig({ ...input, base });
  } catch (error) {
    // The schema's message names src/site.config.ts; say where a base from the environment came from.
    if (override === "") throw error;
    throw new Error(`${(error as Error).message}\n  (base is "${base}", from SITE_BASE=${override})`, {
      cause: error,
    });
  }
}

export const site: SiteConfig = resolveSite(siteInput, process.env);
