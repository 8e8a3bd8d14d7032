import type { Plugin } from "vite";
import type { SiteConfig } from "../schemas/site.ts";

const MODULE_ID = "virtual:reconnect-kit/brand.css";
// The "\0" prefix marks a virtual module in Rollup; ".css" keeps it in Vite's CSS pipeline.
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The brand colours from site.config.ts as custom properties, bundled with the other CSS. */
export function brandCss(site: SiteConfig): string {
  return `@layer tokens { :root { --brand-accent: ${site.colors.accent}; --brand-accent-dark: ${site.colors.accentDark}; } }\n`;
}

/**
 * Serves the brand colours as a CSS module, so they ship in the bundled stylesheet instead of an
 * inline style (which a strict CSP would have to allow).
 */
export function brandCssPlugin(site: SiteConfig): Plugin {
  return {
    name: "reconnect-kit:brand-css",
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? brandCss(site) : undefined),
  };
}
