/**
 * The one rule for each kind of name: slugs (pages, files, ids in URLs) and field ids (template
 * variables). Schemas, stored-data readers and the widget all test against these.
 */

/** A lowercase, hyphenated name, as used in URLs and file names: e.g. "own-the-lapse". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isSlug = (value: unknown): value is string =>
  typeof value === "string" && SLUG_PATTERN.test(value);

/** A field id is a template variable: camelCase letters and digits, e.g. theirName. */
export const FIELD_ID_PATTERN = /^[a-z][A-Za-z0-9]*$/;
export const isFieldId = (value: unknown): value is string =>
  typeof value === "string" && FIELD_ID_PATTERN.test(value);
