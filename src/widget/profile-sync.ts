/**
 * The reader's details, shared by every widget on the page and with the site itself when the
 * page is on the site's origin: the same localStorage key and format as the site (PROFILE_KEY).
 * On another origin the browser keeps them apart, per origin. Widgets on one page hear each
 * other's changes here, because the "storage" event only reaches other documents.
 */
import { createProfileStore, type ProfileValues } from "../lib/profile.ts";

const store = createProfileStore(() => window.localStorage);
/** Every widget's redraw; each catches its own errors (template-element.ts), so none stops the rest. */
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  // Adding the same listener again does nothing, so the page keeps one however often this runs.
  window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function onStorage(event: StorageEvent): void {
  if (store.fromStorageEvent(event.key, event.newValue) !== undefined) changed();
}

export function readValues(): ProfileValues {
  return store.read();
}

/**
 * Saves the fields that differ from readValues() and tells every widget; false when the browser
 * would not store them (kept in memory).
 */
export function writeValues(values: ProfileValues): boolean {
  const { persisted } = store.write(values);
  changed();
  return persisted;
}

/** Saved details this page could not read, kept apart (see src/lib/storage.ts). */
export const { kept: keptCopies, dropKept } = store;

export function forgetValues(): void {
  store.clear();
  changed();
}
