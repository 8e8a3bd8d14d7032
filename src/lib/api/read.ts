/**
 * Reading the template API's JSON (schema.ts) from an answer: checked just enough to fail with a
 * readable message instead of a blank box. The widget (src/widget/data.ts), the iframe embed and
 * the snippet maker read the files through these.
 */
import { WIDGET_TEXT_EN as WORDS } from "../embed-text.ts";
import { say } from "../ui-text.ts";
import {
  SCHEMA_VERSION,
  templatePagePath,
  templatesPagePath,
  type TemplateIndexJson,
  type TemplateJson,
} from "./schema.ts";

export type LoadProblem = "missing" | "not-found" | "failed";

export class LoadError extends Error {
  readonly problem: LoadProblem;
  constructor(problem: LoadProblem, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "LoadError";
    this.problem = problem;
  }
}

/** Where a developer finds what the widget expected: the API's own page lists every field. */
const FORMAT = "; /api/ on the site describes the format";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkVersion(data: unknown, url: string): Record<string, unknown> {
  if (!isRecord(data)) throw new LoadError("failed", `${url} is not a JSON object`);
  if (data["schemaVersion"] !== SCHEMA_VERSION) {
    throw new LoadError(
      "failed",
      `${url} has schemaVersion ${String(data["schemaVersion"])}; this widget reads version ${SCHEMA_VERSION}`,
    );
  }
  return data;
}

/** Checks the parts the widget relies on; the build guarantees the rest. */
export function asTemplateJson(data: unknown, url: string): TemplateJson {
  const record = checkVersion(data, url);
  const nodes = record["nodes"];
  const channel = record["channel"];
  const form = record["form"];
  if (
    typeof record["slug"] !== "string" ||
    typeof record["title"] !== "string" ||
    !isRecord(nodes) ||
    !Array.isArray(nodes["body"]) ||
    !isRecord(channel) ||
    typeof channel["id"] !== "string" ||
    !Array.isArray(record["fields"]) ||
    !isRecord(form) ||
    !Array.isArray(form["required"]) ||
    !Array.isArray(form["optional"]) ||
    !isRecord(record["uiText"])
  ) {
    throw new LoadError("failed", `${url} is not a template${FORMAT}`);
  }
  return record as unknown as TemplateJson;
}

export function asIndexJson(data: unknown, url: string): TemplateIndexJson {
  const record = checkVersion(data, url);
  if (!Array.isArray(record["templates"]) || !Array.isArray(record["tactics"])) {
    throw new LoadError("failed", `${url} is not a template index${FORMAT}`);
  }
  return record as unknown as TemplateIndexJson;
}

/** What is shown in place of a template: still loading, or why it cannot be. */
export type ShownProblem = LoadProblem | "loading" | "no-match";

/**
 * The sentence shown in place of a template (the widget's, the iframe embed's), and its link's
 * path and words:
 * loading and failing point to the template itself (to the list, for the picker, whose slug is
 * ""), a wrong or missing name, or filters that match nothing, to the list. `link` still has its
 * {site} mark. The words are read from their table here, not passed in: the widget's bundle then
 * writes each sentence where it is used (about 90 bytes less gzipped).
 */
export function problemNotice(
  problem: ShownProblem,
  slug: string,
): readonly [text: string, path: string, link: string] {
  const list = slug === "";
  const loading = problem === "loading";
  const itself = loading || problem === "failed";
  const text = loading
    ? list
      ? WORDS.loadingList
      : WORDS.loading
    : problem === "failed"
      ? list
        ? WORDS.failedList
        : WORDS.failed
      : problem === "missing"
        ? WORDS.noName
        : problem === "no-match"
          ? WORDS.noMatch
          : say(WORDS.notFound, { slug });
  return [
    text,
    itself && !list ? templatePagePath(slug) : templatesPagePath(),
    itself ? WORDS.openIt : WORDS.seeAll,
  ];
}
