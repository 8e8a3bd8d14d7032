import type { VersionedStore } from "../lib/storage.ts";

/**
 * Keeps a page in step with other tabs: whenever another tab changes the store's key, `apply`
 * gets the new value (the empty value when storage was cleared). Returns the unsubscribe.
 */
export function followOtherTabs<T>(store: VersionedStore<T>, apply: (value: T) => void): () => void {
  const onStorage = (event: StorageEvent) => {
    const next = store.fromStorageEvent(event.key, event.newValue);
    if (next !== undefined) apply(next);
  };
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener("storage", onStorage);
  };
}
