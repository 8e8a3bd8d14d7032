/**
 * What a built page costs a phone on first load: every script it runs at page load (inline
 * scripts, module scripts, island components and renderers, and the modules they import
 * statically), and its stylesheets, each measured gzipped. Dynamic import() is left out on
 * purpose: that code loads only when someone uses the feature.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Asset {
  /** A path under dist, or "inline #n" for an inline script. */
  readonly name: string;
  readonly gzipBytes: number;
}

export function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

function distPath(dist: string, url: string): string {
  return join(dist, url.split(/[?#]/)[0] ?? url);
}

/** Static imports of a built ES module: `import ... from "./x.js"` and `import "./x.js"`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  for (const match of code.matchAll(/export\s*[\w*{}\s,$]*from\s*["']([^"']+)["']/g)) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}

export function pageScripts(dist: string, html: string, base = "/"): Asset[] {
  const assets: Asset[] = [];
  let inline = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? "";
    const code = match[2] ?? "";
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
    if (code.trim() !== "") {
      inline += 1;
      assets.push({ name: `inline #${inline}`, gzipBytes: gzipSize(code) });
    }
  }
  const entries = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (match[1]) entries.add(match[1]);
  for (const match of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g))
    if (match[1]) entries.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (match[1]) entries.add(match[1]);

  const seen = new Set<string>();
  const queue = [...entries].map((url) => url.slice(base.length - 1));
  while (queue.length > 0) {
    const url = queue.shift() ?? "";
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(distPath(dist, url), "utf8");
    assets.push({ name: url, gzipBytes: gzipSize(code) });
    for (const specifier of staticImports(code)) {
      queue.push(new URL(specifier, `http://x${url}`).pathname);
    }
  }
  return assets;
}

export function pageStyles(dist: string, html: string, base = "/"): Asset[] {
  const assets: Asset[] = [];
  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const url = (match[1] ?? "").slice(base.length - 1);
    assets.push({ name: url, gzipBytes: gzipSize(readFileSync(distPath(dist, url))) });
  }
  let inline = 0;
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    inline += 1;
    assets.push({ name: `inline style #${inline}`, gzipBytes: gzipSize(match[1] ?? "") });
  }
  return assets;
}

export function total(assets: readonly Asset[]): number {
  return assets.reduce((sum, asset) => sum + asset.gzipBytes, 0);
}

/** "12,345 bytes: a.js 8,000, inline #1 226, ..." — biggest first, so the file that grew is named. */
export function describeAssets(assets: readonly Asset[]): string {
  const parts = [...assets]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((a) => `${a.name} ${a.gzipBytes.toLocaleString("en-US")}`);
  return `${total(assets).toLocaleString("en-US")} bytes gzipped: ${parts.join(", ")}`;
}
