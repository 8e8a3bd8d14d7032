/**
 * Your details and your people (src/lib/people.ts) as one Preact state, kept in step with other
 * tabs: the template pages, the planner and home's quick start all read and write them so, and
 * the rules of what goes where are people.ts's, never a page's.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { followOtherTabs } from "../../client/store-sync.ts";
import {
  adoptSomeoneNew,
  choosePerson,
  chosenPerson,
  createTrackerStore,
  emptyTracker,
  newId,
  shownValues,
  withValue,
  writeTo,
  type Details,
} from "../../lib/people.ts";
import { createProfileStore } from "../../lib/profile.ts";

const storage = () => (typeof window === "undefined" ? undefined : window.localStorage);
export const profileStore = createProfileStore(storage);
export const peopleStore = createTrackerStore(storage);

const EMPTY: Details = { profile: {}, tracker: emptyTracker() };

export const readDetails = (): Details => ({ profile: profileStore.read(), tracker: peopleStore.read() });

/**
 * Saves what changed between `base` and `next`, store by store, and returns what storage holds
 * now (merged with other tabs' changes) and whether it was saved.
 */
export function saveDetails(next: Details, base: Details): { details: Details; persisted: boolean } {
  let persisted = true;
  let { profile, tracker } = next;
  if (next.profile !== base.profile) {
    const saved = profileStore.write(next.profile, base.profile);
    ({ value: profile } = saved);
    persisted &&= saved.persisted;
  }
  if (next.tracker !== base.tracker) {
    const saved = peopleStore.write(next.tracker, base.tracker);
    ({ value: tracker } = saved);
    persisted &&= saved.persisted;
  }
  return { details: { profile, tracker }, persisted };
}

export function useDetails(personFields: readonly string[], onNotSaved: () => void) {
  const [details, setDetails] = useState<Details>(EMPTY);
  const [ready, setReady] = useState(false);
  // What was last shown, for changes made later (an Undo, a reply to a dynamic import) to start
  // from rather than from the render that made them.
  const current = useRef(EMPTY);
  const show = (next: Details) => {
    current.current = next;
    setDetails(next);
  };
  useEffect(() => {
    // Someone new with a name, stored before people were kept apart or by a page that only
    // types the name (the quick start without JavaScript), becomes a person now.
    const stored = readDetails();
    const adopted = adoptSomeoneNew(stored, personFields, newId(), new Date());
    show(adopted === stored ? stored : saveDetails(adopted, stored).details);
    setReady(true);
    const stopProfile = followOtherTabs(profileStore, (profile) => {
      show({ ...current.current, profile });
    });
    const stopPeople = followOtherTabs(peopleStore, (tracker) => {
      show({ ...current.current, tracker });
    });
    return () => {
      stopProfile();
      stopPeople();
    };
  }, [personFields]);

  /** Applies a change to what is shown now and saves it. */
  const update = (change: (now: Details) => Details) => {
    const saved = saveDetails(change(current.current), current.current);
    show(saved.details);
    if (!saved.persisted) onNotSaved();
  };
  return {
    ready,
    details,
    // Kept between renders while the details are the same, so the message is not worked out again.
    values: useMemo(() => shownValues(details, personFields), [details, personFields]),
    chosen: chosenPerson(details),
    update,
    /** A field typed: the person's when it is about them, otherwise yours. */
    set: (field: string, value: string) => {
      update((now) => withValue(now, personFields, field, value, new Date()));
    },
    /** Someone new's name is done (its field was left): they become a person. */
    commit: () => {
      update((now) => adoptSomeoneNew(now, personFields, newId(), new Date()));
    },
    /** A name typed where it means who to write to: that person, or someone new with it. */
    writeToName: (name: string) => {
      update((now) => (name.trim() === "" ? now : writeTo(now, personFields, name, newId(), new Date())));
    },
    /** Writing to someone else (undefined: someone new). */
    choose: (id: string | undefined) => {
      update((now) => choosePerson(now, id, personFields, newId(), new Date()));
    },
  };
}
