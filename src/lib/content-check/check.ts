/**
 * The checks over the whole library: schemas, unique slugs and titles, known fields and tactics,
 * a template's situation agreeing with its tactic's, template syntax, messages that can come out
 * empty, channel limits with the registry's example values, and what the advice pages may hold.
 * Each problem names the file, the line and the fix, because the person reading it is a content
 * editor, not the author of this code; and it names only the file to change, never the files
 * that link to it. The cause comes first, then what it does ("a curly apostrophe (’) at column
 * 12 ... so each SMS segment holds 70 characters, not 160").
 *
 * Pure: no file system, no Astro, no Zod import. Faces hand it what they read and the rules
 * they check with (CheckRules), so the build (src/build/content-check.ts), `npm run
 * check:content` and the CMS preview (src/cms/) all report the same problems in the same words.
 */
import { parse as parseYaml, parseDocument, isMap, isSeq, LineCounter } from "yaml";
import { CHANNELS } from "../channels.ts";
import { measureBody, measureSubject, type Measurement } from "../meter.ts";
import { exampleValues, type FieldDefinition } from "../fields.ts";
import { isGsm7, toPlainCharacters } from "../sms.ts";
import {
  blankWhenFilled,
  fieldsOfNodes,
  parseTemplate,
  renderText,
  TemplateSyntaxError,
} from "../template/index.ts";
import { CHANNEL_IDS } from "../vocabulary.ts";
import type { GuideData } from "../../schemas/guide.ts";
import type { TacticData } from "../../schemas/tactic.ts";
import type { TemplateData } from "../../schemas/template.ts";
import type { Field } from "../../schemas/field.ts";
import { plainIssue, type SchemaValidator } from "./schema-issues.ts";

export interface Problem {
  /** Path relative to the project root, e.g. src/content/templates/thank-you-text.md */
  readonly file: string;
  readonly line: number;
  /** 1-based, when the problem is at one spot on the line (a tag, a link). */
  readonly column?: number;
  readonly message: string;
  readonly fix: string;
}

export interface SourceFile {
  readonly path: string;
  readonly slug: string;
  readonly text: string;
}

/**
 * A content file as the check sees it. `text` and `bodyLine` are only read to report a problem,
 * so a caller may compute them lazily (getters).
 */
export interface ParsedFile extends SourceFile {
  /** The frontmatter: raw, or already validated by the collection's schema when `valid`. */
  readonly data: unknown;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** True when Astro's loader already validated `data` against the same schema. */
  readonly valid?: boolean;
}

/** One item of the field registry, with the line it starts on. */
export interface FieldItem {
  readonly data: unknown;
  readonly line: number;
  readonly valid?: boolean;
}

/** The whole library, however it was read. */
export interface LibraryEntries {
  readonly fieldsPath: string;
  readonly fields: readonly FieldItem[];
  readonly tactics: readonly ParsedFile[];
  readonly guides: readonly ParsedFile[];
  readonly templates: readonly ParsedFile[];
}

export const FIELDS_PATH = "src/content/fields.yaml";

/** The slug of a content file: its name without the extension, whatever folder it is in. */
export function slugOfFile(path: string): string {
  const name = path.slice(path.replace(/\\/g, "/").lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}

const extensionOf = (path: string): string => {
  const dot = path.lastIndexOf(".");
  return dot === -1 ? "" : path.slice(dot);
};

/** What the check is checked with: the collections' schemas, and the advice pages' body rules. */
export interface CheckRules {
  readonly schemas: {
    readonly field: SchemaValidator<Field>;
    readonly tactic: SchemaValidator<TacticData>;
    readonly guide: SchemaValidator<GuideData>;
    readonly template: SchemaValidator<TemplateData>;
  };
  /** Problems in a tactic's or guide's Markdown, at lines and columns counted in the body. */
  readonly pageBodyProblems: (
    body: string,
    format: "md" | "mdx",
  ) => readonly { line: number; column: number; message: string; fix: string }[];
  /** Example dates are measured in words as the site shows them ("Friday, December 11"). */
  readonly locale: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The 1-based line where `body` starts in a file's text. Astro's loaders keep the body without
 * the frontmatter and trimmed, so its first line is found in the text after the frontmatter.
 */
export function bodyLineOf(text: string, body: string): number {
  const frontmatter = FRONTMATTER.exec(text);
  const after = frontmatter === null ? 0 : frontmatter[0].length;
  const at = body === "" ? -1 : text.indexOf(body, after);
  return text.slice(0, at === -1 ? after : at).split("\n").length;
}

/** Split a content file into its frontmatter's data and its body; a problem when it cannot. */
export function splitFrontmatter(file: SourceFile, problems: Problem[]): ParsedFile | undefined {
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

/**
 * Where a position inside a file's body (1-based line and column, counted in the body) is in the
 * file. The loaders trim the body, so its first line may start after some spaces in the file.
 */
function positionInBody(file: ParsedFile, line: number, column: number): { line: number; column: number } {
  if (line > 1) return { line: file.bodyLine + line - 1, column };
  const fileLine = file.text.split("\n")[file.bodyLine - 1] ?? "";
  const firstLine = file.body.split("\n")[0] ?? "";
  const offset = firstLine === "" ? 0 : Math.max(0, fileLine.indexOf(firstLine));
  return { line: file.bodyLine, column: column + offset };
}

/** The line of the message's first words: after any blank lines that follow the frontmatter. */
function firstTextLine(file: ParsedFile): number {
  const blank = /^(?:[ \t]*\r?\n)*/.exec(file.body)?.[0] ?? "";
  return file.bodyLine + (blank.match(/\n/g)?.length ?? 0);
}

/**
 * Where a position inside the `subject:` value is in the file: its column only when the value
 * sits on the key's line as written (plain or quoted without escapes), else just the line.
 */
function positionInSubject(
  file: ParsedFile,
  subject: string,
  line: number,
  column: number,
): { line: number; column?: number } {
  const keyLine = lineOfKey(file.text, "subject");
  const at = line === 1 ? (file.text.split("\n")[keyLine - 1] ?? "").indexOf(subject) : -1;
  return at === -1 ? { line: keyLine } : { line: keyLine, column: at + column };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function schemaProblems<T>(
  file: ParsedFile,
  schema: SchemaValidator<T>,
  lineOf: (key: string | number | undefined) => number,
): { data?: T; problems: Problem[] } {
  if (file.valid === true) return { data: file.data as T, problems: [] };
  const result = schema.safeParse(file.data);
  if (result.success) return { data: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file: file.path,
      line: lineOf(issue.path[0] as string | number | undefined),
      ...plainIssue(issue, file.data),
    })),
  };
}

type FileName = Pick<SourceFile, "path" | "slug">;

export function duplicateSlugProblems(files: readonly FileName[], kind: string): Problem[] {
  const seen = new Map<string, FileName>();
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

export function missingRegistryProblem(path: string): Problem {
  return { file: path, line: 1, message: "the field registry is missing", fix: `create ${path}` };
}

/**
 * The registry's items with the line each starts on. The build's fields loader parses the file
 * with this too, so Astro's entries and the check's lines come from one parse.
 */
export function parseFieldRegistry(path: string, text: string, problems: Problem[]): FieldItem[] {
  const lineCounter = new LineCounter();
  // YAML 1.1: an unquoted 2026-12-11 is a timestamp there, which the schema refuses with its fix.
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
  return doc.contents.items.map((item) => {
    const range = (item as { range?: [number, number, number] } | null)?.range;
    const data: unknown = isMap(item) ? item.toJSON() : item;
    return { data, line: lineCounter.linePos(range?.[0] ?? 0).line };
  });
}

function checkFields(
  path: string,
  items: readonly FieldItem[],
  schema: SchemaValidator<Field>,
  problems: Problem[],
): FieldDefinition[] {
  const fields: FieldDefinition[] = [];
  const seen = new Set<string>();
  items.forEach(({ data, line, valid }, index) => {
    // Items Astro's loader already validated against the same schema are not parsed again.
    const result = valid === true ? undefined : schema.safeParse(data);
    if (result !== undefined && !result.success) {
      const id = isRecord(data) && typeof data["id"] === "string" ? ` (${data["id"]})` : "";
      for (const issue of result.error.issues) {
        const plain = plainIssue(issue, data);
        problems.push({
          file: path,
          line,
          message: `field ${index + 1}${id}: ${plain.message}`,
          fix: plain.fix,
        });
      }
      return;
    }
    const field = result?.data ?? (data as FieldDefinition);
    if (seen.has(field.id)) {
      problems.push({
        file: path,
        line,
        message: `the field id "${field.id}" appears twice`,
        fix: "give each field its own id, or delete the repeat",
      });
      return;
    }
    seen.add(field.id);
    fields.push(field);
  });
  return fields;
}

const UNIT_WORDS: Readonly<Record<Measurement["unit"], string>> = {
  characters: "characters",
  segments: "SMS segments",
  words: "words",
  seconds: "seconds spoken",
};

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
    message: `the ${what} is too long for its channel (${channel}): with the example details of src/content/fields.yaml filled in, it is ${m.summary}, and the most allowed is ${m.max} ${UNIT_WORDS[m.unit]}`,
    fix: "shorten the message (or the example details in src/content/fields.yaml, if they are longer than people's real ones)",
  };
}

/** Names for the characters people paste in most often; others are named by their code point. */
const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  "\u2018": "a curly opening quote",
  "\u2019": "a curly apostrophe",
  "\u201C": "a curly opening double quote",
  "\u201D": "a curly closing double quote",
  "\u2013": "an en dash",
  "\u2014": "an em dash",
  "\u2026": "an ellipsis character",
  "\u00A0": "a no-break space",
  "\t": "a tab",
};

function characterName(character: string): string {
  const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[character];
  return name === undefined ? `the character ${character} (${code})` : `${name} (${character}, ${code})`;
}

/** The first character of `text` outside GSM-7, with its 1-based line and column. */
function firstNonGsm(text: string): { character: string; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  for (const character of text) {
    if (character === "\n") {
      line += 1;
      column = 1;
      continue;
    }
    if (!isGsm7(character)) return { character, line, column };
    column += character.length;
  }
  return undefined;
}

/**
 * A text with a character outside the GSM-7 alphabet: which one and where, then what it costs.
 * When the template's own words are plain, the character comes from an example detail.
 */
function nonGsmProblem(file: ParsedFile, filled: string): Problem {
  const consequence =
    "is not in the GSM-7 SMS alphabet, so the whole text is sent as UCS-2 and each SMS segment holds 70 characters instead of 160";
  const found = firstNonGsm(file.body);
  if (found === undefined) {
    const fromExample = firstNonGsm(filled);
    return {
      file: file.path,
      line: file.bodyLine,
      message: `with the example details filled in, the text has ${characterName(fromExample?.character ?? "?")}, which ${consequence}`,
      fix: "use plain characters in the example details of src/content/fields.yaml",
    };
  }
  const plain = toPlainCharacters(found.character);
  const at = positionInBody(file, found.line, found.column);
  return {
    file: file.path,
    ...at,
    message: `the text has ${characterName(found.character)} at column ${at.column}, which ${consequence}`,
    fix:
      plain !== found.character
        ? `${plain === "" ? "delete it" : `write ${plain} in its place`}, and use straight quotes (' and "), plain hyphens (-) and three dots (...) throughout`
        : "delete it or write it in plain letters: emoji and letters of other alphabets cost the same",
  };
}

/** What a tactic's or guide's body holds that the pages may not (the rules' pageBodyProblems). */
function pageBodyProblems(file: ParsedFile, rules: CheckRules): Problem[] {
  const format = extensionOf(file.path) === ".mdx" ? "mdx" : "md";
  return rules.pageBodyProblems(file.body, format).map((problem) => ({
    file: file.path,
    ...positionInBody(file, problem.line, problem.column),
    message: problem.message,
    fix: problem.fix,
  }));
}

/** The message's words, or the subject's, are missing however the form is filled in. */
function blankProblem(
  what: "message" | "subject",
  source: string,
  filled: readonly string[] | undefined,
): Pick<Problem, "message" | "fix"> | undefined {
  const fix =
    what === "message"
      ? "write the message's own words outside the {{#section}}...{{/section}} tags and around the {{fields}}, so it says something whatever is filled in"
      : 'write a subject with words of its own around any {{fields}}, e.g. subject: "Catching up, {{theirName}}"';
  if (source.trim() === "") {
    return {
      message: `the ${what} is empty`,
      fix: what === "message" ? "write the message below the frontmatter's closing --- line" : fix,
    };
  }
  if (filled === undefined) return undefined;
  const when =
    filled.length === 0
      ? "with none of its details filled in"
      : `with only ${filled.map((field) => `{{${field}}}`).join(" and ")} filled in`;
  return { message: `the ${what} has no words of its own: ${when}, it is empty`, fix };
}

export interface CheckedLibrary {
  readonly problems: readonly Problem[];
  readonly fields: readonly FieldDefinition[];
  readonly tactics: ReadonlyMap<string, TacticData>;
  readonly templates: ReadonlyMap<string, TemplateData & { body: string }>;
}

/**
 * The checks themselves, over entries however they were read. `problems` may already hold what
 * the reader found (unreadable frontmatter, duplicate slugs); the rest are added to it.
 */
export function checkEntries(
  library: LibraryEntries,
  rules: CheckRules,
  problems: Problem[] = [],
): CheckedLibrary {
  const fields = checkFields(library.fieldsPath, library.fields, rules.schemas.field, problems);
  const fieldIds = fields.map((f) => f.id);
  const examples = exampleValues(fields, rules.locale);
  const tacticFiles = library.tactics;

  const tactics = new Map<string, TacticData>();
  const tacticByOrder = new Map<number, string>();
  for (const file of tacticFiles) {
    const { data, problems: found } = schemaProblems(file, rules.schemas.tactic, (key) =>
      lineOfKey(file.text, key),
    );
    problems.push(...found, ...pageBodyProblems(file, rules));
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

  const guides: { file: ParsedFile; data: GuideData }[] = [];
  for (const file of library.guides) {
    const { data, problems: found } = schemaProblems(file, rules.schemas.guide, (key) =>
      lineOfKey(file.text, key),
    );
    problems.push(...found, ...pageBodyProblems(file, rules));
    if (data !== undefined) guides.push({ file, data });
  }

  // A template links to a tactic file, valid or not: a tactic with its own problems is reported
  // once, on the tactic, and not again on every template that names it.
  const tacticSlugs = [...new Set(tacticFiles.map((file) => file.slug))];
  // The channels each tactic's templates use, counted from every template whose frontmatter names
  // them, whatever else is wrong with it; a tactic is not blamed for a template's mistake.
  const links: TacticLink[] = [];
  const unsure = new Set<string>();
  const templates = new Map<string, TemplateData & { body: string }>();
  const titles = new Map<string, { file: ParsedFile; title: string }[]>();
  for (const file of library.templates) {
    const { data, problems: found } = schemaProblems(file, rules.schemas.template, (key) =>
      lineOfKey(file.text, key),
    );
    problems.push(...found);
    if (data === undefined) {
      const raw = isRecord(file.data) ? file.data : {};
      const channel = CHANNEL_IDS.find((id) => id === raw["channel"]);
      if (typeof raw["tactic"] === "string") {
        if (channel === undefined) unsure.add(raw["tactic"]);
        else links.push({ tactic: raw["tactic"], channel });
      }
      continue;
    }
    links.push({ tactic: data.tactic, channel: data.channel });

    if (!tacticSlugs.includes(data.tactic)) {
      const suggestion = closest(data.tactic, tacticSlugs);
      problems.push({
        file: file.path,
        line: lineOfKey(file.text, "tactic"),
        message: `\`tactic\` names "${data.tactic}", but there is no src/content/tactics/${data.tactic}.mdx`,
        fix:
          suggestion === undefined
            ? `use one of: ${tacticSlugs.join(", ")}`
            : `did you mean "${suggestion}"? Known tactics: ${tacticSlugs.join(", ")}`,
      });
    }

    const tactic = tactics.get(data.tactic);
    if (tactic !== undefined && tactic.situation !== data.situation) {
      const fitting = [...tactics].filter(([, t]) => t.situation === data.situation).map(([slug]) => slug);
      problems.push({
        file: file.path,
        line: lineOfKey(file.text, "situation"),
        message: `\`situation\` is "${data.situation}", but its tactic "${data.tactic}" is for "${tactic.situation}"`,
        fix: `write situation: ${tactic.situation}, or pick a tactic for "${data.situation}": ${fitting.join(", ")}`,
      });
    }
    const titleKey = data.title.trim().toLowerCase();
    titles.set(titleKey, [...(titles.get(titleKey) ?? []), { file, title: data.title }]);

    // Lines are looked up only for a problem: in the build, that is when a file's text is read again.
    const channel = CHANNELS[data.channel];
    const subject = data.subject ?? "";
    const parts = [
      {
        what: "subject" as const,
        text: subject,
        needed: channel.hasSubject,
        at: (line: number, column: number) => positionInSubject(file, subject, line, column),
        line: () => lineOfKey(file.text, "subject"),
      },
      {
        what: "message" as const,
        text: file.body,
        needed: true,
        at: (line: number, column: number) => positionInBody(file, line, column),
        line: () => file.bodyLine,
      },
    ];
    let partsOk = true;
    for (const part of parts) {
      let used: string[];
      try {
        const nodes = parseTemplate(part.text);
        used = fieldsOfNodes(nodes);
        const blank = part.needed ? blankProblem(part.what, part.text, blankWhenFilled(nodes)) : undefined;
        if (blank !== undefined) {
          partsOk = false;
          problems.push({ file: file.path, line: part.line(), ...blank });
        }
      } catch (error) {
        if (!(error instanceof TemplateSyntaxError)) throw error;
        partsOk = false;
        problems.push({
          file: file.path,
          ...part.at(error.line, error.column),
          message: `the ${part.what} has a template error: ${error.found}`,
          fix: error.fix,
        });
        continue;
      }
      for (const field of used.filter((id) => !fieldIds.includes(id))) {
        const suggestion = closest(field, fieldIds);
        problems.push({
          file: file.path,
          line: part.line() + lineOfTag(part.text, field) - 1,
          message: `the ${part.what} uses {{${field}}}, which is not in the field registry (src/content/fields.yaml)`,
          fix:
            suggestion === undefined
              ? "use a field id from src/content/fields.yaml, or add this field there with a label, hint, example and type"
              : `did you mean {{${suggestion}}}? Otherwise add "${field}" to src/content/fields.yaml`,
        });
      }
    }
    if (!partsOk) continue;

    const body = renderText(file.body, examples).trim();
    const bodyMeasure = measureBody(channel, body);
    // The cause before what it does: a character outside GSM-7 is what makes a text cost more.
    if (data.channel === "text" && bodyMeasure?.encoding === "UCS-2") {
      problems.push(nonGsmProblem(file, body));
    }
    if (bodyMeasure !== undefined && !bodyMeasure.withinLimit) {
      problems.push(limitProblem(file, firstTextLine(file), "message", channel.label, bodyMeasure));
    }
    if (data.subject !== undefined) {
      const subjectMeasure = measureSubject(channel, renderText(data.subject, examples));
      if (subjectMeasure !== undefined && !subjectMeasure.withinLimit) {
        problems.push(
          limitProblem(file, lineOfKey(file.text, "subject"), "subject", channel.label, subjectMeasure),
        );
      }
    }
    templates.set(file.slug, { ...data, body: file.body });
  }

  problems.push(...sameTitleProblems(titles));
  problems.push(...tacticChannelProblems(tacticFiles, tactics, links, unsure));
  for (const { file, data } of guides) {
    problems.push(
      ...guideLinkProblems(file, "tactics", data.tactics, [...tactics.keys()]),
      ...guideLinkProblems(file, "templates", data.templates, [...templates.keys()]),
    );
  }
  return { problems, fields, tactics, templates };
}

/**
 * Two templates with one title would show as two alike in lists and search results. Either file
 * may be the one to change, so each is told, with the other's name: whichever the editor has
 * open (in the CMS preview too) says so, whatever order the files are read in.
 */
function sameTitleProblems(
  titles: ReadonlyMap<string, readonly { file: ParsedFile; title: string }[]>,
): Problem[] {
  return [...titles.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map(({ file, title }) => ({
        file: file.path,
        line: lineOfKey(file.text, "title"),
        message: `the title "${title}" is also the title of ${group
          .filter((other) => other.file !== file)
          .map((other) => other.file.path)
          .join(" and ")}, so lists and search results would show two alike`,
        fix: "give each template a title of its own: say what differs (the channel, the tone or the moment)",
      })),
    );
}

/**
 * A guide's `tactics` and `templates` become links on its page and on the tactics' pages, so
 * each must name a file that exists; a renamed template would otherwise vanish from the guide.
 */
function guideLinkProblems(
  file: ParsedFile,
  key: "tactics" | "templates",
  slugs: readonly string[] | undefined,
  known: readonly string[],
): Problem[] {
  const folder = key === "tactics" ? "tactics/<slug>.mdx" : "templates/<slug>.md";
  return (slugs ?? [])
    .filter((slug) => !known.includes(slug))
    .map((slug) => {
      const suggestion = closest(slug, known);
      return {
        file: file.path,
        line: lineOfSlug(file.text, slug) ?? lineOfKey(file.text, key),
        message: `\`${key}\` names "${slug}", but there is no src/content/${folder.replace("<slug>", slug)}`,
        fix:
          suggestion === undefined
            ? `use the file name of an existing ${key === "tactics" ? "tactic" : "template"}, without its extension`
            : `did you mean "${suggestion}"?`,
      };
    });
}

/** The 1-based line where `slug` first stands as a whole list item (slugs need no escaping). */
function lineOfSlug(text: string, slug: string): number | undefined {
  const item = new RegExp(`(?:^|[\\s,[])${slug}(?:$|[\\s,\\]])`);
  const index = text.split("\n").findIndex((line) => item.test(line));
  return index === -1 ? undefined : index + 1;
}

interface TacticLink {
  readonly tactic: string;
  readonly channel: TemplateData["channel"];
}

/**
 * A tactic's `channels` must be exactly the channels its templates use, so its page tells the
 * truth. A tactic named by a template whose channel cannot be read is left alone until that
 * template is fixed: its channels are not known yet.
 */
function tacticChannelProblems(
  files: readonly SourceFile[],
  tactics: ReadonlyMap<string, TacticData>,
  links: readonly TacticLink[],
  unsure: ReadonlySet<string>,
): Problem[] {
  return files.flatMap((file) => {
    const tactic = tactics.get(file.slug);
    if (tactic === undefined || unsure.has(file.slug)) return [];
    const used = new Set(links.filter((link) => link.tactic === file.slug).map((link) => link.channel));
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
  const lines = problems.map(
    (p) =>
      `  ${p.file}:${p.line}${p.column === undefined ? "" : `:${p.column}`}\n    ${p.message}\n    Fix: ${p.fix}`,
  );
  return `The content has ${count}:\n${lines.join("\n")}`;
}
