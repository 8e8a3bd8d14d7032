/**
 * The field registry (src/content/fields.yaml) is a YAML list with notes for editors: a block at
 * the top and blocks of `#` lines before some fields. Decap CMS edits a file as one object, so
 * this format hands it { header, notes, fields } and writes the list back with every note where
 * it was (the top block first, each other block before the field it stood before, found by that
 * field's id) and one blank line between fields, as editors write them. Registered in
 * src/cms/admin.ts under the name the config gives (FIELD_REGISTRY_FORMAT).
 */
import { parse, stringify } from "yaml";

/** The format's name in config.yml and in CMS.registerCustomFormat. */
export const FIELD_REGISTRY_FORMAT = "field-registry";

export interface RegistryDocument {
  /** The comment lines before the first field, kept as they are. */
  readonly header: string;
  /** Comment lines that stood before a later field, keyed by that field's id. */
  readonly notes: Readonly<Record<string, string>>;
  readonly fields: readonly Record<string, unknown>[];
}

export function registryFromFile(text: string): RegistryDocument {
  let header: string | undefined;
  const notes: Record<string, string> = {};
  let pending: string[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) {
      pending.push(line);
      continue;
    }
    const item = /^- id:\s*(\S+)/.exec(line);
    if (line.startsWith("- ")) {
      if (header === undefined) header = pending.join("\n");
      else if (pending.length > 0 && item?.[1] !== undefined) notes[item[1]] = pending.join("\n");
    }
    if (line.trim() !== "" || line.startsWith("- ")) pending = [];
  }
  const parsed: unknown = parse(text, { schema: "yaml-1.1" });
  return {
    header: header ?? pending.join("\n"),
    notes,
    fields: Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [],
  };
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === "";

export function registryToFile(document: Partial<RegistryDocument>): string {
  const notes = document.notes ?? {};
  const items = (document.fields ?? []).map((field) => {
    const kept = Object.fromEntries(Object.entries(field).filter(([, value]) => !isBlank(value)));
    // Written as the build reads it (YAML 1.1), so a date example stays a quoted string.
    const yaml = stringify([kept], { lineWidth: 0, schema: "yaml-1.1" }).trimEnd();
    const note = typeof field["id"] === "string" ? notes[field["id"]] : undefined;
    return note === undefined || note === "" ? yaml : `${note}\n\n${yaml}`;
  });
  const header = isBlank(document.header) ? "" : `${document.header ?? ""}\n\n`;
  return `${header}${items.join("\n\n")}\n`;
}
