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
import { LIMITS, PLAN_CHANNELS, type PlanChannel } from "../../lib/outreach.ts";
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
import { PERSON_PARAMETER } from "../../lib/people.ts";
import type { KeptText } from "../../lib/ui-text.ts";
import { REFERENCE_STEPS } from "../../lib/vocabulary.ts";
import { Guard } from "./Guard.tsx";
import { Kept } from "./Kept.tsx";
import { StatusLine, useStatus } from "./Undo.tsx";

/** A message to send, as the tracker links to it. */
export interface NextMessage {
  readonly href: string;
  readonly title: string;
}

export interface ReferenceTrackerProps {
  /** The message for each step on each way of reaching someone (plan.ts), made at build time. */
  readonly nextMessages: Readonly<Partial<Record<string, Readonly<Record<PlanChannel, NextMessage>>>>>;
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
  optional?: string | undefined;
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
        {props.optional && <span class="optional">{props.optional}</span>}
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
  words: TrackerWords;
  onAdd: (details: ReferenceDetails) => void;
}) {
  const { text } = props.words;
  const [details, setDetails] = useState(EMPTY_DETAILS);
  const [submitted, setSubmitted] = useState(false);
  const errors = referenceFormErrors(details, text);
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
        <legend>{text.addLegend}</legend>
        <Field
          id="ref-name"
          label={text.name}
          value={details.name}
          error={shown.name}
          maxLength={LIMITS.name}
          onInput={update("name")}
        />
        <Field
          id="ref-relationship"
          label={text.relationship}
          hint={text.relationshipHint}
          optional={text.optional}
          value={details.relationship}
          maxLength={LIMITS.relationship}
          onInput={update("relationship")}
        />
        <div class="field">
          <label for="ref-channel">{text.channel}</label>
          <select
            id="ref-channel"
            value={details.channel}
            onChange={(event: InputEvent) => {
              update("channel")(event.currentTarget.value);
            }}
          >
            {PLAN_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {props.words.channels[channel]}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="ref-contact"
          label={text.contact}
          optional={text.optional}
          value={details.contact}
          maxLength={LIMITS.contact}
          onInput={update("contact")}
        />
        <p>
          <button type="submit">{text.addReference}</button>
        </p>
      </fieldset>
    </form>
  );
}

function AddRequestForm(props: {
  reference: Reference;
  text: TrackerWords["text"];
  onAdd: (job: string, date: string) => void;
}) {
  const { text } = props;
  const [job, setJob] = useState("");
  const [date, setDate] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const errors = requestFormErrors(job, date, text);
  const shown = submitted ? errors : {};
  const id = `req-${props.reference.id}`;
  return (
    <details class="add-request">
      <summary>{text.addJobSummary}</summary>
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
            label={text.job}
            hint={text.jobHint}
            value={job}
            error={shown.job}
            maxLength={LIMITS.job}
            onInput={setJob}
          />
          <Field
            id={`${id}-date`}
            label={text.neededBy}
            type="date"
            value={date}
            error={shown.date}
            onInput={setDate}
          />
          <p>
            <button type="submit">{text.addJob}</button>
          </p>
        </fieldset>
      </form>
    </details>
  );
}

export default function ReferenceTracker(props: ReferenceTrackerProps) {
  const { words } = props;
  const { text } = words;
  const [ready, setReady] = useState(false);
  const [data, setData] = useState<TrackerData>(emptyTracker);
  const [locale, setLocale] = useState(props.locale);
  const [today, setToday] = useState("");
  const status = useStatus();
  const setStatus = (text: string, undo?: () => void) => {
    status.say(text, undo);
  };
  const [importErrors, setImportErrors] = useState<readonly string[]>([]);
  const [confirmForget, setConfirmForget] = useState(false);
  // Forget starts again from nothing, a list that failed to show included.
  const [generation, setGeneration] = useState(0);
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
  const save = (next: TrackerData, message = "", undo?: (now: TrackerData) => TrackerData) => {
    const saved = store.write(next, data);
    setData(saved.value);
    if (!saved.persisted) setStatus(text.notSaved);
    else
      setStatus(
        message,
        undo &&
          (() => {
            // From what is stored then, so whatever changed since (here or in another tab) stays.
            const now = store.read();
            setData(store.write(undo(now), now).value);
          }),
      );
  };

  const when = (date: string) => formatLongDate(date, locale);

  const saveFile = async (kind: "json" | "csv") => {
    const file = (await files()).exportFile(kind, data, new Date(), (r) => nextStep(r, today), words);
    downloadFile(file.text, file.name, file.type);
    setStatus(`Saved ${file.name}.`);
  };

  const onImport = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    const io = await files();
    const tooBig = io.importSizeError(file.size, props.siteName);
    const result =
      tooBig === undefined
        ? io.importInto(store.read(), await file.text(), props.siteName)
        : { ok: false as const, errors: [tooBig] };
    input.value = "";
    setImportErrors(result.ok ? [] : result.errors);
    if (result.ok) save(result.data, result.summary);
    else setStatus(`Nothing was imported from ${file.name}.`);
  };

  /** The step's message, opened filled in for them (the template page chooses them). */
  const message = (step: string, reference: Reference) => {
    const found = props.nextMessages[step]?.[reference.channel];
    return (
      found && (
        <>
          {" "}
          <a
            class="next-message"
            href={`${found.href}?${PERSON_PARAMETER}=${encodeURIComponent(reference.id)}`}
          >
            {text.write}: {found.title}
          </a>
        </>
      )
    );
  };

  const references = data.references;
  const count = references.length;
  const importError = importErrors.length > 0;

  return (
    <div class="tracker">
      {ready && <Kept store={store} text={props.kept} onStatus={setStatus} />}
      {/* Should the form or the list fail to show, the page says so, lists the names, and
          Export and Forget below still work. */}
      <Guard
        key={generation}
        fallback={
          <>
            <p class="error">{words.broken}</p>
            <ul>
              {references.map((reference) => (
                <li key={reference.id}>{reference.name}</li>
              ))}
            </ul>
          </>
        }
        render={() => (
          <>
            <AddReferenceForm
              disabled={!ready}
              words={words}
              onAdd={(details) => {
                save(addReference(data, details, newId(), new Date()), `Added ${details.name.trim()}.`);
              }}
            />

            <section class="tracker-list" aria-labelledby="tracker-list-heading">
              <h2 id="tracker-list-heading" tabIndex={-1} ref={listHeading}>
                Your references{ready && ` (${count})`}
              </h2>
              {ready && count === 0 && <p class="soft">{text.noneYet}</p>}
              <ul class="reference-cards" role="list">
                {references.map((reference) => (
                  <li key={reference.id} class="reference-card">
                    <h3>{reference.name}</h3>
                    {reference.relationship && <p class="soft">{reference.relationship}</p>}
                    <p class="soft">
                      {text.channel}: {words.channels[reference.channel]}
                      {reference.contact && ` (${reference.contact})`}
                    </p>
                    {reference.requests.map((request) => {
                      const ids = { reference: reference.id, request: request.id };
                      return (
                        <fieldset class="request" key={request.id}>
                          {/* A job that cannot be shown leaves the rest of the list working. */}
                          <Guard
                            fallback={
                              <>
                                <legend>{request.job}</legend>
                                <p class="error">{words.cannotShow}</p>
                              </>
                            }
                            render={() => {
                              const next = nextStep(request, today);
                              return (
                                <>
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
                                  {next === undefined ? (
                                    <p class="error">{words.outOfRange}</p>
                                  ) : (
                                    <p
                                      class={next.overdue ? "next next-overdue" : "next"}
                                      data-next={next.step}
                                    >
                                      <strong>Next:</strong> {words.next[next.step]}, by {when(next.date)}
                                      {next.repeat && `, ${words.repeatsUntil} ${when(next.repeat.until)}`}
                                      {next.overdue && " (overdue)"}
                                      {message(next.step, reference)}
                                    </p>
                                  )}
                                </>
                              );
                            }}
                          />
                          <p>
                            <button
                              type="button"
                              class="button-quiet"
                              onClick={() => {
                                save(
                                  removeRequest(data, reference.id, request.id, new Date()),
                                  `Removed ${request.job}.`,
                                  (now) => ({
                                    references: now.references.map((r) =>
                                      r.id === reference.id && !r.requests.some((q) => q.id === request.id)
                                        ? { ...r, requests: [...r.requests, request] }
                                        : r,
                                    ),
                                  }),
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
                      text={text}
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
                          save(removeReference(data, reference.id), `Removed ${reference.name}.`, (now) =>
                            now.references.some((r) => r.id === reference.id)
                              ? now
                              : { references: [...now.references, reference] },
                          );
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
          </>
        )}
      />

      <section class="tracker-data" aria-labelledby="tracker-data-heading">
        <h2 id="tracker-data-heading">{text.keepHeading}</h2>
        <div class="actions">
          <button type="button" disabled={!ready} onClick={() => void saveFile("json")}>
            {text.exportJson}
          </button>
          <button type="button" class="button-quiet" disabled={!ready} onClick={() => void saveFile("csv")}>
            {text.exportCsv}
          </button>
        </div>
        <div class="field">
          <label for="tracker-import">{text.importLabel}</label>
          <span class="hint" id="tracker-import-hint">
            {text.importHint}
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
              <p>{text.importRefused}</p>
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
              Remove all {count} {count === 1 ? "reference" : "references"} from this device?
              {text.exportFirst}
            </p>
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  const before = store.read();
                  store.clear();
                  setData(emptyTracker());
                  setGeneration(generation + 1);
                  setConfirmForget(false);
                  setImportErrors([]);
                  setStatus(text.forgotten, () => {
                    // Back as they were, beside anyone added since.
                    const now = store.read();
                    const added = now.references.filter((r) => !before.references.some((b) => b.id === r.id));
                    setData(store.write({ references: [...before.references, ...added] }, now).value);
                  });
                  focusLater(forgetButton);
                }}
              >
                {text.forgetYes}
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
                {text.cancel}
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
              {text.forget}
            </button>
          </p>
        )}
      </section>
      <StatusLine status={status} undoLabel={text.undo} undoneText={text.undone} />
    </div>
  );
}
