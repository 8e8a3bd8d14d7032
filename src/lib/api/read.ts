/**
 * Reading the template API's JSON (schema.ts) from an answer: checked just enough to fail with a
 * readable message instead of a blank box. The widget (src/widget/data.ts), the iframe embed and
 * the snippet maker read the files through these.
 */
import { SCHEMA_VERSION, type TemplateIndexJson, type TemplateJson } from "./schema.ts";

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
