/**
 * What the CMS preview shows for the template being edited: the message filled with the field
 * registry's example values (src/lib/fill, as the template page fills it), the channel's meter
 * line, and the content check's problems for this file (src/lib/content-check), in the words the
 * build uses. Pure, so a unit test reads what the preview will draw.
 *
 * The check runs over the library as the build saw it when /admin/ was built (LibrarySnapshot),
 * with this entry put in place of its saved version, so a duplicate title, a tactic of another
 * situation or an unknown field id are caught while typing. The file's text is rebuilt as the
 * CMS will save it (frontmatter in its fields' order, then the message), so the lines match.
 */
import { stringify } from "yaml";
import { CHANNELS } from "../lib/channels.ts";
import {
  checkEntries,
  FIELDS_PATH,
  parseFieldRegistry,
  splitFrontmatter,
  type CheckRules,
  type ParsedFile,
  type Problem,
  type SourceFile,
} from "../lib/content-check/check.ts";
import type { FieldDefinition } from "../lib/fields.ts";
import { fillView, NO_FACE_ACTIONS, type PreviewSegment } from "../lib/fill/view.ts";
import { parseTemplate } from "../lib/template/index.ts";
import { FILL_TEXT_EN } from "../lib/ui-text.ts";
import { isChannelId } from "../lib/vocabulary.ts";

/** Every content file's text at build time, for the preview's check. */
export interface LibrarySnapshot {
  /** The site's locale, for example dates in words. */
  readonly locale: string;
  readonly fields: string;
  readonly tactics: readonly SourceFile[];
  readonly guides: readonly SourceFile[];
  readonly templates: readonly SourceFile[];
}

export interface TemplatePreview {
  readonly subject?: readonly PreviewSegment[];
  readonly body?: readonly PreviewSegment[];
  readonly meter?: { readonly text: string; readonly over: boolean };
  /** "file:line:column  message. Fix: fix", one per problem, as `npm run check:content` lists them. */
  readonly problems: readonly Problem[];
  /** Problems saving this entry would make in other files, as the build would report them there. */
  readonly elsewhere: readonly Problem[];
}

/** The frontmatter keys in the order the CMS writes them; anything else follows. */
const KEY_ORDER = [
  "title",
  "summary",
  "tactic",
  "situation",
  "channel",
  "tone",
  "need",
  "subject",
  "searchPhrases",
];

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * The entry's data without the values left empty: the CMS drops them on save (src/cms/admin.ts),
 * so an optional key left blank is absent, as the schema wants, not "".
 */
export function withoutEmpty(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isEmpty(value)));
}

/** The file as the CMS saves it: the frontmatter, then the message. */
export function templateFileText(data: Readonly<Record<string, unknown>>): string {
  const { body, ...front } = withoutEmpty(data);
  const ordered = Object.fromEntries(
    [
      ...KEY_ORDER.filter((key) => key in front),
      ...Object.keys(front).filter((key) => !KEY_ORDER.includes(key)),
    ].map((key) => [key, front[key]]),
  );
  // An empty block still needs its line, or the file would read as having no frontmatter at all.
  const yaml =
    Object.keys(ordered).length === 0 ? "\n" : stringify(ordered, { lineWidth: 0, schema: "yaml-1.1" });
  return `---\n${yaml}---\n${typeof body === "string" ? body : ""}`;
}

const problemKey = (p: Problem): string => `${p.file}:${String(p.line)}:${p.message}`;

export function templatePreview(
  entry: { readonly path: string; readonly data: Readonly<Record<string, unknown>> },
  library: LibrarySnapshot,
  rules: CheckRules,
): TemplatePreview {
  const slug = entry.path.replace(/^.*\//, "").replace(/\.md$/, "");
  const source: SourceFile = { path: entry.path, slug, text: templateFileText(entry.data) };
  const others = library.templates.filter((file) => file.path !== entry.path);
  const check = (templates: readonly SourceFile[]) => {
    const problems: Problem[] = [];
    const read = (files: readonly SourceFile[]): ParsedFile[] =>
      files.flatMap((file) => splitFrontmatter(file, problems) ?? []);
    const fields = parseFieldRegistry(FIELDS_PATH, library.fields, problems);
    return checkEntries(
      {
        fieldsPath: FIELDS_PATH,
        fields,
        tactics: read(library.tactics),
        guides: read(library.guides),
        templates: read(templates),
      },
      rules,
      problems,
    );
  };
  const checked = check([...others, source]);
  const own = checked.problems.filter((problem) => problem.file === entry.path);
  // A problem this entry makes in another file (its tactic not listing its channel): the library
  // without the entry does not have it.
  const before = new Set(check(others).problems.map(problemKey));
  const elsewhere = checked.problems.filter(
    (problem) => problem.file !== entry.path && !before.has(problemKey(problem)),
  );
  return { ...fill(entry.data, checked.fields, rules.locale), problems: own, elsewhere };
}

/** The message filled with the example values, or nothing while it cannot be parsed. */
function fill(
  data: Readonly<Record<string, unknown>>,
  fields: readonly FieldDefinition[],
  locale: string,
): Omit<TemplatePreview, "problems" | "elsewhere"> {
  const channelId = data["channel"];
  const body = typeof data["body"] === "string" ? data["body"] : "";
  const subject = typeof data["subject"] === "string" && data["subject"] !== "" ? data["subject"] : undefined;
  if (!isChannelId(channelId)) return {};
  const channel = CHANNELS[channelId];
  let nodes;
  try {
    nodes = {
      body: parseTemplate(body.trim()),
      ...(channel.hasSubject && subject !== undefined ? { subject: parseTemplate(subject) } : {}),
    };
  } catch {
    return {};
  }
  const values = Object.fromEntries(fields.map((field) => [field.id, field.example]));
  const view = fillView(
    { slug: "preview", channel, nodes, fields },
    values,
    locale,
    NO_FACE_ACTIONS,
    FILL_TEXT_EN,
  );
  return {
    body: view.body,
    ...(view.subject === undefined ? {} : { subject: view.subject }),
    ...(view.meter === undefined ? {} : { meter: view.meter }),
  };
}
