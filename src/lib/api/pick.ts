/** The picker's choices: the index filtered by the element's attributes, grouped by tactic. */
import type { TemplateIndexJson, TemplateSummaryJson } from "./schema.ts";

/** The picker's filter attributes, each a field of the index's template summaries. */
export const FILTERS = ["situation", "channel", "tone", "tactic"] as const;

/** Each is empty for "any", or one or more values separated by spaces or commas. */
export type PickerFilter = Readonly<Record<(typeof FILTERS)[number], string>>;

export interface PickerGroup {
  /** "5. Own the lapse": the tactic's number and title, as the guides show them. */
  readonly label: string;
  readonly templates: readonly TemplateSummaryJson[];
}

function matches(value: string, wanted: string): boolean {
  const allowed = wanted.split(/[\s,]+/).filter(Boolean);
  return allowed.length === 0 || allowed.includes(value);
}

export function pickTemplates(index: TemplateIndexJson, filter: PickerFilter): PickerGroup[] {
  const chosen = index.templates.filter((t) => FILTERS.every((name) => matches(t[name], filter[name])));
  return [...index.tactics]
    .sort((a, b) => a.order - b.order)
    .map((tactic) => ({
      label: `${tactic.order}. ${tactic.title}`,
      templates: chosen
        .filter((t) => t.tactic === tactic.slug)
        .sort((a, b) => a.title.localeCompare(b.title, "en")),
    }))
    .filter((group) => group.templates.length > 0);
}
