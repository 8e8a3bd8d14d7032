/**
 * The reader's details, shared by every widget on the page and with the site itself when the
 * page is on the site's origin: the same localStorage key and format as the site (PROFILE_KEY).
 * On another origin the browser keeps them apart, per origin. Widgets on one page hear each
 * other's changes here, because the "storage" event only reaches other documents.
 */
import { createProfileStore, type ProfileValues } from "../lib/profile.ts";

const store = createProfileStore(() => window.localStorage);
const bus = new EventTarget();
let listening = false;

function changed(): void {
  bus.dispatchEvent(new Event("change"));
}

export function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    window.addEventListener("storage", (event) => {
      if (store.fromStorageEvent(event.key, event.newValue) !== undefined) changed();
    });
  }
  bus.addEventListener("change", listener);
  return () => {
    bus.removeEventListener("change", listener);
  };
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
