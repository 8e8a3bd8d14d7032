import { describe, expect, test } from "vitest";

import { createVersionedStore, type KeyValueStorage } from "../../src/lib/storage";

const KEY = "test:notes";

type Failure = "getItem" | "setItem" | "removeItem";

/** In-memory Web Storage stand-in whose methods can be made to throw like the real thing. */
class FakeStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  readonly failing = new Set<Failure>();

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.items.set(key, value);
    }
  }

  getItem(key: string): string | null {
    this.failIf("getItem");
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.failIf("setItem");
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.failIf("removeItem");
    this.items.delete(key);
  }

  private failIf(method: Failure): void {
    if (this.failing.has(method)) {
      throw new Error(method === "setItem" ? "QuotaExceededError" : "SecurityError");
    }
  }
}

interface Notes {
  items: string[];
}

const envelope = (v: number, data: unknown): string => JSON.stringify({ v, data });

// Version 1 stored a single string; version 2 stores a list. Anything else is invalid.
function parseNotes(data: unknown, version: number): Notes | undefined {
  if (version === 1) {
    return typeof data === "string" ? { items: [data] } : undefined;
  }
  if (version === 2 && typeof data === "object" && data !== null && "items" in data) {
    const items: unknown = data.items;
    if (Array.isArray(items) && items.every((item) => typeof item === "string")) {
      return { items };
    }
  }
  return undefined;
}

function storeWith(storage: () => KeyValueStorage | undefined) {
  return createVersionedStore<Notes>({
    key: KEY,
    version: 2,
    empty: () => ({ items: [] }),
    parse: parseNotes,
    storage,
  });
}

const NOTES: Notes = { items: ["one", "two"] };

describe("createVersionedStore reading", () => {
  test.each<[string, string | undefined, Notes]>([
    ["nothing stored", undefined, { items: [] }],
    ["current version", envelope(2, NOTES), NOTES],
    ["older version is migrated", envelope(1, "only"), { items: ["only"] }],
    ["corrupt JSON", "{not json", { items: [] }],
    ["JSON that is not an envelope", "[1,2,3]", { items: [] }],
    ["an envelope without data", JSON.stringify({ v: 2 }), { items: [] }],
    ["wrong types", envelope(2, { items: [1, 2] }), { items: [] }],
    ["wrong shape", envelope(2, "text"), { items: [] }],
    ["negative version", envelope(-1, NOTES), { items: [] }],
    ["fractional version", envelope(1.5, NOTES), { items: [] }],
    ["newer version", envelope(3, NOTES), { items: [] }],
    ["JSON null", "null", { items: [] }],
  ])("%s", (_name, stored, expected) => {
    const storage = new FakeStorage(stored === undefined ? {} : { [KEY]: stored });
    expect(storeWith(() => storage).read()).toEqual(expected);
  });

  test("passes the stored version to parse and treats data without an envelope as version 0", () => {
    const seen: [unknown, number][] = [];
    const cases = [envelope(0, "zero"), envelope(1, "one"), JSON.stringify({ bare: true })];
    for (const stored of cases) {
      const storage = new FakeStorage({ [KEY]: stored });
      createVersionedStore<string>({
        key: KEY,
        version: 2,
        empty: () => "",
        parse: (data, version) => {
          seen.push([data, version]);
          return "";
        },
        storage: () => storage,
      }).read();
    }
    expect(seen).toEqual([
      ["zero", 0],
      ["one", 1],
      [{ bare: true }, 0],
    ]);
  });

  test("does not call parse for a newer version", () => {
    const storage = new FakeStorage({ [KEY]: envelope(3, "future") });
    const store = createVersionedStore<string>({
      key: KEY,
      version: 2,
      empty: () => "empty",
      parse: () => {
        throw new Error("parse must not see newer versions");
      },
      storage: () => storage,
    });
    expect(store.read()).toBe("empty");
  });

  test("a parse that throws counts as invalid data", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, "x") });
    const store = createVersionedStore<string>({
      key: KEY,
      version: 2,
      empty: () => "empty",
      parse: () => {
        throw new Error("bug in a migration");
      },
      storage: () => storage,
    });
    expect(store.read()).toBe("empty");
  });

  test.each<[string, string]>([
    ["newer version", envelope(3, NOTES)],
    ["corrupt JSON", "{not json"],
    ["older version", envelope(1, "only")],
  ])("reading leaves the stored %s untouched", (_name, stored) => {
    const storage = new FakeStorage({ [KEY]: stored });
    storeWith(() => storage).read();
    expect(storage.items.get(KEY)).toBe(stored);
  });

  test("reads other writers' changes rather than caching", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    expect(store.read()).toEqual({ items: [] });
    storage.items.set(KEY, envelope(2, NOTES));
    expect(store.read()).toEqual(NOTES);
  });
});

describe("createVersionedStore writing", () => {
  test("writes the envelope and reads it back", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    expect(store.write(NOTES)).toEqual({ persisted: true });
    expect(storage.items.get(KEY)).toBe('{"v":2,"data":{"items":["one","two"]}}');
    expect(store.read()).toEqual(NOTES);
    expect(storeWith(() => storage).read()).toEqual(NOTES);
    expect(store.persistent).toBe(true);
  });

  test("clear() removes the stored value", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    store.write(NOTES);
    store.clear();
    expect(storage.items.has(KEY)).toBe(false);
    expect(store.read()).toEqual({ items: [] });
  });
});

describe("createVersionedStore when storage fails", () => {
  const throwingGetter = (): KeyValueStorage => {
    throw new Error("SecurityError");
  };

  test.each<[string, () => KeyValueStorage | undefined]>([
    ["the storage getter throws", throwingGetter],
    ["the storage getter returns undefined", () => undefined],
    [
      "getItem, setItem and removeItem all throw",
      () => {
        const storage = new FakeStorage();
        storage.failing.add("getItem").add("setItem").add("removeItem");
        return storage;
      },
    ],
  ])("%s: values are kept in memory for this page", (_name, getStorage) => {
    const store = storeWith(getStorage);
    expect(store.persistent).toBe(false);
    expect(store.read()).toEqual({ items: [] });
    expect(store.write(NOTES)).toEqual({ persisted: false });
    expect(store.read()).toEqual(NOTES);
    expect(store.persistent).toBe(false);
    store.clear();
    expect(store.read()).toEqual({ items: [] });
  });

  test("getItem throws: reads fall back to memory", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, NOTES) });
    storage.failing.add("getItem");
    const store = storeWith(() => storage);
    expect(store.read()).toEqual({ items: [] });
    expect(store.persistent).toBe(false);
  });

  test("setItem throws (quota): the value stays readable from memory", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, { items: ["old"] }) });
    const store = storeWith(() => storage);
    storage.failing.add("setItem");

    expect(store.write(NOTES)).toEqual({ persisted: false });
    expect(store.read()).toEqual(NOTES);
    expect(store.persistent).toBe(false);
    expect(storage.items.get(KEY)).toBe(envelope(2, { items: ["old"] }));
  });

  test("a later successful write is persisted again", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ items: ["lost"] });
    storage.failing.delete("setItem");

    expect(store.write(NOTES)).toEqual({ persisted: true });
    expect(store.persistent).toBe(true);
    expect(storeWith(() => storage).read()).toEqual(NOTES);
  });

  test("a value that cannot be serialised is kept in memory", () => {
    const storage = new FakeStorage();
    const store = createVersionedStore<{ n: bigint }>({
      key: KEY,
      version: 1,
      empty: () => ({ n: 0n }),
      parse: () => undefined,
      storage: () => storage,
    });
    expect(store.write({ n: 1n })).toEqual({ persisted: false });
    expect(store.read()).toEqual({ n: 1n });
  });

  test("removeItem throws: clear() still empties the value on this page", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, NOTES) });
    storage.failing.add("removeItem");
    const store = storeWith(() => storage);

    store.clear();
    expect(store.read()).toEqual({ items: [] });
    expect(store.persistent).toBe(false);
  });
});

describe("createVersionedStore.fromStorageEvent", () => {
  test.each<[string, string | null, string | null, Notes | undefined]>([
    ["our key with a new value", KEY, envelope(2, NOTES), NOTES],
    ["our key with an older version", KEY, envelope(1, "only"), { items: ["only"] }],
    ["our key removed", KEY, null, { items: [] }],
    ["our key with corrupt JSON", KEY, "{not json", { items: [] }],
    ["our key with a newer version", KEY, envelope(3, NOTES), { items: [] }],
    ["another key", "someone-else", envelope(2, NOTES), undefined],
    ["storage cleared (null key)", null, null, { items: [] }],
  ])("%s", (_name, key, newValue, expected) => {
    const store = storeWith(() => new FakeStorage());
    expect(store.fromStorageEvent(key, newValue)).toEqual(expected);
  });

  test.each<[string, string | null, string | null, Notes]>([
    ["our key", KEY, envelope(2, NOTES), NOTES],
    ["storage cleared", null, null, { items: [] }],
  ])("an event for %s replaces a value held in memory", (_name, key, newValue, expected) => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ items: ["unsaved"] });
    storage.failing.delete("setItem");
    // Another tab has changed storage; the event reports what it now holds.
    if (newValue === null) {
      storage.items.clear();
    } else {
      storage.items.set(KEY, newValue);
    }

    expect(store.fromStorageEvent(key, newValue)).toEqual(expected);
    expect(store.read()).toEqual(expected);
  });

  test("an event for another key keeps the value held in memory", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ items: ["unsaved"] });

    store.fromStorageEvent("someone-else", "x");
    expect(store.read()).toEqual({ items: ["unsaved"] });
  });
});
