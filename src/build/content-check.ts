/**
 * Build-time checks over the whole library: schemas, unique slugs, known fields and tactics, and
 * channel limits with the registry's example values. Each problem names the file, the line and
 * the fix, because the person reading it is a content editor, not the author of this code.
 * Runs in Node only (build and tests); nothing here ships to the browser.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { parse as parseYaml, parseDocument, isMap, isSeq, LineCounter } from "yaml";
import type { z } from "astro/zod";
import { CHANNELS } from "../lib/channels.ts";
import { measureBody, measureSubject, type Measurement } from "../lib/meter.ts";
import { exampleValues, type FieldDefinition } from "../lib/fields.ts";
import { fieldsOf, renderText, TemplateSyntaxError } from "../lib/template/index.ts";
import { fieldSchema } from "../schemas/field.ts";
import { guideSchema } from "../schemas/guide.ts";
import { tacticSchema, type TacticData } from "../schemas/tactic.ts";
import { templateSchema, type TemplateData } from "../schemas/template.ts";

export interface Problem {
  /** Path relative to the project root, e.g. src/content/templates/thank-you-text.md */
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}

export interface SourceFile {
  readonly path: string;
  readonly slug: string;
  readonly text: string;
}

interface ParsedFile extends SourceFile {
  readonly data: unknown;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
}

/** The locale used to turn example dates into words when measuring templates. */
const CHECK_LOCALE = "en-GB";

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

function readSources(root: string, dir: string, extensions: readonly string[]): SourceFile[] {
  return listFiles(join(root, dir), extensions).map((path) => ({
    path: relative(root, path),
    slug: basename(path, extname(path)),
    text: readFileSync(path, "utf8"),
  }));
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function splitFrontmatter(file: SourceFile, problems: Problem[]): ParsedFile | undefined {
  const match = FRONTMATTER.exec(file.text);
  if (match === null) {
    problems.push({
      file: file.path,
      line: 1,
      message: "the file has no frontmatter",
      fix: "start the file with a block between two lines of three dashes (---) holding title, summary and the other keys",
    });
    return undefined;
  }
  const yamlText = match[1] ?? "";
  try {
    const data: unknown = parseYaml(yamlText, { schema: "yaml-1.1" });
    const bodyLine = match[0].split("\n").length + (match[0].endsWith("\n") ? 0 : 1);
    return { ...file, data, body: file.text.slice(match[0].length), bodyLine };
  } catch (error) {
    const line = (error as { linePos?: [{ line: number }] }).linePos?.[0].line ?? 0;
    problems.push({
      file: file.path,
      line: line + 1,
      message: `the frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0] ?? ""}`,
      fix: "check the indentation and put quotes around values that contain a colon",
    });
    return undefined;
  }
}

/** The line of `key:` in a file's frontmatter, or 1 when the key is absent. */
function lineOfKey(text: string, key: string | number | undefined): number {
  if (typeof key !== "string") return 1;
  const lines = text.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 1;
}

function describeFound(data: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = data;
  for (const key of path) {
    value =
      typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function schemaProblems<T>(
  file: ParsedFile,
  schema: z.ZodType<T>,
  lineOf: (key: string | number | undefined) => number,
): { data?: T; problems: Problem[] } {
  const result = schema.safeParse(file.data);
  if (result.success) return { data: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => {
      const key = issue.path.map(String).join(".");
      return {
        file: file.path,
        line: lineOf(issue.path[0] as string | number | undefined),
        message: `${key === "" ? "frontmatter" : `\`${key}\``}: ${issue.message} (found ${describeFound(file.data, issue.path)})`,
        fix: key === "" ? "add the frontmatter keys the schema lists" : `change \`${key}\` to a valid value`,
      };
    }),
  };
}

function duplicateSlugProblems(files: readonly SourceFile[], kind: string): Problem[] {
  const seen = new Map<string, SourceFile>();
  const problems: Problem[] = [];
  for (const file of files) {
    const first = seen.get(file.slug);
    if (first === undefined) {
      seen.set(file.slug, file);
      continue;
    }
    problems.push({
      file: file.path,
      line: 1,
      message: `two ${kind} share the slug "${file.slug}" (${first.path} and ${file.path})`,
      fix: `rename one of the files; the file name is the page address, so it must be unique`,
    });
  }
  return problems;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function lineOfTag(text: string, field: string): number {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const index = text.search(new RegExp(`\\{\\{[#^/&{]?\\s*${escaped}\\s*\\}`));
  return index === -1 ? 1 : text.slice(0, index).split("\n").length;
}

function loadFields(root: string, problems: Problem[]): FieldDefinition[] {
  const path = "src/content/fields.yaml";
  let text: string;
  try {
    text = readFileSync(join(root, path), "utf8");
  } catch {
    problems.push({ file: path, line: 1, message: "the field registry is missing", fix: `create ${path}` });
    return [];
  }
  const lineCounter = new LineCounter();
  // YAML 1.1, as Astro reads it: an unquoted 2026-12-11 is a timestamp there, and must be caught here too.
  const doc = parseDocument(text, { lineCounter, schema: "yaml-1.1" });
  if (doc.errors.length > 0 || !isSeq(doc.contents)) {
    const error = doc.errors[0];
    problems.push({
      file: path,
      line: error?.linePos?.[0].line ?? 1,
      message: `the field registry is not a valid YAML list: ${error?.message.split("\n")[0] ?? "expected a list of fields"}`,
      fix: "each field starts with `- id:` and its keys are indented under it",
    });
    return [];
  }
  const fields: FieldDefinition[] = [];
  const seen = new Set<string>();
  doc.contents.items.forEach((item, index) => {
    const range = (item as { range?: [number, number, number] } | null)?.range;
    const line = lineCounter.linePos(range?.[0] ?? 0).line;
    const data: unknown = isMap(item) ? item.toJSON() : item;
    const result = fieldSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join(".");
        problems.push({
          file: path,
          line,
          message: `field #${index + 1}${typeof (data as { id?: unknown }).id === "string" ? ` (${(data as { id: string }).id})` : ""}: \`${key}\`: ${issue.message} (found ${describeFound(data, issue.path)})`,
          fix: `fix \`${key}\` of this field`,
        });
      }
      return;
    }
    if (seen.has(result.data.id)) {
      problems.push({
        file: path,
        line,
        message: `the field id "${result.data.id}" appears twice`,
        fix: "give each field its own id, or delete the repeat",
      });
      return;
    }
    seen.add(result.data.id);
    fields.push(result.data);
  });
  return fields;
}

function limitProblem(
  file: ParsedFile,
  line: number,
  what: string,
  channel: string,
  m: Measurement,
): Problem {
  return {
    file: file.path,
    line,
    message: `the ${what}, filled with the registry's example values, is ${m.summary}; channel "${channel}" allows at most ${m.max} ${m.unit}`,
    fix: "shorten the message (or the fields' example values in src/content/fields.yaml, if they are unrealistically long)",
  };
}

export interface CheckedLibrary {
  readonly problems: readonly Problem[];
  readonly fields: readonly FieldDefinition[];
  readonly tactics: ReadonlyMap<string, TacticData>;
  readonly templates: ReadonlyMap<string, TemplateData & { body: string }>;
}

/** Check the content under `root` (the project root, holding src/content). */
export function checkLibrary(root: string): CheckedLibrary {
  const problems: Problem[] = [];
  const fields = loadFields(root, problems);
  const fieldIds = fields.map((f) => f.id);
  const examples = exampleValues(fields, CHECK_LOCALE);

  const tacticFiles = readSources(root, "src/content/tactics", [".md", ".mdx"]);
  const templateFiles = readSources(root, "src/content/templates", [".md"]);
  const guideFiles = readSources(root, "src/content/guides", [".md", ".mdx"]);
  problems.push(...duplicateSlugProblems(tacticFiles, "tactics"));
  problems.push(...duplicateSlugProblems(templateFiles, "templates"));
  problems.push(...duplicateSlugProblems(guideFiles, "guides"));

  const tactics = new Map<string, TacticData>();
  const tacticByOrder = new Map<number, string>();
  for (const source of tacticFiles) {
    const file = splitFrontmatter(source, problems);
    if (file === undefined) continue;
    const { data, problems: found } = schemaProblems(file, tacticSchema, (key) => lineOfKey(file.text, key));
    problems.push(...found);
    if (data === undefined) continue;
    const sameOrder = tacticByOrder.get(data.order);
    if (sameOrder !== undefined) {
      problems.push({
        file: file.path,
        line: lineOfKey(file.text, "order"),
        message: `\`order\` ${data.order} is also used by the tactic "${sameOrder}"`,
        fix: "give each tactic its own number from 1 to 9",
      });
    }
    tacticByOrder.set(data.order, file.slug);
    tactics.set(file.slug, data);
  }

  for (const source of guideFiles) {
    const file = splitFrontmatter(source, problems);
    if (file !== undefined)
      problems.push(...schemaProblems(file, guideSchema, (key) => lineOfKey(file.text, key)).problems);
  }

  const templates = new Map<string, TemplateData & { body: string }>();
  for (const source of templateFiles) {
    const file = splitFrontmatter(source, problems);
    if (file === undefined) continue;
    const { data, problems: found } = schemaProblems(file, templateSchema, (key) =>
      lineOfKey(file.text, key),
    );
    problems.push(...found);
    if (data === undefined) continue;

    if (!tactics.has(data.tactic)) {
      const suggestion = closest(data.tactic, [...tactics.keys()]);
      problems.push({
        file: file.path,
        line: lineOfKey(file.text, "tactic"),
        message: `\`tactic\` names "${data.tactic}", but there is no src/content/tactics/${data.tactic}.mdx`,
        fix:
          suggestion === undefined
            ? `use one of: ${[...tactics.keys()].join(", ")}`
            : `did you mean "${suggestion}"? Known tactics: ${[...tactics.keys()].join(", ")}`,
      });
    }

    const parts = [
      { what: "subject", text: data.subject ?? "", line: lineOfKey(file.text, "subject") },
      { what: "message", text: file.body, line: file.bodyLine },
    ];
    let syntaxOk = true;
    for (const part of parts) {
      let used: string[];
      try {
        used = fieldsOf(part.text);
      } catch (error) {
        if (!(error instanceof TemplateSyntaxError)) throw error;
        syntaxOk = false;
        problems.push({
          file: file.path,
          line: part.line + error.line - 1,
          message: `the ${part.what} has a template error: ${error.message.replace(/ \(line \d+, column \d+\)$/, "")}`,
          fix: "every {{#field}} needs a matching {{/field}}, and every {{ needs a }}",
        });
        continue;
      }
      for (const field of used.filter((id) => !fieldIds.includes(id))) {
        const suggestion = closest(field, fieldIds);
        problems.push({
          file: file.path,
          line: part.line + lineOfTag(part.text, field) - 1,
          message: `the ${part.what} uses {{${field}}}, which is not in the field registry (src/content/fields.yaml)`,
          fix:
            suggestion === undefined
              ? "use a field id from src/content/fields.yaml, or add this field there with a label, hint, example and type"
              : `did you mean {{${suggestion}}}? Otherwise add "${field}" to src/content/fields.yaml`,
        });
      }
    }
    if (!syntaxOk) continue;

    const channel = CHANNELS[data.channel];
    const body = renderText(file.body, examples).trim();
    const bodyMeasure = measureBody(channel, body);
    if (bodyMeasure !== undefined && !bodyMeasure.withinLimit) {
      problems.push(limitProblem(file, file.bodyLine, "message", channel.id, bodyMeasure));
    }
    if (data.channel === "text" && bodyMeasure?.encoding === "UCS-2") {
      problems.push({
        file: file.path,
        line: file.bodyLine,
        message:
          "the text uses characters outside the GSM-7 SMS alphabet (curly quotes, long dashes, emoji), which cuts each SMS segment from 160 to 70 characters",
        fix: "use straight quotes (' and \"), plain hyphens (-) and three dots (...) instead",
      });
    }
    if (data.subject !== undefined) {
      const subjectMeasure = measureSubject(channel, renderText(data.subject, examples));
      if (subjectMeasure !== undefined && !subjectMeasure.withinLimit) {
        problems.push(
          limitProblem(file, lineOfKey(file.text, "subject"), "subject", channel.id, subjectMeasure),
        );
      }
    }
    templates.set(file.slug, { ...data, body: file.body });
  }

  problems.push(...tacticChannelProblems(tacticFiles, tactics, templates));
  return { problems, fields, tactics, templates };
}

/** A tactic's `channels` must be exactly the channels its templates use, so its page tells the truth. */
function tacticChannelProblems(
  files: readonly SourceFile[],
  tactics: ReadonlyMap<string, TacticData>,
  templates: ReadonlyMap<string, TemplateData>,
): Problem[] {
  return files.flatMap((file) => {
    const tactic = tactics.get(file.slug);
    if (tactic === undefined) return [];
    const used = new Set([...templates.values()].filter((t) => t.tactic === file.slug).map((t) => t.channel));
    if (used.size === 0) return [];
    const listed = new Set(tactic.channels);
    const unused = tactic.channels.filter((c) => !used.has(c));
    const unlisted = [...used].filter((c) => !listed.has(c));
    if (unused.length === 0 && unlisted.length === 0) return [];
    return [
      {
        file: file.path,
        line: lineOfKey(file.text, "channels"),
        message: [
          unused.length > 0 ? `\`channels\` lists ${unused.join(", ")}, which none of its templates use` : "",
          unlisted.length > 0 ? `its templates also use ${unlisted.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("; "),
        fix: `set \`channels\` to the channels of its templates: [${[...used].join(", ")}]`,
      },
    ];
  });
}

export function formatProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((p) => `  ${p.file}:${p.line}\n    ${p.message}\n    Fix: ${p.fix}`);
  return `The content has ${count}:\n${lines.join("\n")}`;
}
