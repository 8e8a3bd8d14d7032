import { describe, expect, test } from "vitest";

import { createVersionedStore, type KeyValueStorage } from "../../src/lib/storage";
import { Browser, FakeStorage } from "../helpers/fake-storage";

const KEY = "test:notes";
const ASIDE = `${KEY}:unreadable:`;

/** Notes by name. Version 1 stored one note as a bare string; version 2 stores them by name. */
type Notes = Record<string, string>;

function parseNotes(data: unknown, version: number): Notes | undefined {
  if (version === 1) return typeof data === "string" ? { note: data } : undefined;
  if (version !== 2 || typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const entries = Object.entries(data);
  return entries.every(([, value]) => typeof value === "string") ? (data as Notes) : undefined;
}

function storeWith(storage: () => KeyValueStorage | undefined, now: () => number = clock()) {
  return createVersionedStore<Notes>({
    key: KEY,
    version: 2,
    parse: parseNotes,
    entries: Object.entries,
    build: (entries) => Object.fromEntries(entries) as Notes,
    storage,
    now,
  });
}

/** A clock that moves on by a millisecond each time it is read, so every change has its time. */
function clock(start = 1_000): () => number {
  let time = start;
  return () => (time += 1);
}

const envelope = (v: number, data: unknown, t?: Record<string, number>): string =>
  JSON.stringify(t === undefined ? { v, data } : { v, data, t });

const NOTES: Notes = { one: "first", two: "second" };

describe("reading", () => {
  test.each<[string, string | undefined, Notes]>([
    ["nothing stored", undefined, {}],
    ["the current version", envelope(2, NOTES), NOTES],
    ["the current version with change times", envelope(2, NOTES, { one: 5, two: 6 }), NOTES],
    ["an older version, migrated", envelope(1, "only"), { note: "only" }],
  ])("%s", (_name, stored, expected) => {
    const storage = new FakeStorage(stored === undefined ? {} : { [KEY]: stored });
    expect(storeWith(() => storage).read()).toEqual(expected);
    // Readable data is read, not rewritten.
    expect(storage.items.get(KEY)).toBe(stored);
  });

  test("passes the stored version to parse and treats data without an envelope as version 0", () => {
    const seen: [unknown, number][] = [];
    for (const stored of [envelope(0, "zero"), envelope(1, "one"), JSON.stringify({ bare: true })]) {
      const storage = new FakeStorage({ [KEY]: stored });
      createVersionedStore<Notes>({
        key: KEY,
        version: 2,
        parse: (data, version) => {
          seen.push([data, version]);
          return {};
        },
        entries: Object.entries,
        build: () => ({}),
        storage: () => storage,
      }).read();
    }
    expect(seen).toEqual([
      ["zero", 0],
      ["one", 1],
      [{ bare: true }, 0],
    ]);
  });

  test("reads other writers' changes rather than caching", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    expect(store.read()).toEqual({});
    storage.items.set(KEY, envelope(2, NOTES));
    expect(store.read()).toEqual(NOTES);
  });
});

describe("data it cannot read is kept aside, never lost", () => {
  const unreadable: [string, string, boolean][] = [
    ["corrupt JSON", "{not json", false],
    ["truncated JSON", envelope(2, NOTES).slice(0, 20), false],
    ["JSON that is not an envelope", "[1,2,3]", false],
    ["an envelope without data", JSON.stringify({ v: 2 }), false],
    ["wrong types", envelope(2, { one: 1 }), false],
    ["wrong shape", envelope(2, ["first"]), false],
    ["a negative version", envelope(-1, NOTES), false],
    ["a fractional version", envelope(1.5, NOTES), false],
    ["JSON null", "null", false],
    ["a newer version", envelope(3, { one: { rich: "text" } }), true],
  ];

  test.each(unreadable)("%s: set aside byte for byte, and the page starts empty", (_name, stored, newer) => {
    const storage = new FakeStorage({ [KEY]: stored });
    const store = storeWith(() => storage);
    expect(store.read()).toEqual({});
    const [copy] = storage.copiesOf(KEY, stored);
    expect(copy).toMatch(new RegExp(`^${ASIDE}\\d+$`));
    expect(store.kept()).toEqual([{ key: copy, text: stored, newer }]);
    // Our key now holds readable (empty) data, so the next visit does not set it aside again.
    expect(storeWith(() => storage).read()).toEqual({});
    expect(storage.copiesOf(KEY, stored)).toEqual([copy]);
  });

  test.each(unreadable)("%s: the first edit afterwards keeps the copy", (_name, stored) => {
    const storage = new FakeStorage({ [KEY]: stored });
    const store = storeWith(() => storage);
    expect(store.write({ one: "new" }, {})).toEqual({ value: { one: "new" }, persisted: true });
    expect(storage.copiesOf(KEY, stored)).toHaveLength(1);
    expect(storeWith(() => storage).read()).toEqual({ one: "new" });
  });

  test("a parse that throws counts as damaged data, kept aside", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, "x") });
    const store = createVersionedStore<Notes>({
      key: KEY,
      version: 2,
      parse: (data) => {
        if (data === "x") throw new Error("bug in a migration");
        return {};
      },
      entries: Object.entries,
      build: () => ({}),
      storage: () => storage,
    });
    expect(store.read()).toEqual({});
    expect(store.kept()).toEqual([expect.objectContaining({ text: envelope(2, "x"), newer: false })]);
  });

  test("a newer version is never given to parse", () => {
    const storage = new FakeStorage({ [KEY]: envelope(3, "future") });
    const store = createVersionedStore<Notes>({
      key: KEY,
      version: 2,
      parse: () => {
        throw new Error("parse must not see newer versions");
      },
      entries: Object.entries,
      build: () => ({}),
      storage: () => storage,
    });
    expect(store.kept()).toEqual([expect.objectContaining({ newer: true })]);
  });

  test("each unreadable value gets a key of its own: no copy is ever written over", () => {
    const storage = new FakeStorage({ [KEY]: "{first" });
    // A clock that stands still: both copies are made in the same millisecond.
    const store = storeWith(
      () => storage,
      () => 7,
    );
    store.read();
    storage.items.set(KEY, "{second");
    store.read();
    expect(Object.fromEntries(storage.items)).toMatchObject({
      [`${ASIDE}7`]: "{first",
      [`${ASIDE}8`]: "{second",
    });
    expect(store.kept().map((copy) => copy.text)).toEqual(["{first", "{second"]);
  });

  test("dropKept deletes that copy only, and only when asked", () => {
    const storage = new FakeStorage({ [KEY]: "{first", [`${ASIDE}1`]: "{older" });
    const store = storeWith(() => storage);
    const [older, first] = store.kept();
    store.dropKept(older?.key ?? "");
    expect(store.kept()).toEqual([first]);
    expect(storage.items.has(`${ASIDE}1`)).toBe(false);
  });

  test("when it cannot be set aside (storage full), nothing is written over it", () => {
    const stored = envelope(3, NOTES);
    const storage = new FakeStorage({ [KEY]: stored });
    storage.failing.add("setItem");
    const store = storeWith(() => storage);
    expect(store.read()).toEqual({});
    expect(store.write({ one: "typed" }, {})).toEqual({ value: { one: "typed" }, persisted: false });
    // What was typed stays on the page; what was stored stays as it was.
    expect(store.read()).toEqual({ one: "typed" });
    store.clear();
    expect(storage.items.get(KEY)).toBe(stored);
    storage.failing.clear();
    store.write({ one: "typed" }, {});
    expect(storage.copiesOf(KEY, stored)).toHaveLength(1);
  });

  test("another tab writing data this page cannot read is left alone, not set aside", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    store.write({ one: "mine" });
    const theirs = envelope(3, { one: "a newer tab's" });
    storage.items.set(KEY, theirs);
    expect(store.fromStorageEvent(KEY, theirs)).toEqual({ one: "mine" });
    expect(store.write({ one: "mine, still" }).persisted).toBe(false);
    expect(storage.items.get(KEY)).toBe(theirs);
    expect(storage.copiesOf(KEY, theirs)).toEqual([]);
    // Once that tab writes what this one can read again, saving resumes.
    const readable = envelope(2, { two: "back" }, { two: 1 });
    storage.items.set(KEY, readable);
    store.fromStorageEvent(KEY, readable);
    expect(store.write({ one: "saved", two: "back" }).persisted).toBe(true);
  });
});

describe("writing", () => {
  test("writes the envelope with each entry's change time, and reads it back", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage, clock(100));
    expect(store.write(NOTES)).toEqual({ value: NOTES, persisted: true });
    expect(storage.items.get(KEY)).toBe(
      '{"v":2,"data":{"one":"first","two":"second"},"t":{"one":101,"two":101}}',
    );
    expect(storeWith(() => storage).read()).toEqual(NOTES);
  });

  test("only entries that changed get a new time", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, NOTES, { one: 5, two: 6 }) });
    const store = storeWith(() => storage, clock(100));
    const values = store.read();
    store.write({ ...values, two: "edited" }, values);
    expect(JSON.parse(storage.items.get(KEY) ?? "")).toEqual({
      v: 2,
      data: { one: "first", two: "edited" },
      t: { one: 5, two: 101 },
    });
  });

  test("data from before change times were kept is upgraded on the next write", () => {
    const storage = new FakeStorage({ [KEY]: envelope(1, "only") });
    const store = storeWith(() => storage, clock(100));
    store.write({ ...store.read(), two: "added" });
    expect(storage.items.get(KEY)).toBe(
      '{"v":2,"data":{"note":"only","two":"added"},"t":{"note":0,"two":101}}',
    );
  });

  test("a change wins over its entry's last time even when the clock was set back", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, { one: "from the future" }, { one: 9_000 }) });
    const store = storeWith(() => storage, clock(100));
    store.write({ one: "now" }, store.read());
    expect(storeWith(() => storage).read()).toEqual({ one: "now" });
  });

  test("clear() removes the stored value", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    store.write(NOTES);
    store.clear();
    expect(storage.items.has(KEY)).toBe(false);
    expect(store.read()).toEqual({});
  });
});

describe("several tabs", () => {
  test("edits to different entries in two tabs both stay, whoever writes last", () => {
    const storage = new FakeStorage();
    const now = clock();
    const a = storeWith(() => storage, now);
    const b = storeWith(() => storage, now);
    const seenByA = a.read();
    const seenByB = b.read();
    a.write({ ...seenByA, one: "from A" }, seenByA);
    expect(b.write({ ...seenByB, two: "from B" }, seenByB).value).toEqual({ one: "from A", two: "from B" });
    expect(storeWith(() => storage).read()).toEqual({ one: "from A", two: "from B" });
  });

  test("the later edit of one entry wins", () => {
    const storage = new FakeStorage();
    const now = clock();
    const a = storeWith(() => storage, now);
    const b = storeWith(() => storage, now);
    a.write({ one: "A's" }, {});
    b.write({ one: "B's, later" }, {});
    expect(a.read()).toEqual({ one: "B's, later" });
  });

  test("a deletion is not brought back by a tab that still holds the entry", () => {
    const storage = new FakeStorage();
    const now = clock();
    const a = storeWith(() => storage, now);
    const b = storeWith(() => storage, now);
    a.write(NOTES);
    expect(b.read()).toEqual(NOTES);
    a.write({ two: "second" }, NOTES);
    // B has not heard of it, and writes its own change from what it holds.
    expect(b.write({ ...NOTES, three: "third" }, NOTES).value).toEqual({ two: "second", three: "third" });
  });

  test("only what differs from `base` is written, so a tab that has not redrawn yet reverts nothing", () => {
    const storage = new FakeStorage();
    const now = clock();
    const a = storeWith(() => storage, now);
    const b = storeWith(() => storage, now);
    const drawn = b.read();
    a.write({ one: "A's" }, {});
    b.fromStorageEvent(KEY, storage.items.get(KEY) ?? null);
    // B's page still draws `drawn` (without A's entry) and adds its own.
    expect(b.write({ ...drawn, two: "B's" }, drawn).value).toEqual({ one: "A's", two: "B's" });
  });

  test("a tab that wrote from a stale copy of storage is corrected by the tab it overwrote", () => {
    const browser = new Browser();
    const [tabA, tabB] = [browser.open(), browser.open()];
    const now = clock();
    const a = storeWith(() => tabA, now);
    const b = storeWith(() => tabB, now);
    tabA.onStorage = (key, value) => a.fromStorageEvent(key, value);
    tabB.onStorage = (key, value) => b.fromStorageEvent(key, value);
    a.write({ one: "A's" }, {});
    // B writes before A's write reaches it: its copy of storage has no "one".
    b.write({ two: "B's" }, {});
    browser.settle();
    const both = { one: "A's", two: "B's" };
    expect([
      a.read(),
      b.read(),
      storeWith(() => new FakeStorage(Object.fromEntries(browser.items))).read(),
    ]).toEqual([both, both, both]);
  });

  test("an event that arrives after storage moved on writes nothing older over it", () => {
    const storage = new FakeStorage();
    const now = clock();
    const a = storeWith(() => storage, now);
    const b = storeWith(() => storage, now);
    a.write({ one: "x" }, {});
    b.write({ one: "x", two: "M" }, { one: "x" });
    const late = storage.items.get(KEY) ?? null;
    a.write({ one: "xy", two: "M" }, { one: "x", two: "M" });
    b.write({ one: "xy", two: "Ma" }, { one: "xy", two: "M" });
    // A hears of B's first write only now.
    expect(a.fromStorageEvent(KEY, late)).toEqual({ one: "xy", two: "Ma" });
    expect(storeWith(() => storage).read()).toEqual({ one: "xy", two: "Ma" });
  });

  test("two edits of one entry in the same millisecond end the same in every tab", () => {
    const browser = new Browser();
    const [tabA, tabB] = [browser.open(), browser.open()];
    const a = storeWith(
      () => tabA,
      () => 5,
    );
    const b = storeWith(
      () => tabB,
      () => 5,
    );
    tabA.onStorage = (key, value) => a.fromStorageEvent(key, value);
    tabB.onStorage = (key, value) => b.fromStorageEvent(key, value);
    a.write({ one: "banana" }, {});
    b.write({ one: "apple" }, {});
    browser.settle();
    expect(a.read()).toEqual(b.read());
    expect(JSON.parse(browser.items.get(KEY) ?? "")).toMatchObject({ data: a.read() });
  });
});

describe("when storage fails", () => {
  const throwingGetter = (): KeyValueStorage => {
    throw new Error("SecurityError");
  };

  test.each<[string, () => KeyValueStorage | undefined]>([
    ["the storage getter throws", throwingGetter],
    ["the storage getter returns undefined", () => undefined],
    [
      "every method throws",
      () => {
        const storage = new FakeStorage();
        storage.failing.add("getItem").add("setItem").add("removeItem").add("key");
        return storage;
      },
    ],
  ])("%s: values are kept in memory for this page", (_name, getStorage) => {
    const store = storeWith(getStorage);
    expect(store.read()).toEqual({});
    expect(store.write(NOTES)).toEqual({ value: NOTES, persisted: false });
    expect(store.read()).toEqual(NOTES);
    expect(store.kept()).toEqual([]);
    store.clear();
    expect(store.read()).toEqual({});
  });

  test("setItem throws (quota): the value stays readable from memory, and storage as it was", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, { one: "old" }) });
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    expect(store.write(NOTES)).toEqual({ value: NOTES, persisted: false });
    expect(store.read()).toEqual(NOTES);
    expect(storage.items.get(KEY)).toBe(envelope(2, { one: "old" }));
  });

  test("a later successful write saves what was kept in memory", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ one: "held" });
    storage.failing.delete("setItem");
    expect(store.write({ one: "held", two: "more" }).persisted).toBe(true);
    expect(storeWith(() => storage).read()).toEqual({ one: "held", two: "more" });
  });

  test("removeItem throws: clear() still empties the value on this page", () => {
    const storage = new FakeStorage({ [KEY]: envelope(2, NOTES) });
    storage.failing.add("removeItem");
    const store = storeWith(() => storage);
    store.clear();
    expect(store.read()).toEqual({});
  });
});

describe("fromStorageEvent", () => {
  test.each<[string, string | null, string | null, Notes | undefined]>([
    ["our key with a new value", KEY, envelope(2, NOTES), NOTES],
    ["our key with an older version", KEY, envelope(1, "only"), { note: "only" }],
    ["our key removed", KEY, null, {}],
    ["our key with corrupt JSON", KEY, "{not json", {}],
    ["our key with a newer version", KEY, envelope(3, NOTES), {}],
    ["another key", "someone-else", envelope(2, NOTES), undefined],
    ["storage cleared (null key)", null, null, {}],
  ])("%s", (_name, key, newValue, expected) => {
    const storage = new FakeStorage(newValue === null || key !== KEY ? {} : { [KEY]: newValue });
    expect(storeWith(() => storage).fromStorageEvent(key, newValue)).toEqual(expected);
  });

  test("another tab's Forget forgets here too, even what could not be saved", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ one: "unsaved" });
    storage.failing.delete("setItem");
    expect(store.fromStorageEvent(KEY, null)).toEqual({});
    expect(store.read()).toEqual({});
  });

  test("an event for another key keeps the value held in memory", () => {
    const storage = new FakeStorage();
    const store = storeWith(() => storage);
    storage.failing.add("setItem");
    store.write({ one: "unsaved" });
    expect(store.fromStorageEvent("someone-else", "x")).toBeUndefined();
    expect(store.read()).toEqual({ one: "unsaved" });
  });
});
