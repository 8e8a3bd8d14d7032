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

export function template(front: Record<string, string>, body: string): string {
  const defaults: Record<string, string> = {
    title: "A template",
    summary: "When to send it.",
    tactic: "own-the-lapse",
    situation: "reference",
    channel: "text",
    tone: "warm",
    need: "say-hello",
  };
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
