/**
 * The field registry (src/content/fields.yaml) is a YAML list with notes at the top. Decap CMS
 * edits a file as one object, so this format hands it { header, fields } and writes the list
 * back: the notes kept word for word, one blank line between fields as editors write them.
 * Registered in src/cms/admin.ts under the name the config gives (FIELD_REGISTRY_FORMAT).
 */
import { parse, stringify } from "yaml";

/** The format's name in config.yml and in CMS.registerCustomFormat. */
export const FIELD_REGISTRY_FORMAT = "field-registry";

export interface RegistryDocument {
  /** The comment lines before the first field, kept as they are. */
  readonly header: string;
  readonly fields: readonly Record<string, unknown>[];
}

export function registryFromFile(text: string): RegistryDocument {
  const lines = text.split("\n");
  const firstItem = lines.findIndex((line) => line.startsWith("- "));
  const header = (firstItem === -1 ? [] : lines.slice(0, firstItem)).join("\n").trimEnd();
  const parsed: unknown = parse(text, { schema: "yaml-1.1" });
  return { header, fields: Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [] };
}

export function registryToFile(document: Partial<RegistryDocument>): string {
  const items = (document.fields ?? []).map((field) =>
    stringify(
      [
        Object.fromEntries(
          Object.entries(field).filter(([, v]) => v !== undefined && v !== null && v !== ""),
        ),
      ],
      {
        lineWidth: 0,
        // Written as the build reads it (YAML 1.1), so a date example stays a quoted string.
        schema: "yaml-1.1",
      },
    ).trimEnd(),
  );
  const header = document.header === undefined || document.header === "" ? "" : `${document.header}\n\n`;
  return `${header}${items.join("\n\n")}\n`;
}
