/**
 * Browser storage that never loses what a person typed or stored.
 *
 * Web Storage can fail in several ways (HTML Living Standard §12.2, "Web storage"):
 * - reading window.localStorage throws a "SecurityError" DOMException when the document's
 *   origin is opaque, e.g. a sandboxed iframe or some privacy settings;
 * - setItem throws a "QuotaExceededError" DOMException when the quota is full (Safari's old
 *   private mode had a quota of zero);
 * - another tab, an extension, a crash mid-write or a newer version of this site may have left
 *   anything at our key.
 * When storage fails, values live in memory so the page keeps working until it is closed.
 *
 * Several tabs write the same key, so a value is kept as entries (a field of the profile, a
 * reference, a job), each with the time it last changed, and every write and every "storage"
 * event merges entry by entry: the later change of each entry wins, never the later tab. Reading
 * storage just before writing is not enough on its own: Chromium gives each renderer process a
 * cached copy of localStorage that hears other processes' writes a moment later, so a tab can
 * read a stale value and write it back. The times let the tab that hears such a write see that
 * it holds newer entries and write them again.
 *
 * Data at our key that this version cannot read (a newer version's, or damaged) is copied to a
 * key of its own, `<key>:unreadable:<time>`, before anything is written over it, and stays
 * there until the person deletes it; kept() lists those copies for the page to say so.
 */

// Taken when the module loads: the widget runs this on other sites' pages, and a script such a
// page runs later must not change how the reader's details are read and written.
const { parse: parseText, stringify } = JSON;

/** The part of the Web Storage `Storage` interface this module uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface VersionedStoreOptions<T> {
  key: string;
  /** The version written with every value. */
  version: number;
  /**
   * Validates stored data and migrates it from older versions. `version` is the version it was
   * stored with (0 for data stored without an envelope). Return undefined for data it cannot
   * read; it is then kept aside, never dropped.
   */
  parse: (data: unknown, version: number) => T | undefined;
  /**
   * The value as entries that tabs merge one by one (a field; a reference; a job), in order.
   * Their values are JSON data.
   */
  entries: (value: T) => [string, unknown][];
  /** The value from entries that `entries` made, in their order; from [] the empty value. */
  build: (entries: [string, unknown][]) => T;
  /** May throw, e.g. reading localStorage in a sandboxed iframe throws a SecurityError. */
  storage: () => KeyValueStorage | undefined;
  /** The clock for change times, in milliseconds (Date.now). */
  now?: () => number;
}

/** A copy of unreadable data, kept under a key of its own until the person deletes it. */
export interface KeptCopy {
  readonly key: string;
  /** Exactly what was stored. */
  readonly text: string;
  /** True when a newer version of the site wrote it; otherwise it is damaged. */
  readonly newer: boolean;
}

export interface VersionedStore<T> {
  /** What storage holds now, merged with this page's changes it could not save. */
  read(): T;
  /**
   * Saves the entries that differ between `base` (by default what this page last read) and
   * `next`, merged into what storage holds now, and returns the merged value to show.
   */
  write(next: T, base?: T): { value: T; persisted: boolean };
  clear(): void;
  /**
   * For the window "storage" event: the merged value when the event is for our key (the empty
   * value when it was removed or storage was cleared), otherwise undefined.
   */
  fromStorageEvent(key: string | null, newValue: string | null): T | undefined;
  /**
   * Unreadable data set aside for the person. (When it could not be set aside, it stays at our
   * key, untouched, and writes report that nothing is saved.)
   */
  readonly kept: () => KeptCopy[];
  /** Deletes a kept copy (a key from kept()): only ever on the person's request. */
  readonly dropKept: (key: string) => void;
}

/** An entry as held here: when it last changed, and its value (undefined once deleted). */
type Slot = readonly [time: number, value: unknown];
type Slots = Map<string, Slot>;

/** The stored document: `{ "v": version, "data": value, "t": { entry: time } }`. */
interface Envelope {
  v: number;
  data: unknown;
  t?: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  const v = (value as Partial<Envelope> | null)?.v;
  return Number.isInteger(v) && (v as number) >= 0 && Object.hasOwn(value as object, "data");
}

/** An entry's value as text, for comparing two of them ("undefined" for a deleted one). */
const json = (value: unknown): string => `${stringify(value) as string | undefined}`;

/**
 * Which of two versions of one entry is kept: the later change; for changes at the same
 * millisecond, the same one in every tab (by their text), so all tabs end up agreeing.
 */
const beats = (a: Slot, b: Slot): boolean => a[0] > b[0] || (a[0] === b[0] && json(a[1]) > json(b[1]));

export function createVersionedStore<T>(options: VersionedStoreOptions<T>): VersionedStore<T> {
  const { key, version, parse, entries, build } = options;
  const now = options.now ?? Date.now;
  const aside = `${key}:unreadable:`;

  let held: Slots = new Map();
  /**
   * Another tab is writing data this page cannot read (a newer version of the site, open at the
   * same time): leave it alone until this page is reloaded, rather than fight over the key.
   */
  let othersUnreadable = false;
  /** What this page last set aside, so that a copy it could not replace is not set aside again. */
  let setAsideText: string | undefined;

  /** The entries of a stored text, or why it cannot be read. */
  function decode(text: string): Slots | "newer" | "damaged" {
    try {
      const document: unknown = parseText(text);
      // Data written before the envelope existed has no version: version 0, for `parse` to migrate.
      const envelope: Envelope = isEnvelope(document) ? document : { v: 0, data: document };
      if (envelope.v > version) return "newer";
      const value = parse(envelope.data, envelope.v);
      if (value === undefined) return "damaged";
      // An entry without a time was written before times were kept: older than any change.
      const times = new Map(
        Object.entries(Object(envelope.t) as object).filter(
          (entry): entry is [string, number] => typeof entry[1] === "number",
        ),
      );
      const slots: Slots = new Map(
        entries(value).map(([name, v]): [string, Slot] => [name, [times.get(name) ?? 0, v]]),
      );
      // A time without an entry is a deletion, kept (a few bytes) so that an older copy cannot
      // bring the entry back.
      for (const [name, time] of times) if (!slots.has(name)) slots.set(name, [time, undefined]);
      return slots;
    } catch {
      // Invalid JSON, or a parse that threw (a bug in a migration): kept aside all the same.
      return "damaged";
    }
  }

  /** Takes in stored entries, each the later of the two. True when this page held a later one. */
  function take(stored: Slots): boolean {
    let ahead = false;
    for (const [name, slot] of held) {
      const other = stored.get(name);
      if (other === undefined || beats(slot, other)) {
        stored.set(name, slot);
        ahead = true;
      }
    }
    held = stored;
    return ahead;
  }

  /** The value of the entries held, deletions left out. */
  const value = (): T => build([...held].flatMap(([name, [, v]]) => (v === undefined ? [] : [[name, v]])));

  /** Writes what is held here; false when storage is unavailable or refused it (full). */
  function put(): boolean {
    try {
      // Getting the storage can throw as well as using it, so both stay inside a try.
      const storage = options.storage();
      storage?.setItem(
        key,
        stringify({
          v: version,
          data: value(),
          t: Object.fromEntries([...held].map(([name, [time]]) => [name, time])),
        }),
      );
      return storage !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Takes in what storage holds, and writes back what this page holds newer: another tab may
   * have written from a stale read, or before hearing this one. Data it cannot read is first
   * copied to a key of its own that nothing else writes, then replaced, so that it is not set
   * aside again. False when storage holds data this page must not write over: unreadable data
   * it could not set aside, or another tab's.
   */
  function load(): boolean {
    try {
      const storage = options.storage();
      const text = storage?.getItem(key);
      if (storage === undefined || text == null) return true;
      const found = decode(text);
      if (typeof found !== "string") {
        if (take(found)) put();
        return true;
      }
      if (othersUnreadable) return false;
      if (text !== setAsideText) {
        let time = now();
        while (storage.getItem(`${aside}${time}`) !== null) time += 1;
        storage.setItem(`${aside}${time}`, text);
        setAsideText = text;
      }
      put();
      return true;
    } catch {
      // Storage cannot be read (then writing fails too), or the copy did not fit.
      return false;
    }
  }

  function kept(): KeptCopy[] {
    const copies: KeptCopy[] = [];
    // What our key holds now is set aside first, if it has to be.
    load();
    try {
      const storage = options.storage();
      for (let i = 0; storage && i < storage.length; i += 1) {
        const name = storage.key(i) ?? "";
        const text = storage.getItem(name) ?? "";
        if (name.startsWith(aside)) copies.push({ key: name, text, newer: decode(text) === "newer" });
      }
    } catch {
      // Storage went away while listing: what was found is still worth saying.
    }
    return copies;
  }

  /** Stamps each entry that differs between `before` and `after` as changed now. */
  function change(before: Map<string, unknown>, after: Map<string, unknown>): void {
    const time = now();
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const v = after.get(name);
      // Later than anything known for this entry, even if the clock was set back.
      if (json(v) !== json(before.get(name)))
        held.set(name, [Math.max(time, (held.get(name)?.[0] ?? 0) + 1), v]);
    }
  }

  return {
    read() {
      load();
      return value();
    },

    write(next, base) {
      const before = new Map(entries(base ?? value()));
      const writable = load();
      change(before, new Map(entries(next)));
      return { value: value(), persisted: writable && put() };
    },

    clear() {
      const writable = load();
      // Deletions, not an empty map: a tab still holding the old entries cannot bring them back.
      change(new Map(entries(value())), new Map());
      try {
        // Unreadable data that could not be set aside is not the person's details to forget.
        if (writable) options.storage()?.removeItem(key);
      } catch {
        // Storage still has the old entries; the deletions held here win over them.
      }
    },

    fromStorageEvent(eventKey, newValue) {
      if (eventKey !== null && eventKey !== key) return undefined;
      // Removed: another tab's "Forget", so forget here too.
      const found = newValue === null ? (held = new Map<string, Slot>()) : decode(newValue);
      othersUnreadable = typeof found === "string";
      if (typeof found !== "string") {
        // What the event carries, which storage may not hold yet in every browser, then what
        // storage holds now, which may be newer, since events arrive late.
        take(found);
        load();
      }
      return value();
    },

    kept,

    dropKept(name) {
      try {
        options.storage()?.removeItem(name);
      } catch {
        // Still there; the page lists it again.
      }
    },
  };
}
