/**
 * The form of a template being filled, as data: one control per field, in registry order, split
 * into the details the message needs and the optional ones. The island (Preact), the widget (DOM)
 * and the CMS preview draw exactly this, so an attribute rule lives here once.
 */
import type { FieldDefinition } from "../fields.ts";
import { MAX_VALUE_LENGTH } from "../profile.ts";
import { say, type FillText } from "../ui-text.ts";

export interface FillControl {
  /** The field id, also the control's name. */
  readonly field: string;
  /** Element ids: the control, and the hint it is described by. */
  readonly id: string;
  readonly hintId: string;
  readonly label: string;
  readonly hint: string;
  readonly optional: boolean;
  readonly element: "input" | "textarea" | "select";
  /** For inputs: text, email, tel or date. */
  readonly type?: string;
  /** HTML allows maxlength on text-like controls only, not on dates or selects. */
  readonly maxLength?: number;
  /** For inputs: what the browser may offer from its own saved details. */
  readonly autocomplete?: string;
  readonly rows?: number;
  /** For selects: the empty first choice's text, then the options. */
  readonly placeholder?: string;
  readonly options?: readonly string[];
}

export interface FillForm {
  readonly required: readonly FillControl[];
  readonly optional: readonly FillControl[];
  /** "Optional details (3)"; shown open when nothing is required. */
  readonly optionalSummary: string;
  readonly optionalOpen: boolean;
}

/**
 * Browsers may offer the person's own saved name, email and phone, and nothing else: keyed by
 * field id, never by type, so a field for *their* email is never offered yours.
 */
const AUTOCOMPLETE: Readonly<Record<string, string>> = {
  yourName: "name",
  yourEmail: "email",
  yourPhone: "tel",
};

export function fillControl(field: FieldDefinition, optional: boolean, text: FillText): FillControl {
  const base = {
    field: field.id,
    id: `rk-field-${field.id}`,
    hintId: `rk-hint-${field.id}`,
    label: field.label,
    // An optional detail says first why it is worth typing (the registry's `why`).
    hint: optional && field.why !== undefined ? `${field.why} ${field.hint}` : field.hint,
    optional,
  };
  const maxLength = field.maxLength ?? MAX_VALUE_LENGTH;
  switch (field.type) {
    case "longtext":
      return { ...base, element: "textarea", rows: 4, maxLength };
    case "choice":
      return { ...base, element: "select", placeholder: text.chooseOne, options: field.options ?? [] };
    case "date":
      return { ...base, element: "input", type: "date", autocomplete: "off" };
    default:
      return {
        ...base,
        element: "input",
        type: field.type,
        maxLength,
        autocomplete: Object.hasOwn(AUTOCOMPLETE, field.id) ? (AUTOCOMPLETE[field.id] ?? "off") : "off",
      };
  }
}

export function fillForm(
  fields: readonly FieldDefinition[],
  required: readonly string[],
  text: FillText,
): FillForm {
  const needed = fields.filter((f) => required.includes(f.id)).map((f) => fillControl(f, false, text));
  const optional = fields.filter((f) => !required.includes(f.id)).map((f) => fillControl(f, true, text));
  return {
    required: needed,
    optional,
    optionalSummary: say(text.optionalSummary, { n: optional.length }),
    optionalOpen: needed.length === 0,
  };
}
