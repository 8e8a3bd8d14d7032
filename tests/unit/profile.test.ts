import { describe, expect, test } from "vitest";

import {
  MAX_VALUE_LENGTH,
  PROFILE_KEY,
  PROFILE_VERSION,
  createProfileStore,
  getValue,
  parseProfile,
  setValue,
  type ProfileValues,
} from "../../src/lib/profile";
import { FakeStorage } from "../helpers/fake-storage";

function storeHolding(stored: string): ReturnType<typeof createProfileStore> {
  const storage = new FakeStorage();
  storage.items.set(PROFILE_KEY, stored);
  return createProfileStore(() => storage);
}

const v1 = (data: unknown): string => JSON.stringify({ v: 1, data });

describe("profile store", () => {
  test("uses the documented key and version", () => {
    expect(PROFILE_KEY).toBe("reconnect-kit:profile");
    expect(PROFILE_VERSION).toBe(1);
  });

  test.each<[string, string, ProfileValues]>([
    ["current version", v1({ yourName: "Sam", refName: "Ana" }), { yourName: "Sam", refName: "Ana" }],
    [
      "legacy bare object (version 0) is migrated",
      JSON.stringify({ yourName: "Sam", company2: "Acme" }),
      { yourName: "Sam", company2: "Acme" },
    ],
    [
      "legacy envelope with v:0 is migrated",
      JSON.stringify({ v: 0, data: { yourName: "Sam" } }),
      { yourName: "Sam" },
    ],
    [
      "values of the wrong type are dropped",
      v1({ a: "kept", b: 1, c: null, d: ["x"], e: { f: "g" }, h: true }),
      { a: "kept" },
    ],
    [
      "keys that are not field ids are dropped",
      v1({ ok: "1", "2bad": "2", "with space": "3", "dash-ed": "4", under_score: "5", é: "6" }),
      { ok: "1" },
    ],
    [
      "values over the length limit are dropped",
      v1({
        short: "x",
        exact: "y".repeat(MAX_VALUE_LENGTH),
        long: "z".repeat(MAX_VALUE_LENGTH + 1),
      }),
      { short: "x", exact: "y".repeat(MAX_VALUE_LENGTH) },
    ],
  ])("reads %s", (_name, stored, expected) => {
    expect(storeHolding(stored).read()).toEqual(expected);
  });

  test("writes version 1 with each field's change time, and reads it back", () => {
    const storage = new FakeStorage();
    const store = createProfileStore(() => storage);
    expect(store.write({ yourName: "Sam" })).toEqual({ value: { yourName: "Sam" }, persisted: true });
    expect(JSON.parse(storage.items.get(PROFILE_KEY) ?? "")).toEqual({
      v: 1,
      data: { yourName: "Sam" },
      t: { yourName: expect.any(Number) as number },
    });
    expect(createProfileStore(() => storage).read()).toEqual({ yourName: "Sam" });
  });

  test("a legacy profile is upgraded on the next write", () => {
    const storage = new FakeStorage();
    storage.items.set(PROFILE_KEY, JSON.stringify({ yourName: "Sam" }));
    const store = createProfileStore(() => storage);
    store.write(setValue(store.read(), "refName", "Ana"));
    expect(JSON.parse(storage.items.get(PROFILE_KEY) ?? "")).toMatchObject({
      v: 1,
      data: { yourName: "Sam", refName: "Ana" },
    });
  });

  test("a full quota keeps values in memory", () => {
    const storage = new FakeStorage();
    storage.failing.add("setItem");
    const store = createProfileStore(() => storage);
    expect(store.write({ yourName: "Sam" })).toEqual({ value: { yourName: "Sam" }, persisted: false });
    expect(store.read()).toEqual({ yourName: "Sam" });
  });

  test("works without storage at all", () => {
    const store = createProfileStore(() => {
      throw new Error("SecurityError");
    });
    expect(store.read()).toEqual({});
    expect(store.write({ yourName: "Sam" })).toEqual({ value: { yourName: "Sam" }, persisted: false });
    expect(store.read()).toEqual({ yourName: "Sam" });
  });

  test.each<[string, string | null, string | null, ProfileValues | undefined]>([
    ["our key", PROFILE_KEY, v1({ yourName: "Ana" }), { yourName: "Ana" }],
    ["our key, legacy value", PROFILE_KEY, JSON.stringify({ yourName: "Ana" }), { yourName: "Ana" }],
    ["our key removed", PROFILE_KEY, null, {}],
    ["another key", "other", v1({ yourName: "Ana" }), undefined],
    ["storage cleared", null, null, {}],
  ])("storage event for %s", (_name, key, newValue, expected) => {
    const store = createProfileStore(() => new FakeStorage());
    expect(store.fromStorageEvent(key, newValue)).toEqual(expected);
  });
});

// Two tabs typing at once: each write used to replace the whole profile with the writing tab's
// copy, so the other tab's field lost what had been typed since that tab last heard.
describe("two tabs typing into different fields", () => {
  const typing: [string, string, string][] = [
    ["their name and your name", "theirName", "yourName"],
    ["a field and an optional one", "yourName", "targetCompany"],
  ];

  test.each(typing)("%s: every character of both stays", (_name, first, second) => {
    const storage = new FakeStorage();
    const a = createProfileStore(() => storage);
    const b = createProfileStore(() => storage);
    // Each tab's page holds its own copy and types into it, key by key, in turns.
    let inA = a.read();
    let inB = b.read();
    for (let i = 1; i <= "Priya".length; i += 1) {
      const nextA = setValue(inA, first, "Priya".slice(0, i));
      a.write(nextA, inA);
      inA = nextA;
      const nextB = setValue(inB, second, "Dan".slice(0, i));
      b.write(nextB, inB);
      inB = nextB;
    }
    const both = { [first]: "Priya", [second]: "Dan" };
    expect(createProfileStore(() => storage).read()).toEqual(both);
    expect([a.read(), b.read()]).toEqual([both, both]);
  });
});

// Unreadable data used to load as empty, with nothing said, and the first edit wrote over it.
describe("a profile this version cannot read", () => {
  const unreadable: [string, string][] = [
    ["from a newer version", JSON.stringify({ v: 2, data: { yourName: "Sam", extra: { nested: 1 } } })],
    ["truncated", '{"v":1,"data":{"yourName":"Sa'],
    ["not a profile", v1(["Sam"])],
  ];

  test.each(unreadable)("%s is kept under a key of its own through the first edit", (_name, stored) => {
    const storage = new FakeStorage({ [PROFILE_KEY]: stored });
    const store = createProfileStore(() => storage);
    expect(store.read()).toEqual({});
    store.write(setValue({}, "theirName", "Dan"), {});
    expect(createProfileStore(() => storage).read()).toEqual({ theirName: "Dan" });
    const copies = storage.copiesOf(PROFILE_KEY, stored);
    expect(copies).toEqual([expect.stringMatching(/^reconnect-kit:profile:unreadable:\d+$/)]);
  });
});

describe("parseProfile", () => {
  test.each<[string, unknown, number, ProfileValues | undefined]>([
    ["version 0 object", { a: "1" }, 0, { a: "1" }],
    ["version 1 object", { a: "1" }, 1, { a: "1" }],
    ["a newer version", { a: "1" }, 2, undefined],
    ["null", null, 1, undefined],
    ["an array", ["a"], 1, undefined],
    ["a number", 5, 0, undefined],
    ["an empty object", {}, 1, {}],
  ])("%s", (_name, data, version, expected) => {
    expect(parseProfile(data, version)).toEqual(expected);
  });

  test("does not let __proto__ through", () => {
    const parsed = parseProfile(JSON.parse('{"__proto__":{"polluted":"yes"},"a":"1"}'), 1);
    expect(parsed).toEqual({ a: "1" });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe("setValue", () => {
  const base: ProfileValues = { yourName: "Sam", refName: "Ana" };

  test.each<[string, string, string, ProfileValues]>([
    ["adds a field", "company", "Acme", { yourName: "Sam", refName: "Ana", company: "Acme" }],
    ["replaces a field", "refName", "Bo", { yourName: "Sam", refName: "Bo" }],
    ["keeps surrounding spaces in a value", "company", " Acme ", { ...base, company: " Acme " }],
    ["removes a field set to empty", "refName", "", { yourName: "Sam" }],
    ["removes a field set to whitespace", "refName", " \n\t ", { yourName: "Sam" }],
    ["can set a field named like an Object method", "constructor", "x", { ...base, constructor: "x" }],
  ])("%s", (_name, id, value, expected) => {
    const before = { ...base };
    expect(setValue(base, id, value)).toEqual(expected);
    expect(base).toEqual(before);
  });

  test.each<[string, string, string]>([
    ["setting the same value", "refName", "Ana"],
    ["clearing a missing field", "company", "  "],
    ["an invalid field id", "not valid", "x"],
    ["__proto__", "__proto__", "x"],
  ])("returns the same object when %s", (_name, id, value) => {
    expect(setValue(base, id, value)).toBe(base);
  });
});

describe("getValue", () => {
  test.each<[string, ProfileValues, string, string]>([
    ["a set field", { yourName: "Sam" }, "yourName", "Sam"],
    ["a missing field", { yourName: "Sam" }, "refName", ""],
    ["a name inherited from Object.prototype", {}, "constructor", ""],
    ["an own field named like an Object method", { toString: "x" }, "toString", "x"],
  ])("%s", (_name, values, id, expected) => {
    expect(getValue(values, id)).toBe(expected);
  });
});
