/**
 * The fill-in island: a form for the details a template uses, a live preview, a meter for the
 * channel's limit and the actions that send the message on. All rendering decisions come from
 * src/lib/message.ts; this file only wires them to the DOM. Values live in the person's browser
 * (src/lib/profile.ts) and are never sent anywhere.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { TargetedEvent } from "preact";
import { copyText, downloadText, selectContents } from "../../client/clipboard.ts";
import { followOtherTabs } from "../../client/store-sync.ts";
import type { Channel } from "../../lib/channels.ts";
import { placeholderFor, type FieldDefinition } from "../../lib/fields.ts";
import {
  fillMessage,
  meterText,
  missingSummary,
  textFileName,
  withPlainCharacters,
} from "../../lib/message.ts";
import {
  createProfileStore,
  getValue,
  MAX_VALUE_LENGTH,
  setValue,
  type ProfileValues,
} from "../../lib/profile.ts";
import type { TemplateNode } from "../../lib/template/parse.ts";
import type { Segment } from "../../lib/template/render.ts";

export interface TemplateFillerProps {
  readonly slug: string;
  /** The channel's entry from src/lib/channels.ts, passed in so the table is not bundled. */
  readonly channel: Channel;
  /** Subject and body, parsed at build time (see MessageTemplate). */
  readonly subject?: readonly TemplateNode[] | undefined;
  readonly body: readonly TemplateNode[];
  /** The fields this template uses, in the order they appear. */
  readonly fields: readonly FieldDefinition[];
  /** Fields used outside any section; the others are marked optional. */
  readonly required: readonly string[];
  /** Locale for dates before the browser's own is known (server render). */
  readonly locale: string;
}

const store = createProfileStore(() => (typeof window === "undefined" ? undefined : window.localStorage));

function SegmentText({
  segments,
  fields,
}: {
  segments: readonly Segment[];
  fields: ReadonlyMap<string, FieldDefinition>;
}) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === "text" ? (
          s.text
        ) : s.kind === "filled" ? (
          <span class="filled" key={i}>
            {s.text}
          </span>
        ) : (
          <span class="missing" key={i}>
            {placeholderFor(fields.get(s.field), s.field)}
          </span>
        ),
      )}
    </>
  );
}

/** Let browsers offer the person's own saved name, email and phone; nothing else. */
const AUTOCOMPLETE: Readonly<Record<string, string>> = {
  yourName: "name",
  yourEmail: "email",
  yourPhone: "tel",
};

function FieldInput({
  field,
  value,
  optional,
  onValue,
}: {
  field: FieldDefinition;
  value: string;
  optional: boolean;
  onValue: (id: string, value: string) => void;
}) {
  const id = `rk-field-${field.id}`;
  const hintId = `rk-hint-${field.id}`;
  const common = {
    id,
    name: field.id,
    value,
    "aria-describedby": hintId,
    // HTML allows maxlength on text-like inputs only, not on dates or selects.
    maxLength:
      field.type === "date" || field.type === "choice" ? undefined : (field.maxLength ?? MAX_VALUE_LENGTH),
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      onValue(field.id, event.currentTarget.value);
    },
  };
  const control =
    field.type === "longtext" ? (
      <textarea {...common} rows={4} />
    ) : field.type === "choice" ? (
      <select {...common}>
        <option value="">Choose one</option>
        {(field.options ?? []).map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    ) : (
      <input {...common} type={field.type} autoComplete={AUTOCOMPLETE[field.id] ?? "off"} />
    );
  return (
    <div class="field">
      <label for={id}>
        {field.label}
        {optional && <span class="optional"> (optional)</span>}
      </label>
      <span class="hint" id={hintId}>
        {field.hint}
      </span>
      {control}
    </div>
  );
}

export default function TemplateFiller(props: TemplateFillerProps) {
  const { slug, channel, subject, body, fields, required, locale } = props;
  const [ready, setReady] = useState(false);
  const [values, setValues] = useState<ProfileValues>({});
  const [status, setStatus] = useState("");
  const [clientLocale, setClientLocale] = useState(locale);
  const previewRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(fields.map((f) => [f.id, f])), [fields]);
  const requiredFields = fields.filter((f) => required.includes(f.id));
  const optionalFields = fields.filter((f) => !required.includes(f.id));

  useEffect(() => {
    setValues(store.read());
    setClientLocale(navigator.language || locale);
    setReady(true);
    return followOtherTabs(store, setValues);
  }, [locale]);

  const message = useMemo(
    () => fillMessage({ channel, subject, body }, fields, values, clientLocale),
    [channel, subject, body, fields, values, clientLocale],
  );

  const save = (next: ProfileValues) => {
    setValues(next);
    const { persisted } = store.write(next);
    if (!persisted)
      setStatus("Your browser is not letting this page save. Your details will be kept until you leave.");
  };

  const onValue = (id: string, value: string) => {
    save(setValue(values, id, value));
  };

  const copy = async (text: string, what: string) => {
    if (await copyText(text)) {
      setStatus(`Copied the ${what}.`);
    } else {
      if (previewRef.current !== null) selectContents(previewRef.current);
      setStatus(
        "Copying did not work here. The message is selected: press Ctrl+C, or long-press and choose Copy.",
      );
    }
  };

  const forget = () => {
    store.clear();
    setValues({});
    setStatus("Your details were removed from this device.");
  };

  const share = async () => {
    try {
      await navigator.share({ text: message.body });
    } catch {
      // The person closed the share sheet; nothing to report.
    }
  };

  const { mailto, gmail, outlook, sms } = message.links;
  const meter = message.meter;

  return (
    <div class={`filler filler-${channel.id}`}>
      <form
        class="filler-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
        aria-labelledby="details-heading"
      >
        <h2 id="details-heading">Your details</h2>
        <p class="soft">Type them once and every template fills in. They stay on this device.</p>
        <fieldset disabled={!ready}>
          <legend class="visually-hidden">Details for this message</legend>
          {requiredFields.map((field) => (
            <FieldInput
              key={field.id}
              field={field}
              value={getValue(values, field.id)}
              optional={false}
              onValue={onValue}
            />
          ))}
          {optionalFields.length > 0 && (
            <details class="optional-fields" open={requiredFields.length === 0}>
              <summary>Optional details ({optionalFields.length})</summary>
              {optionalFields.map((field) => (
                <FieldInput
                  key={field.id}
                  field={field}
                  value={getValue(values, field.id)}
                  optional
                  onValue={onValue}
                />
              ))}
            </details>
          )}
        </fieldset>
        {ready && (
          <p>
            <button type="button" class="button-quiet" onClick={forget}>
              Forget my details
            </button>
          </p>
        )}
      </form>

      <section class="filler-output" aria-labelledby="message-heading">
        <h2 id="message-heading">The message</h2>
        <p class="count">
          <strong>{missingSummary(message.missing.length)}</strong>
          {message.missing.length > 0 && <span class="soft"> (shown in [brackets])</span>}
        </p>
        <div class="message" ref={previewRef}>
          {message.subjectSegments && (
            <div class="message-part message-subject">
              <span class="message-label">Subject: </span>
              <div class="message-text" data-message-part="subject">
                <SegmentText segments={message.subjectSegments} fields={byId} />
              </div>
            </div>
          )}
          <div class="message-part message-body">
            <div class="message-text" data-message-part="body">
              <SegmentText segments={message.bodySegments} fields={byId} />
            </div>
          </div>
        </div>

        {meter && (
          <p class={meter.withinLimit ? "meter" : "meter meter-over"} data-meter>
            {meter.withinLimit ? "Fits: " : "Too long: "}
            {meterText(meter, channel)}
            {!meter.withinLimit && channel.limit && <span> ({channel.limit.source}.)</span>}
          </p>
        )}
        {message.subjectMeter && !message.subjectMeter.withinLimit && (
          <p class="meter meter-over">Subject too long: {message.subjectMeter.summary}</p>
        )}
        {ready && message.canUsePlainCharacters && (
          <p class="meter-fix">
            Some characters in your details (curly quotes, long dashes or emoji) make this text cost more.{" "}
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                save(withPlainCharacters(values));
                setStatus("Swapped in plain quotes and dashes.");
              }}
            >
              Use plain characters
            </button>
          </p>
        )}

        {ready && (
          <div class="actions" role="group" aria-label="Send or save the message">
            {message.subject === undefined ? (
              <button type="button" onClick={() => void copy(message.body, "message")}>
                Copy message
              </button>
            ) : (
              <>
                <button type="button" onClick={() => void copy(message.fullText, "subject and message")}>
                  Copy all
                </button>
                <button
                  type="button"
                  class="button-quiet"
                  onClick={() => void copy(message.subject ?? "", "subject")}
                >
                  Copy subject
                </button>
                <button type="button" class="button-quiet" onClick={() => void copy(message.body, "message")}>
                  Copy message only
                </button>
              </>
            )}
            {mailto?.ok === true && (
              <a class="button" href={mailto.href} data-action="mailto">
                Open in email app
              </a>
            )}
            {mailto?.ok === false && (
              <span class="action-off">
                <button type="button" disabled aria-describedby="mailto-why">
                  Open in email app
                </button>
                <span id="mailto-why">{mailto.reason}</span>
              </span>
            )}
            {gmail && (
              <a class="button button-quiet" href={gmail} target="_blank" rel="noopener noreferrer">
                Gmail
              </a>
            )}
            {outlook && (
              <a class="button button-quiet" href={outlook} target="_blank" rel="noopener noreferrer">
                Outlook
              </a>
            )}
            {sms && (
              <a class="button" href={sms} data-action="sms">
                Open in Messages
              </a>
            )}
            {channel.id === "text" && typeof navigator.share === "function" && (
              <button type="button" class="button-quiet" onClick={() => void share()}>
                Share
              </button>
            )}
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                window.print();
              }}
            >
              {channel.id === "note" ? "Print as a card" : "Print"}
            </button>
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                downloadText(message.fullText, textFileName(slug));
                setStatus(`Saved ${textFileName(slug)}.`);
              }}
            >
              Download .txt
            </button>
          </div>
        )}
        <p class="status" role="status">
          {status}
        </p>
      </section>
    </div>
  );
}
