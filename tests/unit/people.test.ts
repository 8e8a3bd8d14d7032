/**
 * People, not one profile (src/lib/people.ts): your details apart from each person you write to,
 * so writing to two people in turn keeps both; and the data an earlier version stored (one
 * "Their name" in the profile, a tracker list without details) migrates with nothing lost.
 */
import { describe, expect, test } from "vitest";
import {
  adoptSomeoneNew,
  choosePerson,
  chosenPerson,
  createTrackerStore,
  personValues,
  shownValues,
  stepToMark,
  withValue,
  writeTo,
  type Details,
  type Reference,
} from "../../src/lib/people.ts";
import { createProfileStore, PROFILE_KEY } from "../../src/lib/profile.ts";
import { REFERENCES_KEY } from "../../src/lib/references.ts";
import { FakeStorage } from "../helpers/fake-storage.ts";

const NOW = new Date("2026-12-01T12:00:00Z");
const PERSON_FIELDS = ["theirName", "relationship", "workplace", "theirEmail", "theirPhone", "theirNews"];

const person = (id: string, name: string, extra: Partial<Reference> = {}): Reference => ({
  id,
  name,
  relationship: "",
  channel: "email",
  contact: "",
  requests: [],
  updated: "2026-01-01T00:00:00.000Z",
  ...extra,
});

/** Types into a field as a template page does. */
const type = (details: Details, field: string, value: string) =>
  withValue(details, PERSON_FIELDS, field, value, NOW);
/** Leaves the name field of someone new, as a template page does: they become a person. */
const named = (details: Details, name: string, id: string) =>
  adoptSomeoneNew(type(details, "theirName", name), PERSON_FIELDS, id, NOW);

describe("writing to two people in turn", () => {
  test("each keeps their own details; yours are shared; switching loses nothing", () => {
    let details: Details = { profile: { yourName: "Maya" }, tracker: { references: [] } };
    details = named(details, "Dan", "dan");
    details = type(details, "theirEmail", "dan@example.com");
    details = type(details, "workplace", "Acme");
    // Someone new: their fields start empty, yours stay.
    details = choosePerson(details, undefined, PERSON_FIELDS, "x", NOW);
    expect(shownValues(details, PERSON_FIELDS)).toEqual({ yourName: "Maya" });
    // Typed before the name is done: kept for someone new, then theirs.
    details = type(details, "theirPhone", "555-0100");
    details = named(details, "Ana", "ana");

    expect(shownValues(details, PERSON_FIELDS)).toEqual({
      yourName: "Maya",
      theirName: "Ana",
      theirPhone: "555-0100",
    });
    details = choosePerson(details, "dan", PERSON_FIELDS, "x", NOW);
    expect(shownValues(details, PERSON_FIELDS)).toEqual({
      yourName: "Maya",
      theirName: "Dan",
      theirEmail: "dan@example.com",
      workplace: "Acme",
    });
    expect(details.tracker.references.map((r) => r.name)).toEqual(["Dan", "Ana"]);
  });

  test("a half-typed name is not a person: someone new becomes one when the name is done", () => {
    const typed = type({ profile: {}, tracker: { references: [] } }, "theirName", "D");
    expect(typed.tracker.references).toEqual([]);
    expect(shownValues(typed, PERSON_FIELDS)).toEqual({ theirName: "D" });
  });

  test("choosing another person first makes someone new with a name a person", () => {
    const typed = type(
      type({ profile: {}, tracker: { references: [person("dan", "Dan")] } }, "theirName", "Wen"),
      "workplace",
      "Acme",
    );
    const switched = choosePerson(typed, "dan", PERSON_FIELDS, "wen", NOW);
    expect(switched.profile).toEqual({ writingTo: "dan" });
    expect(switched.tracker.references[1]).toMatchObject({
      id: "wen",
      name: "Wen",
      details: { workplace: "Acme" },
    });
  });

  test.each<[string, Partial<Reference>, Record<string, string>]>([
    ["an email contact is their email", { channel: "email", contact: "d@x.org" }, { theirEmail: "d@x.org" }],
    ["a text contact is their phone", { channel: "text", contact: "555-0101" }, { theirPhone: "555-0101" }],
    ["a phone contact is their phone", { channel: "phone", contact: "555-0102" }, { theirPhone: "555-0102" }],
    ["a LinkedIn profile fills neither", { channel: "linkedin", contact: "in/dan" }, {}],
    ["how you know them", { relationship: "my manager at Acme" }, { relationship: "my manager at Acme" }],
    [
      "details beside a contact for another channel",
      { channel: "linkedin", contact: "in/dan", details: { theirEmail: "d@x.org" } },
      { theirEmail: "d@x.org" },
    ],
  ])("what the tracker knows reaches a template: %s", (_name, extra, expected) => {
    expect(personValues(person("dan", "Dan", extra))).toEqual({ theirName: "Dan", ...expected });
  });

  test.each<[string, string, string, Partial<Reference>]>([
    ["the name renames them", "theirName", "Daniel", { name: "Daniel" }],
    ["their email, for an email contact, is the contact", "theirEmail", "d@x.org", { contact: "d@x.org" }],
    [
      "their phone, for an email contact, is a detail",
      "theirPhone",
      "555",
      { details: { theirPhone: "555" } },
    ],
    ["how you know them", "relationship", "my mentor", { relationship: "my mentor" }],
    ["anything else is a detail", "theirNews", "your new role", { details: { theirNews: "your new role" } }],
  ])("typing for a person: %s", (_name, field, value, expected) => {
    const details: Details = {
      profile: { writingTo: "dan" },
      tracker: { references: [person("dan", "Dan")] },
    };
    expect(chosenPerson(type(details, field, value))).toMatchObject(expected);
  });

  test("a name cleared while typing stays their name until a new one is typed", () => {
    let details: Details = { profile: { writingTo: "dan" }, tracker: { references: [person("dan", "Dan")] } };
    details = type(details, "theirName", "");
    expect(chosenPerson(details)?.name).toBe("Dan");
    expect(shownValues(details, PERSON_FIELDS)["theirName"]).toBeUndefined();
    details = type(details, "theirName", "Dana");
    expect(chosenPerson(details)).toMatchObject({ name: "Dana", details: {} });
    expect(shownValues(details, PERSON_FIELDS)["theirName"]).toBe("Dana");
  });

  test("your own details never go to a person", () => {
    const details: Details = {
      profile: { writingTo: "dan" },
      tracker: { references: [person("dan", "Dan")] },
    };
    const typed = type(details, "yourName", "Maya");
    expect(typed.profile).toEqual({ writingTo: "dan", yourName: "Maya" });
    expect(typed.tracker).toBe(details.tracker);
  });

  test("the quick start's name writes to that person, never renaming the one chosen", () => {
    const details: Details = {
      profile: { writingTo: "dan" },
      tracker: { references: [person("dan", "Dan"), person("ana", "Ana")] },
    };
    expect(writeTo(details, PERSON_FIELDS, " ana ", "x", NOW).profile).toEqual({ writingTo: "ana" });
    const added = writeTo(details, PERSON_FIELDS, "Wen", "wen", NOW);
    expect(added.profile).toEqual({ writingTo: "wen" });
    expect(added.tracker.references.map((r) => r.name)).toEqual(["Dan", "Ana", "Wen"]);
  });
});

describe("migration: data the previous version stored", () => {
  test("the profile's one Their name becomes the first person, with every detail about them", () => {
    const stored: Details = {
      profile: {
        yourName: "Maya",
        theirName: "Dan",
        workplace: "Acme",
        theirNews: "your move",
        neededBy: "2026-12-11",
      },
      tracker: { references: [] },
    };
    const migrated = adoptSomeoneNew(stored, PERSON_FIELDS, "dan", NOW);
    expect(migrated.profile).toEqual({ yourName: "Maya", neededBy: "2026-12-11", writingTo: "dan" });
    expect(migrated.tracker.references).toEqual([
      {
        id: "dan",
        name: "Dan",
        relationship: "",
        channel: "email",
        contact: "",
        requests: [],
        updated: NOW.toISOString(),
        details: { workplace: "Acme", theirNews: "your move" },
      },
    ]);
    expect(shownValues(migrated, PERSON_FIELDS)).toEqual(stored.profile);
  });

  test("a Their name already on the tracker's list joins that person, keeping their jobs", () => {
    const dan = person("d1", "Dan Okafor", {
      contact: "dan@example.com",
      requests: [{ id: "acme", job: "Designer at Acme", date: "2026-12-11", done: { asked: "2026-11-30" } }],
    });
    const stored: Details = {
      profile: { theirName: "dan okafor", workplace: "Acme" },
      tracker: { references: [dan] },
    };
    const migrated = adoptSomeoneNew(stored, PERSON_FIELDS, "new", NOW);
    expect(migrated.tracker.references).toHaveLength(1);
    expect(migrated.tracker.references[0]).toMatchObject({
      id: "d1",
      name: "Dan Okafor",
      contact: "dan@example.com",
      requests: dan.requests,
      details: { workplace: "Acme" },
    });
    expect(migrated.profile).toEqual({ writingTo: "d1" });
  });

  test("nothing to adopt: the very same details, so nothing is written", () => {
    const stored: Details = { profile: { yourName: "Maya", workplace: "Acme" }, tracker: { references: [] } };
    expect(adoptSomeoneNew(stored, PERSON_FIELDS, "x", NOW)).toBe(stored);
  });

  test("stored as the previous version wrote it, read back with every person and step", () => {
    const storage = new FakeStorage();
    // Exactly the previous version's shapes: the profile's v1 envelope with per-field times, and
    // the tracker's v1 list of entries, with no details.
    storage.setItem(
      PROFILE_KEY,
      JSON.stringify({
        v: 1,
        data: { yourName: "Maya", theirName: "Ana" },
        t: { yourName: 1, theirName: 1 },
      }),
    );
    const dan = person("d1", "Dan", {
      channel: "text",
      contact: "555-0100",
      requests: [
        {
          id: "q1",
          job: "Nurse at Mercy",
          date: "2026-12-20",
          done: { asked: "2026-11-28", agreed: "2026-11-29" },
        },
      ],
    });
    storage.setItem(
      REFERENCES_KEY,
      JSON.stringify({ v: 1, data: { references: [{ ...dan, requests: [] }] }, t: {} }),
    );
    const trackerStore = createTrackerStore(() => storage);
    trackerStore.write({ references: [dan] }, { references: [{ ...dan, requests: [] }] });

    const read: Details = { profile: createProfileStore(() => storage).read(), tracker: trackerStore.read() };
    const migrated = adoptSomeoneNew(read, PERSON_FIELDS, "ana", NOW);
    expect(migrated.tracker.references.map((r) => r.name)).toEqual(["Dan", "Ana"]);
    expect(migrated.tracker.references[0]?.requests[0]?.done).toEqual({
      asked: "2026-11-28",
      agreed: "2026-11-29",
    });
    expect(personValues(migrated.tracker.references[0] as Reference)).toEqual({
      theirName: "Dan",
      theirPhone: "555-0100",
    });
    expect(shownValues(migrated, PERSON_FIELDS)).toEqual({ yourName: "Maya", theirName: "Ana" });
  });

  test("details that could not be stored are dropped, the person kept", () => {
    const storage = new FakeStorage();
    const stored = { ...person("d1", "Dan"), details: { theirNews: "ok", "not an id": "x", theirEmail: 5 } };
    storage.setItem(REFERENCES_KEY, JSON.stringify({ v: 1, data: { references: [stored] } }));
    expect(createTrackerStore(() => storage).read().references[0]?.details).toEqual({ theirNews: "ok" });
  });
});

describe("stepToMark: what Mark as sent ticks", () => {
  const jobs = (done: Record<string, string>[]) =>
    person("dan", "Dan", {
      requests: done.map((d, i) => ({ id: `q${i}`, job: `Job ${i}`, date: "2026-12-20", done: d })),
    });
  test.each<[string, Record<string, string>[], ("asked" | "thanked")[], ReturnType<typeof stepToMark>]>([
    ["no job: nothing", [], ["asked"], undefined],
    ["the first job not yet asked", [{}], ["asked"], { request: "q0", step: "asked" }],
    [
      "a job already asked is passed over",
      [{ asked: "2026-11-30" }, {}],
      ["asked"],
      { request: "q1", step: "asked" },
    ],
    ["every job done: nothing", [{ asked: "2026-11-30" }], ["asked"], undefined],
    ["a message for no reference step: nothing", [{}], [], undefined],
  ])("%s", (_name, done, serves, expected) => {
    expect(stepToMark(jobs(done), serves)).toEqual(expected);
  });
});
