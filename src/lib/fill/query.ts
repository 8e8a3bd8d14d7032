/**
 * Details that arrive in a template page's address (`?theirName=Dan&neededBy=2026-12-11`): home's
 * quick start sends them, as a plain GET form when JavaScript is off and as its "Edit every
 * detail" link when it is on. A link is something anyone can send, so a value from it is held to
 * the rules of the control it lands in, exactly as if it had been typed there, and nothing else.
 */
import { toUtcMs } from "../iso-date.ts";
import { isId } from "../outreach.ts";
import { choosePerson, PERSON_PARAMETER, withValue, writeTo, type Details } from "../people.ts";
import type { FillControl } from "./form.ts";

/** What a control's rules for a linked value read (the page's fill-in sends no more). */
export type QueryControl = Pick<FillControl, "field" | "element" | "type" | "options" | "maxLength">;

/**
 * Only details about the person written to. Your own details (name, email, phone) are never
 * taken from a link: a link crafted by someone else must not change what you sign with.
 */
export const QUERY_FIELDS = ["theirName", "neededBy"] as const;

// An <input> cannot hold line breaks (HTML strips them from its value) nor other control
// characters a keyboard does not type; a textarea keeps line breaks.
const LINE_BREAKS = /[\r\n]+/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A value as the control would hold it once typed, or undefined when it could not hold it. */
function asTyped(control: QueryControl, raw: string): string | undefined {
  const cleaned = raw.replace(CONTROLS, "");
  const value = control.element === "textarea" ? cleaned : cleaned.replace(LINE_BREAKS, " ");
  if (value.trim() === "") return undefined;
  if (control.type === "date") return toUtcMs(value) === undefined ? undefined : value;
  if (control.element === "select") return control.options?.includes(value) === true ? value : undefined;
  // A browser cuts a paste at maxlength (counted in UTF-16 code units, as .length counts); a value
  // longer than any typed one is refused instead, so a cut-off name is never saved as if right.
  if (control.maxLength !== undefined && value.length > control.maxLength) return undefined;
  return value;
}

/**
 * The details in `search` (location.search) that this page's form has a control for, each held
 * to that control's rules; the first value wins when a name repeats. Unknown names, your own
 * details and values no control would hold are left out.
 */
export function valuesFromQuery(search: string, controls: readonly QueryControl[]): Record<string, string> {
  const params = new URLSearchParams(search);
  const values: Record<string, string> = {};
  for (const field of QUERY_FIELDS) {
    const control = controls.find((c) => c.field === field);
    const raw = params.get(field);
    if (control === undefined || raw === null) continue;
    const value = asTyped(control, raw);
    if (value !== undefined) values[field] = value;
  }
  return values;
}

/**
 * `search` without the details once they are applied, so a reload or a bookmark does not put an
 * old value back over what was typed since; other parameters stay.
 */
export function queryWithoutFields(search: string): string {
  const params = new URLSearchParams(search);
  for (const field of [...QUERY_FIELDS, PERSON_PARAMETER]) params.delete(field);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

export interface LinkedDetails {
  /** The details with the address's applied, as choosing and typing them would. */
  readonly details: Details;
  /** The address's query without them (see queryWithoutFields). */
  readonly search: string;
  /** True when the address had anything to apply. */
  readonly applied: boolean;
}

/**
 * What a template page does with its address, given what is stored: a person named by id (one
 * on this device) is chosen; a name writes to the person of that name or to someone new with it,
 * never renaming the person chosen before; the other details are set as if typed.
 */
export function applyQuery(
  search: string,
  controls: readonly QueryControl[],
  stored: Details,
  personFields: readonly string[],
  newPersonId: string,
  now: Date,
): LinkedDetails {
  const person = new URLSearchParams(search).get(PERSON_PARAMETER);
  const known = isId(person) && stored.tracker.references.some((r) => r.id === person);
  let details = known ? choosePerson(stored, person, personFields, `${newPersonId}-0`, now) : stored;
  const linked = Object.entries(valuesFromQuery(search, controls));
  for (const [id, value] of linked)
    details =
      id === "theirName"
        ? writeTo(details, personFields, value, newPersonId, now)
        : withValue(details, personFields, id, value, now);
  return {
    details,
    search: queryWithoutFields(search),
    applied: known || linked.length > 0,
  };
}
