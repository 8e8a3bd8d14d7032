/**
 * The field registry's shape and the helpers every face needs: placeholders for pages read
 * without JavaScript, and dates shown in words.
 */
import { isIsoDate, toUtcMs } from "./dates.ts";
import { cleanValues, type FieldValues } from "./template/render.ts";

export const FIELD_TYPES = ["text", "longtext", "date", "email", "tel", "choice"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Whose detail a field is: yours, typed once for every message; the person you write to, kept
 * with that person (people.ts); or the job you need a reference for.
 */
export const FIELD_OWNERS = ["you", "them", "job"] as const;
export type FieldOwner = (typeof FIELD_OWNERS)[number];

export interface FieldDefinition {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** How the detail helps; required in the registry, optional for the JSON API's readers. */
  readonly why?: string | undefined;
  readonly example: string;
  readonly type: FieldType;
  /** Required in the registry (src/schemas/field.ts); optional for the JSON API's readers. */
  readonly about?: FieldOwner | undefined;
  readonly options?: readonly string[] | undefined;
  readonly maxLength?: number | undefined;
}

/** The fields kept with each person written to (people.ts), by id. */
export function personFieldIds(fields: readonly FieldDefinition[]): string[] {
  return fields.filter((field) => field.about === "them").map((field) => field.id);
}

/** The visible stand-in for a field nobody has filled in yet, e.g. "[Their name]". */
export function placeholderFor(field: Pick<FieldDefinition, "label"> | undefined, id: string): string {
  return `[${field?.label ?? id}]`;
}

/**
 * "2026-12-11" in words for the reader's locale, e.g. "Friday, December 11" (en-US), or
 * undefined when it is not a date in range: what counts as one is dates.ts's rule, so a far date
 * is shown as typed, as the planner refuses it. Read and formatted in UTC, as formatLongDate
 * does, so it never shifts a day west of Greenwich.
 */
export function formatDateInWords(isoDate: string, locale: string): string | undefined {
  if (!isIsoDate(isoDate)) return undefined;
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(toUtcMs(isoDate));
}

/**
 * A one-line detail without the full stop people often type at its end ("I start in
 * January."). Templates put a detail inside their own sentence and end it themselves, so the
 * typed stop would show as "January..". An ellipsis ("...") is kept: it was meant.
 */
export function withoutFinalStop(value: string): string {
  return /[^.]\.$/.test(value) ? value.slice(0, -1).trimEnd() : value;
}

/**
 * Turn what a person typed into what a message shows: dates in words, everything trimmed,
 * blanks dropped, one-line details without a final full stop. A date that does not parse is
 * shown as typed rather than lost.
 */
export function displayValues(
  fields: readonly Pick<FieldDefinition, "id" | "type">[],
  values: FieldValues,
  locale: string,
): Record<string, string> {
  const types = new Map(fields.map((f) => [f.id, f.type]));
  const display = cleanValues(values);
  for (const [id, value] of Object.entries(display)) {
    const type = types.get(id);
    if (type === "date") display[id] = formatDateInWords(value, locale) ?? value;
    else if (type === "text") display[id] = withoutFinalStop(value);
  }
  return display;
}

/** The registry's example values, shown the way a filled message would show them. */
export function exampleValues(fields: readonly FieldDefinition[], locale: string): Record<string, string> {
  return displayValues(fields, Object.fromEntries(fields.map((f) => [f.id, f.example])), locale);
}
