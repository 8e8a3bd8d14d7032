/**
 * The reference tracker island: who your references are and, for each job, which steps are done
 * and what comes next. Everything is kept in this browser (src/lib/references.ts over
 * createVersionedStore) and moves between devices only as a file the person saves themselves.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { RefObject, TargetedEvent } from "preact";
import { downloadFile } from "../../client/clipboard.ts";
import { followOtherTabs } from "../../client/store-sync.ts";
import { formatLongDate, localToday } from "../../lib/dates.ts";
import { LIMITS, PLAN_CHANNELS } from "../../lib/outreach.ts";
import {
  addReference,
  addRequest,
  createTrackerStore,
  emptyTracker,
  newId,
  nextStep,
  referenceFormErrors,
  removeReference,
  removeRequest,
  requestFormErrors,
  setStepDone,
  type Reference,
  type ReferenceDetails,
  type TrackerData,
  type TrackerWords,
} from "../../lib/references.ts";
import type { KeptText } from "../../lib/ui-text.ts";
import { REFERENCE_STEPS } from "../../lib/vocabulary.ts";
import { Kept } from "./Kept.tsx";

export interface ReferenceTrackerProps {
  /** Locale for dates before the browser's own is known. */
  readonly locale: string;
  /** The site's name, for messages about files ("not a Reconnect Kit export"). */
  readonly siteName: string;
  /** TRACKER_WORDS, passed in so the words travel in the HTML, not in the page's JavaScript. */
  readonly words: TrackerWords;
  /** What to say about a saved list this page could not read (KEPT_REFERENCES_EN). */
  readonly kept: KeptText;
}

/** Export, import and CSV load only when someone uses them, to keep the page light. */
const files = () => import("../../lib/reference-files.ts");

const store = createTrackerStore(() => (typeof window === "undefined" ? undefined : window.localStorage));

const NOT_SAVED =
  "Your browser is not letting this page save. Your list stays until you leave; export it to keep it.";

type InputEvent = TargetedEvent<HTMLInputElement | HTMLSelectElement>;

/** Moves keyboard focus once Preact has rendered, when the control that had it is gone. */
function focusLater(ref: RefObject<HTMLElement>): void {
  setTimeout(() => ref.current?.focus());
}

/**
 * Validates a form on submit: with errors, focuses the first field in error (each error is
 * tied to its field with aria-describedby); without, hands the values on.
 */
function onSubmit(event: TargetedEvent<HTMLFormElement>, errors: object, valid: () => void): void {
  event.preventDefault();
  const form = event.currentTarget;
  if (Object.keys(errors).length === 0) valid();
  else setTimeout(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
}

/** A labelled input with its hint and its error, both tied to it with aria-describedby. */
function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
  type?: string;
  value: string;
  maxLength?: number;
  onInput: (value: string) => void;
}) {
  const { id, error, hint } = props;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.optional && <span class="optional"> (optional)</span>}
      </label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={id}
        type={props.type ?? "text"}
        value={props.value}
        maxLength={props.maxLength}
        autoComplete="off"
        aria-describedby={describedBy || undefined}
        aria-invalid={error !== undefined}
        onInput={(event: InputEvent) => {
          props.onInput(event.currentTarget.value);
        }}
      />
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

const EMPTY_DETAILS: ReferenceDetails = { name: "", relationship: "", channel: "email", contact: "" };

function AddReferenceForm(props: {
  disabled: boolean;
  channels: TrackerWords["channels"];
  onAdd: (details: ReferenceDetails) => void;
}) {
  const [details, setDetails] = useState(EMPTY_DETAILS);
  const [submitted, setSubmitted] = useState(false);
  const errors = referenceFormErrors(details);
  const shown = submitted ? errors : {};
  const update = (key: keyof ReferenceDetails) => (value: string) => {
    setDetails({ ...details, [key]: value });
  };
  return (
    <form
      class="tracker-form"
      noValidate
      onSubmit={(event) => {
        setSubmitted(true);
        onSubmit(event, errors, () => {
          props.onAdd(details);
          setDetails(EMPTY_DETAILS);
          setSubmitted(false);
        });
      }}
    >
      <fieldset disabled={props.disabled}>
        <legend>Add a reference</legend>
        <Field
          id="ref-name"
          label="Their name"
          value={details.name}
          error={shown.name}
          maxLength={LIMITS.name}
          onInput={update("name")}
        />
        <Field
          id="ref-relationship"
          label="How you know them"
          hint="For example: my manager at Acme, 2019 to 2022."
          optional
          value={details.relationship}
          maxLength={LIMITS.relationship}
          onInput={update("relationship")}
        />
        <div class="field">
          <label for="ref-channel">Best way to reach them</label>
          <select
            id="ref-channel"
            value={details.channel}
            onChange={(event: InputEvent) => {
              update("channel")(event.currentTarget.value);
            }}
          >
            {PLAN_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {props.channels[channel]}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="ref-contact"
          label="Their email, number or profile"
          optional
          value={details.contact}
          maxLength={LIMITS.contact}
          onInput={update("contact")}
        />
        <p>
          <button type="submit">Add reference</button>
        </p>
      </fieldset>
    </form>
  );
}

function AddRequestForm(props: { reference: Reference; onAdd: (job: string, date: string) => void }) {
  const [job, setJob] = useState("");
  const [date, setDate] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const errors = requestFormErrors(job, date);
  const shown = submitted ? errors : {};
  const id = `req-${props.reference.id}`;
  return (
    <details class="add-request">
      <summary>Add a job you need them for</summary>
      <form
        noValidate
        onSubmit={(event) => {
          setSubmitted(true);
          onSubmit(event, errors, () => {
            props.onAdd(job, date);
            setJob("");
            setDate("");
            setSubmitted(false);
          });
        }}
      >
        <fieldset>
          <legend>A job you need {props.reference.name} for</legend>
          <Field
            id={`${id}-job`}
            label="The job"
            hint="The role and the company."
            value={job}
            error={shown.job}
            maxLength={LIMITS.job}
            onInput={setJob}
          />
          <Field
            id={`${id}-date`}
            label="Needed by"
            type="date"
            value={date}
            error={shown.date}
            onInput={setDate}
          />
          <p>
            <button type="submit">Add job</button>
          </p>
        </fieldset>
      </form>
    </details>
  );
}

export default function ReferenceTracker(props: ReferenceTrackerProps) {
  const { words } = props;
  const [ready, setReady] = useState(false);
  const [data, setData] = useState<TrackerData>(emptyTracker);
  const [locale, setLocale] = useState(props.locale);
  const [today, setToday] = useState("");
  const [status, setStatus] = useState("");
  const [importErrors, setImportErrors] = useState<readonly string[]>([]);
  const [confirmForget, setConfirmForget] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const cancelForget = useRef<HTMLButtonElement>(null);
  const forgetButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setData(store.read());
    setLocale(navigator.language || props.locale);
    setToday(localToday(new Date()));
    setReady(true);
    return followOtherTabs(store, setData);
  }, [props.locale]);

  // Only what this change made differs from `data`, so only that is written over storage.
  const save = (next: TrackerData, message = "") => {
    const saved = store.write(next, data);
    setData(saved.value);
    setStatus(saved.persisted ? message : NOT_SAVED);
  };

  const when = (date: string) => formatLongDate(date, locale);

  const saveFile = async (type: "json" | "csv") => {
    const io = await files();
    const name = `reconnect-kit-references-${localToday(new Date())}.${type}`;
    if (type === "json") downloadFile(io.exportJson(data, new Date()), name, "application/json");
    // A byte order mark so Excel reads the file as UTF-8 (RFC 4180 has no charset).
    else
      downloadFile(
        `\uFEFF${io.toCsv(data, (request) => nextStep(request, today), words)}`,
        name,
        "text/csv;charset=utf-8",
      );
    setStatus(`Saved ${name}.`);
  };

  const onImport = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    const io = await files();
    const tooBig = io.importSizeError(file.size, props.siteName);
    const result =
      tooBig === undefined
        ? io.parseImport(await file.text(), props.siteName)
        : { ok: false as const, errors: [tooBig] };
    input.value = "";
    if (!result.ok) {
      setImportErrors(result.errors);
      setStatus(`Nothing was imported from ${file.name}.`);
      return;
    }
    setImportErrors([]);
    // Merge into what storage holds now, which another tab may have changed.
    const merged = io.mergeById(store.read(), result.data);
    save(merged.data, io.mergeSummary(merged));
  };

  const references = data.references;
  const count = references.length;
  const importError = importErrors.length > 0;

  return (
    <div class="tracker">
      {ready && <Kept store={store} text={props.kept} onStatus={setStatus} />}
      <AddReferenceForm
        disabled={!ready}
        channels={words.channels}
        onAdd={(details) => {
          save(addReference(data, details, newId(), new Date()), `Added ${details.name.trim()}.`);
        }}
      />

      <section class="tracker-list" aria-labelledby="tracker-list-heading">
        <h2 id="tracker-list-heading" tabIndex={-1} ref={listHeading}>
          Your references{ready && ` (${count})`}
        </h2>
        {ready && count === 0 && <p class="soft">None yet.</p>}
        <ul class="reference-cards" role="list">
          {references.map((reference) => (
            <li key={reference.id} class="reference-card">
              <h3>{reference.name}</h3>
              {reference.relationship && <p class="soft">{reference.relationship}</p>}
              <p class="soft">
                Best way to reach them: {words.channels[reference.channel]}
                {reference.contact && ` (${reference.contact})`}
              </p>
              {reference.requests.map((request) => {
                const next = nextStep(request, today);
                const ids = { reference: reference.id, request: request.id };
                return (
                  <fieldset class="request" key={request.id}>
                    <legend>
                      {request.job}, needed by {when(request.date)}
                    </legend>
                    <ul class="steps" role="list">
                      {REFERENCE_STEPS.map((step) => {
                        const doneOn = request.done[step];
                        const id = `step-${reference.id}-${request.id}-${step}`;
                        return (
                          <li key={step}>
                            <input
                              type="checkbox"
                              id={id}
                              checked={doneOn !== undefined}
                              onChange={(event: TargetedEvent<HTMLInputElement>) => {
                                save(
                                  setStepDone(
                                    data,
                                    ids,
                                    step,
                                    event.currentTarget.checked,
                                    today,
                                    new Date(),
                                  ),
                                );
                              }}
                            />
                            <label for={id}>{words.done[step]}</label>
                            {doneOn && <span class="soft">{when(doneOn)}</span>}
                          </li>
                        );
                      })}
                    </ul>
                    <p class={next.overdue ? "next next-overdue" : "next"} data-next={next.step}>
                      <strong>Next:</strong> {words.next[next.step]}, by {when(next.date)}
                      {next.repeat && `, ${words.repeatsUntil} ${when(next.repeat.until)}`}
                      {next.overdue && " (overdue)"}
                    </p>
                    <p>
                      <button
                        type="button"
                        class="button-quiet"
                        onClick={() => {
                          save(
                            removeRequest(data, reference.id, request.id, new Date()),
                            `Removed ${request.job}.`,
                          );
                          focusLater(listHeading);
                        }}
                      >
                        Remove {request.job}
                      </button>
                    </p>
                  </fieldset>
                );
              })}
              <AddRequestForm
                reference={reference}
                onAdd={(job, date) => {
                  save(
                    addRequest(data, reference.id, { job, date }, newId(), new Date()),
                    `Added ${job.trim()}.`,
                  );
                }}
              />
              <p>
                <button
                  type="button"
                  class="button-quiet"
                  onClick={() => {
                    save(removeReference(data, reference.id), `Removed ${reference.name}.`);
                    focusLater(listHeading);
                  }}
                >
                  Remove {reference.name}
                </button>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section class="tracker-data" aria-labelledby="tracker-data-heading">
        <h2 id="tracker-data-heading">Keep a copy, move it or forget it</h2>
        <div class="actions">
          <button type="button" disabled={!ready} onClick={() => void saveFile("json")}>
            Export (.json)
          </button>
          <button type="button" class="button-quiet" disabled={!ready} onClick={() => void saveFile("csv")}>
            Export for a spreadsheet (.csv)
          </button>
        </div>
        <div class="field">
          <label for="tracker-import">Import a file you exported (.json)</label>
          <span class="hint" id="tracker-import-hint">
            Adds new references and updates changed ones. Removes nothing.
          </span>
          <input
            id="tracker-import"
            type="file"
            accept=".json,application/json"
            disabled={!ready}
            aria-describedby={`tracker-import-hint${importError ? " tracker-import-error" : ""}`}
            aria-invalid={importError}
            onChange={(event) => void onImport(event)}
          />
          {importError && (
            <div class="error" id="tracker-import-error">
              <p>That file was not imported, and your list has not changed:</p>
              <ul>
                {importErrors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {confirmForget ? (
          <div role="group" aria-labelledby="tracker-forget-question">
            <p id="tracker-forget-question">
              Remove all {count} {count === 1 ? "reference" : "references"} from this device? Export first if
              you want a copy.
            </p>
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  store.clear();
                  setData(emptyTracker());
                  setConfirmForget(false);
                  setImportErrors([]);
                  setStatus("Your references were removed from this device.");
                  focusLater(forgetButton);
                }}
              >
                Yes, forget them all
              </button>
              <button
                type="button"
                class="button-quiet"
                ref={cancelForget}
                onClick={() => {
                  setConfirmForget(false);
                  focusLater(forgetButton);
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button
              type="button"
              class="button-quiet"
              disabled={!ready}
              ref={forgetButton}
              onClick={() => {
                setConfirmForget(true);
                focusLater(cancelForget);
              }}
            >
              Forget all my references
            </button>
          </p>
        )}
      </section>
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
