/**
 * The tracker's list in two tabs at once: merged per reference and per job, by id. Each write
 * used to replace the whole list with the writing tab's copy, so the other tab's change was lost.
 */
import { describe, expect, test } from "vitest";
import {
  addReference,
  addRequest,
  createTrackerStore,
  REFERENCES_KEY,
  removeReference,
  removeRequest,
  setStepDone,
  type TrackerData,
} from "../../src/lib/references.ts";
import { FakeStorage } from "../helpers/fake-storage.ts";

const A_TIME = new Date("2026-03-02T10:00:00Z");
const B_TIME = new Date("2026-03-02T10:05:00Z");
const details = (name: string) => ({ name, relationship: "", channel: "email" as const, contact: "" });

/** Two references, the first with two jobs. */
function startingList(): TrackerData {
  const start = new Date("2026-03-01T09:00:00Z");
  let data = addReference({ references: [] }, details("Dan Okafor"), "dan", start);
  data = addReference(data, details("Ana Li"), "ana", start);
  data = addRequest(data, "dan", { job: "Designer at Acme", date: "2026-04-01" }, "acme", start);
  return addRequest(data, "dan", { job: "Lead at Globex", date: "2026-04-15" }, "globex", start);
}

type Change = (data: TrackerData, now: Date) => TrackerData;
const tick =
  (request: string, step: "asked" | "agreed"): Change =>
  (data, now) =>
    setStepDone(data, { reference: "dan", request }, step, true, "2026-03-02", now);

const changes: [string, Change, Change][] = [
  [
    "each adds a reference",
    (d, now) => addReference(d, details("Wen"), "wen", now),
    (d, now) => addReference(d, details("Jo"), "jo", now),
  ],
  [
    "one ticks a step, the other adds a job for the same reference",
    tick("acme", "asked"),
    (d, now) => addRequest(d, "dan", { job: "Analyst at Initech", date: "2026-05-01" }, "initech", now),
  ],
  ["each ticks a step of another job of one reference", tick("acme", "asked"), tick("globex", "agreed")],
  [
    "one removes a reference, the other adds a job for another",
    (d) => removeReference(d, "ana"),
    (d, now) => addRequest(d, "dan", { job: "Analyst at Initech", date: "2026-05-01" }, "initech", now),
  ],
  [
    "one removes a job, the other ticks a step of another job",
    (d, now) => removeRequest(d, "dan", "globex", now),
    tick("acme", "agreed"),
  ],
];

describe("two tabs changing the reference list at once", () => {
  test.each(changes)("%s: both changes stay", (_name, changeA, changeB) => {
    const storage = new FakeStorage();
    createTrackerStore(() => storage).write(startingList());
    const a = createTrackerStore(() => storage);
    const b = createTrackerStore(() => storage);
    // Each tab's page holds its own copy of the list and changes it.
    const inA = a.read();
    const inB = b.read();
    a.write(changeA(inA, A_TIME), inA);
    b.write(changeB(inB, B_TIME), inB);

    const expected = changeB(changeA(startingList(), A_TIME), B_TIME);
    expect(createTrackerStore(() => storage).read()).toEqual(expected);
    expect(a.read()).toEqual(expected);
  });

  test("a stored list keeps its order and its shape", () => {
    const storage = new FakeStorage();
    createTrackerStore(() => storage).write(startingList());
    expect(JSON.parse(storage.items.get(REFERENCES_KEY) ?? "")).toMatchObject({ v: 1, data: startingList() });
    expect(JSON.stringify(createTrackerStore(() => storage).read())).toBe(JSON.stringify(startingList()));
  });
});
