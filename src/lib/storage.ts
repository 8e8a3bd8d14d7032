/**
 * Browser storage that never crashes the page.
 *
 * Web Storage can fail in several ways (HTML Living Standard §12.2, "Web storage"):
 * - reading window.localStorage throws a "SecurityError" DOMException when the document's
 *   origin is opaque, e.g. a sandboxed iframe or some privacy settings;
 * - setItem throws a "QuotaExceededError" DOMException when the quota is full (Safari's old
 *   private mode had a quota of zero);
 * - another tab, an extension or an older version of this site may have left anything at
 *   our key.
 * When storage fails, values live in memory so the page keeps working until it is closed.
 */

// Taken when the module loads: the widget runs this on other sites' pages, and a script such a
// page runs later must not change how the reader's details are read and written.
const { parse: parseText, stringify } = JSON;

/** The part of the Web Storage `Storage` interface this module uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface VersionedStoreOptions<T> {
  key: string;
  /** The version written with every value. */
  version: number;
  empty: () => T;
  /**
   * Validates stored data and migrates it from older versions. `version` is the version it was
   * stored with (0 for data stored without an envelope). Return undefined to drop it.
   */
  parse: (data: unknown, version: number) => T | undefined;
  /** May throw, e.g. reading localStorage in a sandboxed iframe throws a SecurityError. */
  storage: () => KeyValueStorage | undefined;
}

export interface VersionedStore<T> {
  read(): T;
  write(value: T): { persisted: boolean };
  clear(): void;
  /**
   * For the window "storage" event: the new value when the event is for our key, empty() when
   * the key is null (storage was cleared), otherwise undefined.
   */
  fromStorageEvent(key: string | null, newValue: string | null): T | undefined;
  /** True while storage is reachable and holds everything written so far. */
  readonly persistent: boolean;
}

/** The stored document: `{ "v": version, "data": value }`. */
interface Envelope {
  v: number;
  data: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEnvelope(value: unknown): value is Envelope {
  if (!isRecord(value) || !Object.hasOwn(value, "data")) {
    return false;
  }
  const v = value["v"];
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}

// Data written before the envelope existed has no version; treating it as version 0 lets
// `parse` migrate it like any other old version.
function toEnvelope(document: unknown): Envelope {
  return isEnvelope(document) ? document : { v: 0, data: document };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseText(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function createVersionedStore<T>(options: VersionedStoreOptions<T>): VersionedStore<T> {
  const { key, version, empty, parse } = options;

  // The value the page holds but storage does not (storage unavailable or a write failed).
  // While set, it wins over whatever storage has, so the page never shows an older value.
  let unsaved: { value: T } | undefined;

  function getStorage(): KeyValueStorage | undefined {
    try {
      return options.storage();
    } catch {
      return undefined;
    }
  }

  function readRaw(): { ok: true; raw: string | null } | { ok: false } {
    const storage = getStorage();
    if (storage === undefined) {
      return { ok: false };
    }
    try {
      return { ok: true, raw: storage.getItem(key) };
    } catch {
      return { ok: false };
    }
  }

  // A newer version comes from a newer copy of the site (another tab, or after a rollback);
  // we cannot read it, so the page starts empty. Reads never write, so it stays intact.
  function decode(raw: string | null): T {
    if (raw === null) {
      return empty();
    }
    const json = parseJson(raw);
    if (!json.ok) {
      return empty();
    }
    const envelope = toEnvelope(json.value);
    if (envelope.v > version) {
      return empty();
    }
    try {
      return parse(envelope.data, envelope.v) ?? empty();
    } catch {
      return empty();
    }
  }

  function read(): T {
    if (unsaved !== undefined) {
      return unsaved.value;
    }
    const result = readRaw();
    return result.ok ? decode(result.raw) : empty();
  }

  function trySetItem(value: T): boolean {
    const storage = getStorage();
    if (storage === undefined) {
      return false;
    }
    try {
      // JSON.stringify can throw too (cycles, BigInt), so it stays inside the try.
      storage.setItem(key, stringify({ v: version, data: value } satisfies Envelope));
      return true;
    } catch {
      return false;
    }
  }

  function write(value: T): { persisted: boolean } {
    const persisted = trySetItem(value);
    unsaved = persisted ? undefined : { value };
    return { persisted };
  }

  function clear(): void {
    unsaved = undefined;
    try {
      getStorage()?.removeItem(key);
    } catch {
      // Storage still has the old value; remember that the page cleared it.
      unsaved = { value: empty() };
    }
  }

  // Another tab changed storage, so its value is newer than anything held here.
  function fromStorageEvent(eventKey: string | null, newValue: string | null): T | undefined {
    if (eventKey === null) {
      unsaved = undefined;
      return empty();
    }
    if (eventKey !== key) {
      return undefined;
    }
    unsaved = undefined;
    return decode(newValue);
  }

  return {
    read,
    write,
    clear,
    fromStorageEvent,
    get persistent() {
      return unsaved === undefined && readRaw().ok;
    },
  };
}
