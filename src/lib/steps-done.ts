/**
 * Ticking a step of a job: the tracker's tick boxes and a template page's "Mark as sent", which
 * loads this only when clicked.
 */
import type { IsoDate } from "./dates.ts";

export { localToday } from "./dates.ts";
import type { Reference, TrackerData } from "./people.ts";
import type { ReferenceStep } from "./vocabulary.ts";

/** Ticks a step (done today) or unticks it. */
export function setStepDone(
  data: TrackerData,
  ids: { reference: string; request: string },
  step: ReferenceStep,
  isDone: boolean,
  today: IsoDate,
  now: Date,
): TrackerData {
  return updateReference(data, ids.reference, now, (r) => ({
    requests: r.requests.map((q) => {
      if (q.id !== ids.request) return q;
      const done = Object.fromEntries(Object.entries(q.done).filter(([key]) => key !== step));
      return { ...q, done: isDone ? { ...done, [step]: today } : done };
    }),
  }));
}

export function updateReference(
  data: TrackerData,
  referenceId: string,
  now: Date,
  change: (reference: Reference) => Partial<Reference>,
): TrackerData {
  return {
    references: data.references.map((r) =>
      r.id === referenceId ? { ...r, ...change(r), updated: now.toISOString() } : r,
    ),
  };
}
