/**
 * The library checks (src/lib/content-check/check.ts) as the build and `npm run check:content`
 * run them: with the collections' Zod schemas, the advice pages' MDX rules (mdx-check.ts, which
 * needs Node) and the site's locale, and, for the command and the tests, the files read from a
 * folder. Runs in Node only; the CMS preview runs the same check with its own reading.
 *
 * Two ways in, one check (checkEntries):
 * - In `astro build` and `astro dev`, src/build/content-check-loader.ts hands it the entries
 *   Astro's own loaders produced (src/content.config.ts), so the build reads and parses each
 *   file once. A file's text is read again only to put a line number on a problem.
 * - checkLibrary(root) reads a folder itself, for `npm run check:content` and the tests, which
 *   check fixture folders without running Astro.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { site } from "../config.ts";
import {
  checkEntries as checkWith,
  duplicateSlugProblems,
  FIELDS_PATH,
  missingRegistryProblem,
  parseFieldRegistry,
  slugOfFile,
  splitFrontmatter,
  type CheckedLibrary,
  type CheckRules,
  type FieldItem,
  type LibraryEntries,
  type ParsedFile,
  type Problem,
  type SourceFile,
} from "../lib/content-check/check.ts";
import { COLLECTION_SCHEMAS } from "../schemas/collections.ts";
import { mdxProblems } from "./mdx-check.ts";

// What the command, the tests and the CMS read besides the checks themselves.
export { FIELDS_PATH, formatProblems } from "../lib/content-check/check.ts";

/** The rules the build checks with. */
export const BUILD_RULES: CheckRules = {
  schemas: COLLECTION_SCHEMAS,
  pageBodyProblems: mdxProblems,
  locale: site.locale,
};

/** The checks over entries however they were read, with the build's rules. */
export function checkEntries(library: LibraryEntries, problems: Problem[] = []): CheckedLibrary {
  return checkWith(library, BUILD_RULES, problems);
}

function listFiles(dir: string, extensions: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, extensions);
    return extensions.includes(extname(name)) ? [path] : [];
  });
}

/** The content files under `dir` (relative to `root`) with their slugs, without reading them. */
export function listContentFiles(
  root: string,
  dir: string,
  extensions: readonly string[],
): { path: string; slug: string }[] {
  return listFiles(join(root, dir), extensions).map((path) => ({
    path: relative(root, path).replace(/\\/g, "/"),
    slug: slugOfFile(path),
  }));
}

/** The content files under `dir` with their text. */
export function readSources(root: string, dir: string, extensions: readonly string[]): SourceFile[] {
  return listContentFiles(root, dir, extensions).map((file) => ({
    ...file,
    text: readFileSync(join(root, file.path), "utf8"),
  }));
}

/**
 * Read the content under `root` (the project root, holding src/content) from disk, without
 * Astro: frontmatter split and parsed here, duplicate slugs found from the file names.
 */
export function readLibrary(
  root: string,
  problems: Problem[],
  { withTemplates = true }: { readonly withTemplates?: boolean } = {},
): LibraryEntries {
  let fields: FieldItem[] = [];
  try {
    fields = parseFieldRegistry(FIELDS_PATH, readFileSync(join(root, FIELDS_PATH), "utf8"), problems);
  } catch {
    problems.push(missingRegistryProblem(FIELDS_PATH));
  }
  const read = (dir: string, extensions: readonly string[], kind: string): ParsedFile[] => {
    const sources = readSources(root, dir, extensions);
    problems.push(...duplicateSlugProblems(sources, kind));
    return sources.flatMap((source) => splitFrontmatter(source, problems) ?? []);
  };
  return {
    fieldsPath: FIELDS_PATH,
    fields,
    tactics: read("src/content/tactics", [".md", ".mdx"], "tactics"),
    templates: withTemplates ? read("src/content/templates", [".md"], "templates") : [],
    guides: withTemplates ? read("src/content/guides", [".md", ".mdx"], "guides") : [],
  };
}

/**
 * The field registry and the tactics alone, checked: what the content editor's menus offer. It
 * reads no template (at 5,000 templates the whole check takes about a second of the build).
 */
export function checkFieldsAndTactics(root: string): Pick<CheckedLibrary, "fields" | "tactics"> {
  const problems: Problem[] = [];
  const { fields, tactics } = checkEntries(readLibrary(root, problems, { withTemplates: false }), problems);
  return { fields, tactics };
}

/** Check the content under `root` by reading its files (npm run check:content, the tests). */
export function checkLibrary(root: string): CheckedLibrary {
  const problems: Problem[] = [];
  return checkEntries(readLibrary(root, problems), problems);
}
