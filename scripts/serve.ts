/**
 * A small static file server for the built site, bound to 127.0.0.1. `npm start` and
 * `npm run preview` use it, and so do the browser tests. It honours the site's base path,
 * serves 404.html for unknown paths, answers the rewrites of dist/_redirects, and sends the
 * headers dist/_headers gives each path
 * (security headers and CSP, caching, CORS), as Cloudflare Pages and Netlify do: the rules are
 * read by src/lib/hosting.ts, the module that writes them, with Cloudflare's documented way of
 * combining rules (the build tests check Netlify's reading gives the same headers). A 404 gets
 * the headers of the address asked for, as on those hosts.
 *
 * Usage: node scripts/serve.ts [dir] [--port N]  (PORT in the environment works too)
 *
 * The base path is the build's: `base` in src/site.config.ts, or SITE_BASE when set, read
 * through src/config.ts as astro.config.ts reads it. So `SITE_BASE=/careers/reconnect/ npm start`
 * builds and serves the same folder, and `npm run preview` needs the SITE_BASE the build had.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import { createGzip } from "node:zlib";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { site } from "../src/config.ts";
import { headersFor, parseHeadersFile, parseRedirectsFile, rewriteFor } from "../src/lib/hosting.ts";

const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ics": "text/calendar; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export interface ServeOptions {
  readonly root: string;
  readonly port?: number;
  /** The site's base path, e.g. "/careers/reconnect/". */
  readonly base?: string;
}

function fileFor(root: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    const stats = statSync(path);
    if (stats.isFile()) return path;
    if (stats.isDirectory()) {
      const index = join(path, "index.html");
      return statSync(index).isFile() ? index : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The rules of a host file in root (_headers, _redirects), read by `parse`; none when there is no
 * such file (a folder of plain pages). A file that does not parse stops the server, naming it.
 */
function hostRules<T>(root: string, name: string, parse: (text: string) => T[]): T[] {
  const file = join(root, name);
  if (!existsSync(file)) return [];
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The request handler, for an HTTP or HTTPS server. `_headers` and `_redirects` are read once,
 * when the handler is made, as a host reads them once per deploy.
 */
export function siteHandler({ root, base = "/" }: Omit<ServeOptions, "port">): RequestListener {
  const absoluteRoot = resolve(root);
  const rules = hostRules(absoluteRoot, "_headers", parseHeadersFile);
  const rewrites = hostRules(absoluteRoot, "_redirects", parseRedirectsFile);
  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let path = url.pathname;
    if (!path.startsWith(base)) {
      response.writeHead(302, { location: base }).end();
      return;
    }
    path = `/${path.slice(base.length)}`;
    let file: string | undefined;
    try {
      file = fileFor(absoluteRoot, path);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    if (
      file !== undefined &&
      file.endsWith(`${sep}index.html`) &&
      !path.endsWith("/") &&
      !path.endsWith(".html")
    ) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    // A rewrite answers an address with no file of its own (Netlify's reading; the site's rules
    // give Cloudflare's the same answers, see src/lib/hosting.ts).
    const rewritten = file === undefined ? rewriteFor(rewrites, url.pathname) : undefined;
    if (rewritten?.startsWith(base)) file = fileFor(absoluteRoot, `/${rewritten.slice(base.length)}`);
    const status = file === undefined ? 404 : 200;
    file ??= fileFor(absoluteRoot, "/404.html");
    // What the server sends on its own; a rule for the same header replaces it, as on the hosts.
    const defaults = {
      "Content-Type":
        file === undefined
          ? "text/plain; charset=utf-8"
          : (MIME[extname(file)] ?? "application/octet-stream"),
      "Cache-Control": "no-cache",
    };
    // Rules match the address as requested (percent-encoded, base path included).
    const headers = Object.fromEntries(headersFor(rules, url.pathname, defaults));
    // Text goes gzipped to a browser that takes it, as the static hosts send it, so byte and
    // timing figures (npm run bench) match a deploy; Pagefind's own files are gzipped already.
    const gzip =
      file !== undefined &&
      /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/.test(headers["content-type"] ?? "") &&
      /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    if (gzip) Object.assign(headers, { "content-encoding": "gzip", vary: "Accept-Encoding" });
    response.writeHead(status, headers);
    if (file === undefined) response.end("Not found");
    else if (request.method === "HEAD") response.end();
    else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
    else createReadStream(file).pipe(response);
  };
}

export function serve({
  root,
  port = 0,
  base = "/",
}: ServeOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(siteHandler({ root, base }));
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address !== null ? address.port : port;
      resolvePromise({ server, url: `http://127.0.0.1:${actualPort}${base}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf("--port");
  const port = Number(portFlag === -1 ? (process.env["PORT"] ?? 4321) : args[portFlag + 1]);
  const dir = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--port") ?? "dist";
  Promise.resolve()
    .then(() => serve({ root: dir, port, base: site.base }))
    .then(({ url }) => {
      console.log(`${site.name} is running at ${url}  (Ctrl+C to stop)`);
    })
    .catch((error: unknown) => {
      console.error(`Could not start the server: ${(error as Error).message}`);
      process.exit(1);
    });
}
