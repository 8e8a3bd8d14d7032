/**
 * Your details and your people (src/lib/people.ts) as one live value, kept in step with other
 * tabs: the template pages, the planner and home's quick start all read and write them through
 * here, and the rules of what goes where are people.ts's, never a page's. The template page's
 * fill-in uses a session directly; the Preact islands through the useDetails hook.
 */
import { followOtherTabs } from "./store-sync.ts";
import {
  adoptSomeoneNew,
  choosePerson,
  createTrackerStore,
  emptyTracker,
  newId,
  withValue,
  writeTo,
  type Details,
} from "../lib/people.ts";
import { createProfileStore } from "../lib/profile.ts";

const storage = () => (typeof window === "undefined" ? undefined : window.localStorage);
export const profileStore = createProfileStore(storage);
export const peopleStore = createTrackerStore(storage);

export const EMPTY_DETAILS: Details = { profile: {}, tracker: emptyTracker() };

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

export interface DetailsSession {
  /** What was last shown: changes made later (an Undo, a reply to a dynamic import) start here. */
  readonly current: () => Details;
  /** Reads storage, adopts someone new, follows other tabs; returns the unsubscribe. */
  readonly start: () => () => void;
  /** Applies a change to what is shown now and saves it. */
  readonly update: (change: (now: Details) => Details) => void;
  /** A field typed: the person's when it is about them, otherwise yours. */
  readonly set: (field: string, value: string) => void;
  /** Someone new's name is done (its field was left): they become a person. */
  readonly commit: () => void;
  /** A name typed where it means who to write to: that person, or someone new with it. */
  readonly writeToName: (name: string) => void;
  /** Writing to someone else (undefined: someone new). */
  readonly choose: (id: string | undefined) => void;
}

export function detailsSession(
  personFields: readonly string[],
  show: (details: Details) => void,
  onNotSaved: () => void,
): DetailsSession {
  let current = EMPTY_DETAILS;
  const shown = (next: Details) => {
    current = next;
    show(next);
  };
  const update = (change: (now: Details) => Details) => {
    const saved = saveDetails(change(current), current);
    shown(saved.details);
    if (!saved.persisted) onNotSaved();
  };
  return {
    current: () => current,
    start: () => {
      // Someone new with a name, stored before people were kept apart or by a page that only
      // types the name (the quick start without JavaScript), becomes a person now.
      const stored = readDetails();
      const adopted = adoptSomeoneNew(stored, personFields, newId(), new Date());
      shown(adopted === stored ? stored : saveDetails(adopted, stored).details);
      const stopProfile = followOtherTabs(profileStore, (profile) => {
        shown({ ...current, profile });
      });
      const stopPeople = followOtherTabs(peopleStore, (tracker) => {
        shown({ ...current, tracker });
      });
      return () => {
        stopProfile();
        stopPeople();
      };
    },
    update,
    set: (field, value) => {
      update((now) => withValue(now, personFields, field, value, new Date()));
    },
    commit: () => {
      update((now) => adoptSomeoneNew(now, personFields, newId(), new Date()));
    },
    writeToName: (name) => {
      update((now) => (name.trim() === "" ? now : writeTo(now, personFields, name, newId(), new Date())));
    },
    choose: (id) => {
      update((now) => choosePerson(now, id, personFields, newId(), new Date()));
    },
  };
}
