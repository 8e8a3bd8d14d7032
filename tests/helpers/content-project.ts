/** Builds a throwaway project folder holding just a src/content tree, for content-check tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const FIELDS_YAML = `- id: yourName
  label: Your name
  hint: How you sign.
  why: They see who it is.
  example: Maya Patel
  type: text
  about: you
- id: theirName
  label: Their name
  hint: What you call them.
  why: It feels written for them.
  example: Daniel
  type: text
  about: them
- id: neededBy
  label: Needed by
  hint: The date it is due.
  why: They can plan.
  example: "2026-12-11"
  type: date
  about: job
`;

export function tactic(order: number, situation = "reference"): string {
  return `---\ntitle: Tactic ${order}\nsummary: A tactic.\nsituation: ${situation}\norder: ${order}\nchannels: [email]\ntimeNeeded: 5 minutes\n---\n\n## Why it works\n\nBecause.\n`;
}

/** A valid template's frontmatter, for the fixture tactic own-the-lapse. */
export const TEMPLATE_FRONTMATTER: Readonly<Record<string, string>> = {
  title: "A template",
  summary: "When to send it.",
  tactic: "own-the-lapse",
  situation: "reference",
  channel: "text",
  tone: "warm",
  need: "say-hello",
};

let templatesMade = 0;

/** A template file; each gets a title of its own (the check refuses two alike) unless given one. */
export function template(front: Record<string, string>, body: string): string {
  templatesMade += 1;
  const defaults = { ...TEMPLATE_FRONTMATTER, title: `A template ${String(templatesMade)}` };
  const lines = Object.entries({ ...defaults, ...front }).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** Files keyed by path under src/content; the registry and one tactic are added unless given. */
export function makeContentProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "rk-content-"));
  const all: Record<string, string> = {
    "fields.yaml": FIELDS_YAML,
    "tactics/own-the-lapse.mdx": tactic(5),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    const full = join(root, "src/content", path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
