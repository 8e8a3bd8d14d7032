/**
 * Properties of the stored envelopes (src/lib/storage.ts), over generated values, stored texts and
 * interleavings of two tabs.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  createProfileStore,
  getValue,
  PROFILE_KEY,
  setValue,
  type ProfileValues,
} from "../../src/lib/profile";
import { createVersionedStore, type KeyValueStorage } from "../../src/lib/storage";
import { Browser, FakeStorage } from "../helpers/fake-storage";

const KEY = "test:any";
type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A store of any JSON object, one entry per property; version 1. */
function anyStore(storage: () => KeyValueStorage | undefined) {
  return createVersionedStore<Record_>({
    key: KEY,
    version: 1,
    parse: (data, version) => (version <= 1 && isRecord(data) ? data : undefined),
    entries: Object.entries,
    build: (entries) => Object.fromEntries(entries),
    storage,
  });
}

/** What JSON keeps of a value (-0 becomes 0). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const anyObject = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 });

/** Field ids and what a person may type in them. */
const fieldId = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/);
const profile = fc.dictionary(
  fieldId,
  fc.string({ minLength: 1, maxLength: 40 }).filter((v) => v.trim() !== ""),
  {
    maxKeys: 6,
  },
);

describe("write, then read", () => {
  test("any JSON object comes back as written", () => {
    fc.assert(
      fc.property(anyObject, (value) => {
        const storage = new FakeStorage();
        expect(anyStore(() => storage).write(value).persisted).toBe(true);
        expect(anyStore(() => storage).read()).toEqual(asJson(value));
      }),
    );
  });

  test("after any series of writes, a fresh page reads the last one", () => {
    fc.assert(
      fc.property(fc.array(anyObject, { minLength: 1, maxLength: 6 }), (values) => {
        const storage = new FakeStorage();
        const store = anyStore(() => storage);
        let shown = store.read();
        for (const value of values) shown = store.write(value, shown).value;
        expect(anyStore(() => storage).read()).toEqual(asJson(values.at(-1)));
      }),
    );
  });

  test("any profile comes back as typed", () => {
    fc.assert(
      fc.property(profile, (values) => {
        const storage = new FakeStorage();
        createProfileStore(() => storage).write(values);
        expect(createProfileStore(() => storage).read()).toEqual(values);
      }),
    );
  });
});

/** Texts that may be found at our key: anything, any JSON, envelopes of any version, cut short. */
const storedText = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      v: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.double()),
      data: fc.jsonValue(),
      t: fc.jsonValue(),
    })
    .map((envelope) => JSON.stringify(envelope)),
  fc.tuple(anyObject, fc.nat()).map(([data, cut]) => {
    const text = JSON.stringify({ v: 1, data });
    return text.slice(0, cut % (text.length + 1));
  }),
);

describe("whatever storage holds", () => {
  test("reading never throws, and the text is either read as data or kept aside, byte for byte", () => {
    fc.assert(
      fc.property(storedText, (text) => {
        const storage = new FakeStorage({ [KEY]: text });
        const store = anyStore(() => storage);
        const value = store.read();
        const copies = storage.copiesOf(KEY, text);
        if (storage.items.get(KEY) === text) {
          // Read as data: nothing set aside, nothing rewritten.
          expect(copies).toEqual([]);
        } else {
          expect(value).toEqual({});
          expect(copies).toHaveLength(1);
          expect(store.kept().map((copy) => copy.text)).toEqual([text]);
        }
      }),
    );
  });

  test("the first edit afterwards loses none of it", () => {
    fc.assert(
      fc.property(storedText, fc.jsonValue(), (text, typed) => {
        const storage = new FakeStorage({ [KEY]: text });
        const store = anyStore(() => storage);
        const before = store.read();
        const after = store.write({ ...before, "\u0000edit": typed }, before).value;
        const keptAside = storage.copiesOf(KEY, text).length === 1;
        // Either it was kept aside, or everything it held is still held.
        expect(keptAside || Object.keys(before).every((name) => Object.hasOwn(after, name))).toBe(true);
        expect(anyStore(() => storage).read()).toEqual(asJson(after));
      }),
    );
  });
});

describe("two tabs typing at once", () => {
  /** One tab's page: its store, and what it shows (from its writes and its storage events). */
  function page(browser: Browser) {
    const tab = browser.open();
    const store = createProfileStore(() => tab);
    const shown = { values: store.read() };
    tab.onStorage = (key, value) => {
      const next = store.fromStorageEvent(key, value);
      if (next !== undefined) shown.values = next;
    };
    /** A key pressed in `field`: what the box shows, one more character. */
    const type = (field: string, letter: string): void => {
      shown.values = store.write(
        setValue(shown.values, field, getValue(shown.values, field) + letter),
        shown.values,
      ).value;
    };
    return { store, shown, type };
  }

  const plan = fc.record({
    // A third tab that only listens, and writes back what it holds when it must.
    third: fc.boolean(),
    a: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `a${s}`),
    b: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `b${s}`),
    // Who acts next: a key in tab A, a key in tab B, or the browser passing one write on.
    steps: fc.array(fc.constantFrom("A", "B", "deliver"), { maxLength: 120 }),
  });

  test("into different fields: every character of both stays, in any interleaving and with late delivery", () => {
    fc.assert(
      fc.property(plan, ({ third, a, b, steps }) => {
        const browser = new Browser();
        const [pageA, pageB] = [page(browser), page(browser)];
        const pageC = third ? page(browser) : pageB;
        const left = { A: Array.from(a), B: Array.from(b) };
        const act = (who: "A" | "B") => {
          const letter = left[who].shift();
          if (letter !== undefined)
            (who === "A" ? pageA : pageB).type(who === "A" ? "yourName" : "theirName", letter);
        };
        for (const step of steps) {
          if (step === "deliver") browser.deliverOne();
          else act(step);
        }
        while (left.A.length > 0 || left.B.length > 0) {
          act("A");
          act("B");
        }
        browser.settle();

        const both: ProfileValues = { yourName: a, theirName: b };
        expect([pageA.shown.values, pageB.shown.values, pageC.shown.values]).toEqual([both, both, both]);
        const stored = new FakeStorage(Object.fromEntries(browser.items));
        expect(createProfileStore(() => stored).read()).toEqual(both);
        expect(stored.items.has(PROFILE_KEY)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
