/**
 * The template preview Decap CMS shows beside the form: it draws templatePreview
 * (preview-model.ts) with React, which Decap renders its previews with. Decap re-renders it on
 * every keystroke, so the message, the meter and the problems follow the typing.
 */
import { createElement as h, type ReactNode } from "react";
import type { CheckRules, Problem } from "../lib/content-check/check.ts";
import type { PreviewSegment } from "../lib/fill/view.ts";
import { templatePreview, type LibrarySnapshot } from "./preview-model.ts";

/** The part of Decap's preview props this reads (PreviewTemplateComponentProps). */
interface PreviewProps {
  readonly entry: { getIn(path: readonly string[]): unknown; get(key: string): unknown };
}

/** Plain data from Decap's Immutable.js entry data. */
function plainData(entry: PreviewProps["entry"]): Record<string, unknown> {
  const data = entry.get("data") as { toJS?: () => Record<string, unknown> } | undefined;
  return data?.toJS?.() ?? {};
}

/**
 * Where a new entry will be saved: Decap names it after its title ("{{slug}}" in config.yml),
 * lower-case words joined by hyphens.
 */
export function newEntryPath(title: unknown): string {
  const slug = (typeof title === "string" ? title : "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `src/content/templates/${slug === "" ? "new-template" : slug}.md`;
}

function segments(parts: readonly PreviewSegment[]): ReactNode[] {
  return parts.map((part, index) =>
    part.kind === "text" ? part.text : h("mark", { key: index, className: part.kind }, part.text),
  );
}

export const PREVIEW_CSS = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1d21; background: #fff; margin: 1.5rem; }
h2 { font-size: 1rem; margin: 1.5rem 0 0.5rem; }
.message { white-space: pre-wrap; border: 1px solid #c9ccd1; border-radius: 6px; padding: 1rem; }
.subject { font-weight: 600; margin: 0 0 0.75rem; }
mark.filled { background: #e4efe7; color: inherit; border-radius: 3px; }
mark.missing { background: #fdf1d6; color: inherit; border-radius: 3px; }
.meter { margin: 0.5rem 0 0; }
.meter.over { color: #a4161a; font-weight: 600; }
.problems { padding-left: 1.25rem; }
.problems li { margin-bottom: 0.5rem; }
.problems code { font-size: 0.9em; }
.ok { color: #1e6b34; }
`;

function problemList(problems: readonly Problem[], testId: string): ReactNode {
  return h(
    "ul",
    { className: "problems", "data-testid": testId },
    ...problems.map((problem, index) =>
      h(
        "li",
        { key: index },
        h(
          "code",
          null,
          `${problem.file}:${String(problem.line)}${problem.column === undefined ? "" : `:${String(problem.column)}`}`,
        ),
        " ",
        problem.message,
        h("br"),
        h("strong", null, "Fix: "),
        problem.fix,
      ),
    ),
  );
}

export function templatePreviewComponent(
  library: LibrarySnapshot,
  rules: CheckRules,
): (props: PreviewProps) => ReactNode {
  return function TemplatePreview({ entry }: PreviewProps): ReactNode {
    const data = plainData(entry);
    const saved = entry.get("path");
    const path = typeof saved === "string" && saved !== "" ? saved : newEntryPath(data["title"]);
    const preview = templatePreview({ path, data }, library, rules);
    const problems = preview.problems;
    return h(
      "article",
      { "aria-label": "Preview" },
      h("h2", null, "The message, filled with the example details"),
      preview.body === undefined
        ? h("p", null, "Choose a channel and write a message without template errors to see it filled in.")
        : h(
            "div",
            { className: "message", "data-testid": "rk-preview-message" },
            preview.subject === undefined
              ? null
              : h("p", { className: "subject" }, "Subject: ", ...segments(preview.subject)),
            ...segments(preview.body),
          ),
      preview.meter === undefined
        ? null
        : h(
            "p",
            { className: preview.meter.over ? "meter over" : "meter", "data-testid": "rk-preview-meter" },
            preview.meter.text,
          ),
      h("h2", null, "Content check"),
      problems.length === 0
        ? h(
            "p",
            { className: "ok", "data-testid": "rk-preview-problems" },
            "No problems: this file passes the content check.",
          )
        : problemList(problems, "rk-preview-problems"),
      preview.elsewhere.length === 0
        ? null
        : h(
            "section",
            null,
            h("h2", null, "Saved as it is, this needs a change in another file"),
            problemList(preview.elsewhere, "rk-preview-elsewhere"),
          ),
    );
  };
}
