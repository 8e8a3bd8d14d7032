/**
 * Your details and your people as Preact state: a details session (src/client/details.ts, where
 * the rules of reading, saving and following other tabs are) drawn by an island.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { chosenPerson, shownValues, type Details } from "../../lib/people.ts";
import { detailsSession, EMPTY_DETAILS } from "../../client/details.ts";

export { peopleStore, profileStore, readDetails, saveDetails } from "../../client/details.ts";

export function useDetails(personFields: readonly string[], onNotSaved: () => void) {
  const [details, setDetails] = useState<Details>(EMPTY_DETAILS);
  const [ready, setReady] = useState(false);
  // The latest callback, for a session made once.
  const notSaved = useRef(onNotSaved);
  notSaved.current = onNotSaved;
  const session = useMemo(
    () =>
      detailsSession(personFields, setDetails, () => {
        notSaved.current();
      }),
    [personFields],
  );
  useEffect(() => {
    const stop = session.start();
    setReady(true);
    return stop;
  }, [session]);
  return {
    ready,
    details,
    // Kept between renders while the details are the same, so the message is not worked out again.
    values: useMemo(() => shownValues(details, personFields), [details, personFields]),
    chosen: chosenPerson(details),
    update: session.update,
    set: session.set,
    commit: session.commit,
    writeToName: session.writeToName,
    choose: session.choose,
  };
}
