/**
 * Runs the library checks (src/build/content-check.ts) on the entries Astro's content loaders
 * produce, so the build parses each content file once: Astro's glob loader reads and parses the
 * Markdown, and the check is handed the result. Astro has no integration hook between loading
 * content and rendering pages, so the check sits in the loaders themselves:
 *
 * - `glob(kind, { base, extensions })` is Astro's glob loader, wrapped. The wrapper sees every
 *   entry Astro validates (through the context's parseData) and every entry in the store once
 *   loading is done. Duplicate slugs it finds from the folder's file names (Astro's store keeps
 *   one entry per id, so the second file is not in it), without reading the files.
 * - `fields(path)` loads the field registry itself, with the check's YAML parse that keeps each
 *   item's line, and hands the items to Astro's store: one parse for both.
 *
 * Collections load in parallel; the last one to finish runs the check over all four. In a build
 * (or `astro sync`/`astro check`) problems throw, which stops the content sync with the file:line
 * list; in `astro dev` (the loaders get a file watcher) they are logged, so an editor can keep
 * the preview open while fixing them, as before. An entry that Astro's schema refuses is not
 * thrown at once in a build: the check reports it with the line and the fix, along with the rest.
 */
import { glob as astroGlob, type Loader, type LoaderContext } from "astro/loaders";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  bodyLineOf,
  duplicateSlugProblems,
  formatProblems,
  missingRegistryProblem,
  parseFieldRegistry,
  slugOfFile,
  type FieldItem,
  type ParsedFile,
  type Problem,
} from "../lib/content-check/check.ts";
import { checkEntries, listContentFiles } from "./content-check.ts";

type FileKind = "tactics" | "guides" | "templates";
type Kind = FileKind | "fields";
type DataEntry = ReturnType<LoaderContext["store"]["values"]>[number];

interface Collected {
  readonly files?: readonly ParsedFile[];
  readonly fields?: readonly FieldItem[];
  /** What only the loading saw: duplicate slugs, an unreadable registry. */
  readonly problems: readonly Problem[];
}

/** An entry from Astro's store as the check reads it; the file's text only if a problem needs a line. */
function parsedFile(root: string, entry: DataEntry, refused: ReadonlyMap<string, unknown>): ParsedFile {
  const path = entry.filePath ?? "";
  const body = entry.body ?? "";
  let text: string | undefined;
  const read = (): string => (text ??= readFileSync(join(root, path), "utf8"));
  return {
    path,
    slug: entry.id,
    body,
    data: refused.has(entry.id) ? refused.get(entry.id) : entry.data,
    valid: !refused.has(entry.id),
    get text() {
      return read();
    },
    get bodyLine() {
      return bodyLineOf(read(), body);
    },
  };
}

/**
 * The error that stops a build on content problems. Astro prints an error's stack under its
 * message; the list already says where each problem is, and a stack trace into this loader
 * would only bury it, so the error carries none.
 */
function contentError(list: string): Error {
  const error = new Error(
    `${list}\nFix the files named above, then build again (npm run check:content checks them in a second).`,
  );
  error.name = "ContentProblems";
  error.stack = "";
  return error;
}

export function libraryCheck(): {
  glob: (kind: FileKind, options: { base: string; extensions: readonly string[] }) => Loader;
  fields: (path: string) => Loader;
} {
  const expected = new Set<Kind>();
  const latest = new Map<Kind, Collected>();
  let fieldsPath = "";

  /** Once every collection has loaded: check them together; throw in a build, log in dev. */
  const report = (context: LoaderContext): void => {
    if ([...expected].some((kind) => !latest.has(kind))) return;
    const files = (kind: FileKind) => latest.get(kind)?.files ?? [];
    const { problems } = checkEntries(
      {
        fieldsPath,
        fields: latest.get("fields")?.fields ?? [],
        tactics: files("tactics"),
        guides: files("guides"),
        templates: files("templates"),
      },
      [...latest.values()].flatMap((collected) => collected.problems),
    );
    if (problems.length === 0) return;
    if (context.watcher !== undefined) context.logger.error(formatProblems(problems));
    else throw contentError(formatProblems(problems));
  };

  const glob = (kind: FileKind, options: { base: string; extensions: readonly string[] }): Loader => {
    expected.add(kind);
    const names = options.extensions.map((ext) => ext.replace(/^\./, ""));
    const inner = astroGlob({
      pattern: names.length === 1 ? `**/*.${names[0] ?? ""}` : `**/*.{${names.join(",")}}`,
      base: options.base,
      // The slug is the file name alone, so editors may sort files into sub-folders freely.
      generateId: ({ entry }) => slugOfFile(entry),
    });
    return {
      ...inner,
      // Astro labels the loader's log lines with this name.
      name: "reconnect-kit:content-check",
      load: async (context) => {
        const root = fileURLToPath(context.config.root);
        const refused = new Map<string, unknown>();
        const parseData: LoaderContext["parseData"] = async (props) => {
          try {
            return await context.parseData(props);
          } catch (error) {
            if (context.watcher !== undefined) throw error;
            // Keep loading; the check reports this entry with its line and fix, among the rest.
            refused.set(props.id, props.data);
            return props.data;
          }
        };
        await inner.load({ ...context, parseData });
        const files = context.store.values().map((entry) => parsedFile(root, entry, refused));
        // A refused entry must not stay in the store: the next build would find it unchanged,
        // skip validating it, and take it as valid.
        for (const id of refused.keys()) context.store.delete(id);
        const dir = options.base.replace(/^\.\//, "");
        const problems = duplicateSlugProblems(listContentFiles(root, dir, options.extensions), kind);
        latest.set(kind, { files, problems });
        report(context);
      },
    };
  };

  const fields = (path: string): Loader => {
    expected.add("fields");
    fieldsPath = path.replace(/^\.\//, "");
    return {
      name: "reconnect-kit:fields",
      load: async (context) => {
        const root = fileURLToPath(context.config.root);
        const file = join(root, fieldsPath);
        const sync = async (): Promise<void> => {
          const problems: Problem[] = [];
          let items: FieldItem[] = [];
          try {
            items = parseFieldRegistry(fieldsPath, await readFile(file, "utf8"), problems);
          } catch {
            problems.push(missingRegistryProblem(fieldsPath));
          }
          context.store.clear();
          const checked: FieldItem[] = [];
          for (const item of items) {
            const data = item.data;
            const id = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
            // No id, or one seen before: Astro cannot store it, and the check reports it.
            if (typeof id !== "string" || id === "" || context.store.has(id)) {
              checked.push(item);
              continue;
            }
            try {
              const parsed = await context.parseData({
                id,
                data: data as Record<string, unknown>,
                filePath: file,
              });
              context.store.set({ id, data: parsed, filePath: fieldsPath });
              checked.push({ data: parsed, line: item.line, valid: true });
            } catch (error) {
              if (context.watcher !== undefined) throw error;
              checked.push(item);
            }
          }
          latest.set("fields", { fields: checked, problems });
          report(context);
        };
        await sync();
        context.watcher?.add(file);
        context.watcher?.on("change", (changed) => {
          if (changed !== file) return;
          sync().catch((error: unknown) => {
            context.logger.error((error as Error).message);
          });
        });
      },
    };
  };

  return { glob, fields };
}
