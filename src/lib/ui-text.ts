/**
 * Every sentence the fill-in says, keyed, in one table that the site's island, the widget and
 * the pages all read; a second language is a second table of the same shape. The table is plain
 * data (no functions), so a page can hand it to an island as props and the words travel in the
 * HTML the page sends anyway, not in its JavaScript. `{name}` marks a value put in by `say`.
 */

export interface Plural {
  readonly one: string;
  readonly other: string;
}

/**
 * What a page says about saved data it could not read (storage.ts keeps such data apart, under a
 * key of its own, until the person deletes it), and the person's choices.
 */
export interface KeptText {
  /** What happened, what became of the data, and what the person can do; when it is newer... */
  readonly newer: string;
  /** ...and when it is damaged. */
  readonly damaged: string;
  readonly download: string;
  /** The widget copies instead: a host page may not allow downloads. */
  readonly copy: string;
  readonly copied: string;
  readonly remove: string;
  /** Asked before deleting, since it cannot be undone. */
  readonly removeQuestion: string;
  readonly removed: string;
  /** The downloaded file's name. */
  readonly file: string;
}

export interface FillText {
  readonly detailsHeading: string;
  readonly detailsLead: string;
  readonly detailsLegend: string;
  readonly optionalMark: string;
  /** "{n}" is the number of optional fields. */
  readonly optionalSummary: string;
  readonly chooseOne: string;
  readonly forget: string;
  readonly forgotten: string;
  readonly notSaved: string;
  readonly messageHeading: string;
  readonly subjectLabel: string;
  readonly allFilled: string;
  readonly detailsLeft: Plural;
  readonly missingNote: string;
  readonly fits: string;
  readonly tooLong: string;
  readonly subjectTooLong: string;
  /** Meter endings per unit; "{max}" is the limit, "{extendedMax}" and "{label}" a larger one. */
  readonly keepToSegments: string;
  readonly aimForSeconds: string;
  readonly extendedLimit: string;
  readonly plainCharacters: string;
  readonly plainCharactersButton: string;
  readonly plainCharactersDone: string;
  readonly actionsLabel: string;
  readonly copyAll: string;
  readonly copySubject: string;
  readonly copyBodyOnly: string;
  readonly copyMessage: string;
  /** "{what}" is one of the three below. */
  readonly copied: string;
  readonly copiedAll: string;
  readonly copiedSubject: string;
  readonly copiedBody: string;
  readonly copyFailed: string;
  readonly openEmail: string;
  readonly gmail: string;
  readonly outlook: string;
  readonly openMessages: string;
  readonly call: string;
  readonly share: string;
  readonly print: string;
  readonly printCard: string;
  readonly download: string;
  /** "{file}" is the file name. */
  readonly downloaded: string;
  readonly needsScript: string;
  readonly kept: KeptText;
}

/**
 * The site's words for writing to one person of several (people.ts): template pages only, so
 * they are apart from FillText, which the widget's JSON carries too.
 */
export interface PeopleText {
  readonly writingTo: string;
  readonly someoneNew: string;
  /** "{name}" is the person's name. */
  readonly nowWriting: string;
  readonly markSent: string;
  /** "{name}" is the person's name, "{step}" the step ticked. */
  readonly markedSent: string;
  readonly undo: string;
  readonly undone: string;
  readonly forgotten: string;
}

/**
 * How long a status line offers Undo after removing or forgetting (longer while the button has
 * focus: src/client/undo-offer.ts).
 */
export const UNDO_SECONDS = 10;

export const PEOPLE_TEXT_EN: PeopleText = {
  writingTo: "Writing to",
  someoneNew: "Someone new",
  nowWriting: "Writing to {name}. Their details are filled in; the others keep theirs.",
  markSent: "Mark as sent",
  markedSent: "Ticked “{step}” for {name} in your references.",
  undo: "Undo",
  undone: "Undone.",
  forgotten: "Your details were removed from this device. The people in your references stay.",
};

export const FILL_TEXT_EN: FillText = {
  detailsHeading: "Your details",
  detailsLead: "Type them once and every template fills in. They stay on this device.",
  detailsLegend: "Details for this message",
  optionalMark: " (optional)",
  optionalSummary: "Optional details ({n})",
  chooseOne: "Choose one",
  forget: "Forget my details",
  forgotten: "Your details were removed from this device.",
  notSaved: "Your browser is not letting this page save. Your details will be kept until you leave.",
  messageHeading: "The message",
  subjectLabel: "Subject: ",
  allFilled: "All details filled in",
  detailsLeft: { one: "{n} detail left", other: "{n} details left" },
  missingNote: " (shown in [brackets])",
  fits: "Fits: ",
  tooLong: "Too long: ",
  subjectTooLong: "Subject too long: ",
  keepToSegments: "; keep it to {max} segments",
  aimForSeconds: "; aim for under {max} seconds",
  extendedLimit: " ({extendedMax} with {label})",
  plainCharacters:
    "Some characters in your details (curly quotes, long dashes or emoji) make this text cost more. ",
  plainCharactersButton: "Use plain characters",
  plainCharactersDone: "Swapped in plain quotes and dashes.",
  actionsLabel: "Send or save the message",
  copyAll: "Copy all",
  copySubject: "Copy subject",
  copyBodyOnly: "Copy message only",
  copyMessage: "Copy message",
  copied: "Copied the {what}.",
  copiedAll: "subject and message",
  copiedSubject: "subject",
  copiedBody: "message",
  copyFailed:
    "Copying did not work here. The message is selected: press Ctrl+C, or long-press and choose Copy.",
  openEmail: "Open in email app",
  gmail: "Gmail",
  outlook: "Outlook",
  openMessages: "Open in Messages",
  call: "Call them",
  share: "Share",
  print: "Print",
  printCard: "Print as a card",
  download: "Download .txt",
  downloaded: "Saved {file}.",
  needsScript:
    "Filling in needs JavaScript. You can still copy the message and replace the words in [brackets].",
  kept: {
    newer:
      "Details saved on this device by a newer version of this site cannot be read here. They are kept apart, as they were, and nothing you type here replaces them. Keep a copy of them, or delete them if you do not need them.",
    damaged:
      "Details saved on this device could not be read: the saved copy is damaged. It is kept apart, as it was, and nothing you type here replaces it. Keep a copy of it, or delete it if you do not need it.",
    download: "Download the kept copy",
    copy: "Copy the kept copy",
    copied: "Copied the kept copy.",
    remove: "Delete the kept copy",
    removeQuestion: "Delete the kept copy of your details from this device? This cannot be undone.",
    removed: "The kept copy was deleted.",
    file: "kept-details.json",
  },
};

/**
 * The reference tracker's words for a saved list it could not read (see KeptText). Written out
 * in full: a spread of the table above would keep that whole table in every bundle that reads
 * this module.
 */
export const KEPT_REFERENCES_EN: KeptText = {
  download: "Download the kept copy",
  copy: "Copy the kept copy",
  copied: "Copied the kept copy.",
  remove: "Delete the kept copy",
  removed: "The kept copy was deleted.",
  newer:
    "A reference list saved on this device by a newer version of this site cannot be read here. It is kept apart, as it was, and nothing you add here replaces it. Keep a copy of it, or delete it if you do not need it.",
  damaged:
    "The reference list saved on this device could not be read: the saved copy is damaged. It is kept apart, as it was, and nothing you add here replaces it. Keep a copy of it, or delete it if you do not need it.",
  removeQuestion: "Delete the kept copy of your reference list from this device? This cannot be undone.",
  file: "kept-references.json",
};

/** A sentence with its `{name}` marks filled in; a mark with no value is left as written. */
export function say(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (mark, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : mark,
  );
}

/** The form of a counted sentence for `n` ("1 detail left", "2 details left"). */
export function sayCount(plural: Plural, n: number): string {
  return say(n === 1 ? plural.one : plural.other, { n });
}

/** Every sentence home's quick start says (src/components/islands/QuickStart.tsx), as FillText. */
export interface QuickStartText {
  readonly heading: string;
  readonly whoLabel: string;
  readonly whoHint: string;
  readonly needLegend: string;
  readonly dateLabel: string;
  readonly dateHint: string;
  readonly reference: string;
  readonly reconnect: string;
  /** Without JavaScript the date cannot choose the text, so a button says it. */
  readonly urgentWithoutScript: string;
  readonly answerHeading: string;
  readonly editEveryDetail: string;
  readonly nextSteps: string;
  readonly wholePlan: string;
}

export const QUICK_START_TEXT_EN: QuickStartText = {
  heading: "Start here",
  whoLabel: "1. Who are you writing to?",
  whoHint: "Their name, as you called them at work.",
  needLegend: "2. What do you need?",
  dateLabel: "A reference by (optional)",
  dateHint: "Within two business days? You get a short text instead of an email.",
  reference: "A reference",
  reconnect: "Just to reconnect",
  urgentWithoutScript: "Needed within two days: ask by text",
  answerHeading: "Your first message",
  editEveryDetail: "Edit every detail",
  nextSteps: "Then",
  wholePlan: "The whole plan, with calendar reminders",
};
