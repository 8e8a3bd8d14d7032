/**
 * The values the user has typed into template fields (their name, the reference's name, ...),
 * kept in localStorage so they carry over between templates and visits. Each field is an entry
 * of its own (storage.ts), so two tabs typing into different fields never undo each other.
 */

import { createVersionedStore, type KeyValueStorage, type VersionedStore } from "./storage.ts";
import { isFieldId } from "./ids.ts";

/** Field id → the text the user typed. */
export type ProfileValues = Record<string, string>;

export const PROFILE_KEY = "reconnect-kit:profile";

/**
 * Version history:
 * - 0: the bare `{ [field]: string }` object, stored without an envelope.
 * - 1: the same object inside `{ "v": 1, "data": ... }`, and since per-field merges, the time
 *   each field last changed in `"t"` (read as "long ago" when absent, so older copies of the
 *   site still read and write it).
 */
export const PROFILE_VERSION = 1;

/**
 * Longer than any realistic field, short enough that a runaway paste cannot fill the
 * storage quota (about 5 MB per origin in current browsers) and block later saves.
 */
export const MAX_VALUE_LENGTH = 5000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isValidEntry(entry: [string, unknown]): entry is [string, string] {
  const [id, value] = entry;
  return isFieldId(id) && typeof value === "string" && value.length <= MAX_VALUE_LENGTH;
}

/**
 * Validates stored profile data, keeping each valid field and dropping the rest, so one bad
 * value does not cost the user everything else they typed. Version 0 had the same shape as
 * version 1 (only the envelope is new), so migrating it is the same validation.
 */
export function parseProfile(data: unknown, version: number): ProfileValues | undefined {
  if (version > PROFILE_VERSION || !isRecord(data)) {
    return undefined;
  }
  return Object.fromEntries(Object.entries(data).filter(isValidEntry));
}

export function createProfileStore(
  storage: () => KeyValueStorage | undefined,
): VersionedStore<ProfileValues> {
  return createVersionedStore<ProfileValues>({
    key: PROFILE_KEY,
    version: PROFILE_VERSION,
    parse: parseProfile,
    entries: Object.entries,
    build: Object.fromEntries as (entries: [string, unknown][]) => ProfileValues,
    storage,
  });
}

/**
 * The value for a field, or "" when there is none. Uses an own-property check because a
 * field id such as "constructor" would otherwise find Object.prototype's.
 */
export function getValue(values: ProfileValues, id: string): string {
  return Object.hasOwn(values, id) ? (values[id] ?? "") : "";
}

/**
 * Returns a new object with the field set, or removed when the value is empty or only
 * whitespace, so a cleared field is forgotten rather than stored as blanks. Returns `values` itself when
 * nothing changes (so UI state does not update needlessly) and ignores ids that could not be
 * stored.
 */
export function setValue(values: ProfileValues, id: string, value: string): ProfileValues {
  if (!isFieldId(id)) {
    return values;
  }
  const present = Object.hasOwn(values, id);
  if (value.trim() === "") {
    return present ? withoutKey(values, id) : values;
  }
  if (present && values[id] === value) {
    return values;
  }
  return { ...values, [id]: value };
}

function withoutKey(values: ProfileValues, id: string): ProfileValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key !== id));
}
