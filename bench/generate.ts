/**
 * Writes a synthetic template library into a copy of the project, so the build can be timed at
 * library sizes the real content will not reach for years.
 *
 * Why templates only: the tactic schema numbers tactics 1 to 9, each number once, and the guides
 * link to the nine real tactics by slug, so a tenth tactic cannot exist by design. The nine real
 * tactics and all real templates stay; synthetic templates are added until the library holds N.
 *
 * Every synthetic template is valid by construction: it names a real tactic and that tactic's
 * situation, uses only channels the tactic already lists (so the tactic's `channels` stays exact),
 * uses only fields from the registry, and keeps texts well inside two GSM-7 segments. The wording
 * is assembled from sentence pools with topic, role and occasion words, so Pagefind indexes a
 * realistic vocabulary instead of one repeated paragraph. A seeded generator makes every run write
 * the same library for the same N.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Tone = "warm" | "professional" | "brief";
type Channel = "email" | "text" | "linkedin-message";

interface TacticPlan {
  readonly slug: string;
  readonly situation: "casual" | "reference";
  /** Channels from the tactic's own `channels` list that synthetic templates may use. */
  readonly channels: readonly Channel[];
  /** Title of the need, e.g. "Ask {person} for advice on {topic}". */
  readonly title: string;
  /** Sentences saying why you are writing; the heart of the message. */
  readonly purpose: readonly string[];
  /** The request or next step. */
  readonly ask: readonly string[];
  /** One short sentence for a text message: purpose and ask together. */
  readonly text: readonly string[];
}

const TONES: readonly Tone[] = ["warm", "professional", "brief"];

// The situations and channels below mirror src/content/tactics/*.mdx; the content check run on
// the generated copy fails loudly if a tactic ever drops one of these channels.
const TACTICS: readonly TacticPlan[] = [
  {
    slug: "reach-out-directly",
    situation: "casual",
    channels: ["email", "text"],
    title: "Reconnect with {person} {occasion}",
    purpose: [
      "I was thinking about {{sharedMemory}} the other day and realised how long it has been.",
      "Something at work reminded me of our time at {{workplace}}, and I wanted to say hello.",
      "I came across an old photo from {{workplace}} and it made me smile.",
      "I have been meaning to write for a while, and {occasion} felt like the right moment.",
    ],
    ask: [
      "How are things with you these days? I would love to hear what you are working on.",
      "If you have a minute, tell me what you have been up to since {{workYears}}.",
      "No need for a long reply, I just wanted you to know I think of our team often.",
    ],
    text: [
      "it has been too long since {{workplace}}. How are you doing these days?",
      "I thought of you today and wanted to say hello. How is everything going?",
    ],
  },
  {
    slug: "ask-for-advice",
    situation: "casual",
    channels: ["email", "text"],
    title: "Ask {person} for advice on {topic}",
    purpose: [
      "I am weighing up {topic}, and you are the first person I thought of.",
      "You always gave clear advice at {{workplace}}, and I could use some now on {topic}.",
      "I am trying to decide on {{adviceTopic}}, and I trust your judgement.",
      "Since you know the field well, I would value your view on {topic}.",
    ],
    ask: [
      "Could I ask you two or three quick questions by email or on a short call?",
      "Would you have fifteen minutes in the next few weeks to talk it through?",
      "Even a few lines on what you would do in my place would help a lot.",
    ],
    text: [
      "could I ask your advice on {topic}? Happy to call whenever suits you.",
      "I would love your take on {topic}. Do you have ten minutes this week?",
    ],
  },
  {
    slug: "meet-in-person",
    situation: "casual",
    channels: ["email", "text"],
    title: "Invite {person} to {meet}",
    purpose: [
      "It would be great to catch up properly, and {meet} seemed like an easy way to do it.",
      "I will be near the old office soon and thought of {meet}.",
      "I miss our conversations from {{workplace}}, so I wondered about {meet}.",
    ],
    ask: [
      "Would {{meetingIdea}} on {{meetingDate}} work for you? Any other day is fine too.",
      "Are you free for {{meetingIdea}} sometime next week? My treat.",
      "If {{meetingDate}} at {{meetingTime}} suits you, I will book a table.",
    ],
    text: [
      "fancy {meet} soon? I am free most weekday mornings.",
      "are you up for {{meetingIdea}} next week? My treat.",
    ],
  },
  {
    slug: "engage-on-social-media",
    situation: "casual",
    channels: ["linkedin-message"],
    title: "Congratulate {person} on {news}",
    purpose: [
      "I saw the news about {{theirNews}} and wanted to say congratulations.",
      "Congratulations on {news}! It is great to see your work recognised.",
      "I just read about {news}, and it made my day.",
    ],
    ask: [
      "I would love to hear how the first weeks are going when you have time.",
      "No need to reply, I just wanted to cheer you on.",
      "If you ever want to swap notes on the new role, I am around.",
    ],
    text: ["congratulations on {news}!"],
  },
  {
    slug: "own-the-lapse",
    situation: "reference",
    channels: ["email"],
    title: "Write to {person} after {gap} of silence",
    purpose: [
      "I know it has been {gap} since we last spoke, and that is on me.",
      "I am sorry I let so much time pass after {{workplace}}. Life got busy, but that is no excuse.",
      "It has been far too long, and I should have kept in touch after {{workYears}}.",
    ],
    ask: [
      "I would like to fix that, and I would love to hear how you are.",
      "I also have a favour to ask, but first I wanted to say hello properly.",
      "When you have a moment, I would love to catch up on the phone.",
    ],
    text: ["it has been {gap}, and that is on me. How are you?"],
  },
  {
    slug: "be-transparent",
    situation: "reference",
    channels: ["email", "text"],
    title: "Ask {person} to be a reference for {role}",
    purpose: [
      "I am applying for a {role} role{{#targetCompany}} at {{targetCompany}}{{/targetCompany}}, and I would be grateful for your help.",
      "I am writing because I need a reference for a {role} position, and you saw my best work.",
      "I will be honest: I am reaching out because I am applying for {role} jobs.",
    ],
    ask: [
      "Would you be willing to give {{referenceType}} by {{neededBy}}? It is fine to say no.",
      "Could I list you as a reference? I would send you everything you need first.",
      "If you are comfortable vouching for me, {{contactPerson}} would be in touch.",
    ],
    text: [
      "would you be a reference for a {role} role? No pressure at all.",
      "I am applying for {role} jobs. Could I list you as a reference?",
    ],
  },
  {
    slug: "give-context",
    situation: "reference",
    channels: ["email", "text"],
    title: "Brief {person} before the call about {role}",
    purpose: [
      "Thank you again for agreeing to be my reference for the {role} role.",
      "Here is a short summary so the call about the {role} job is easy for you.",
      "{{contactPerson}} should be in touch before {{neededBy}} about the {role} position.",
    ],
    ask: [
      "If it helps, you could mention {{sharedMemory}}. The posting is here: {{jobLink}}",
      "The points that matter most for this job are:\n\n{{talkingPoints}}",
      "Let me know if you would like any more detail before the call.",
    ],
    text: [
      "{{contactPerson}} may call this week about the {role} job. Thank you!",
      "heads up: the recruiter for the {role} role may call before {{neededBy}}.",
    ],
  },
  {
    slug: "say-thank-you",
    situation: "reference",
    channels: ["email", "text"],
    title: "Thank {person} for the reference for {role}",
    purpose: [
      "Thank you so much for speaking up for me for the {role} role.",
      "I wanted to say thank you for giving me a reference. It meant a great deal.",
      "Thank you for taking the time to talk to {{contactPerson}} about me.",
    ],
    ask: [
      "Whatever happens, I am grateful, and I will let you know how it goes.",
      "If there is ever anything I can do for you, please ask.",
      "I hope we can keep in touch properly from now on.",
    ],
    text: [
      "thank you for the reference for the {role} job. It means a lot.",
      "thank you so much for vouching for me. I owe you a coffee!",
    ],
  },
  {
    slug: "keep-them-posted",
    situation: "reference",
    channels: ["email", "text"],
    title: "Update {person} on the {role} application",
    purpose: [
      "I wanted to let you know how the {role} application went: {{outcome}}.",
      "Quick update on the {role} job, since you helped me with it.",
      "Thanks to your reference, I have news about the {role} position.",
    ],
    ask: [
      "Thank you again for your help. I would love to return the favour one day.",
      "I will keep you posted on what comes next.",
      "Let's not leave it so long next time. How are things with you?",
    ],
    text: [
      "news on the {role} job: {{outcome}}. Thank you for your help!",
      "quick update: the {role} process is still going. Thanks again!",
    ],
  },
];

const PEOPLE = [
  "a former manager",
  "an old teammate",
  "a past client",
  "a former supervisor",
  "a mentor",
  "a former colleague",
  "a team lead",
  "a past professor",
  "a former director",
  "a project partner",
];
const TOPICS = [
  "a move into data analysis",
  "going back to school",
  "a first management role",
  "starting a bookkeeping business",
  "negotiating a salary",
  "a career change to nursing",
  "learning to code",
  "moving to a new city",
  "a project management certificate",
  "freelance design work",
  "working part time",
  "a return after parental leave",
  "a move into sales",
  "teaching English abroad",
  "a job in the public sector",
  "switching to remote work",
  "a union representative role",
  "an accounting qualification",
  "running a small bakery",
  "a move into cybersecurity",
  "training as an electrician",
  "a warehouse supervisor path",
  "writing a portfolio",
  "a late career change",
];
const ROLES = [
  "logistics supervisor",
  "data analyst",
  "office manager",
  "nurse practitioner",
  "account executive",
  "software tester",
  "site foreman",
  "payroll specialist",
  "retail store manager",
  "customer success lead",
  "teaching assistant",
  "line cook",
  "dental hygienist",
  "marketing coordinator",
  "HR generalist",
  "plant operator",
  "grant writer",
  "bank teller",
  "events planner",
  "research assistant",
];
const OCCASIONS = [
  "after five years",
  "after a long gap",
  "out of the blue",
  "at the new year",
  "after a career break",
  "after moving away",
  "before the holidays",
  "in the spring",
];
const MEETS = [
  "coffee near the old office",
  "a walk in the park",
  "lunch downtown",
  "a round of golf",
  "the trade show",
  "a quick breakfast",
  "the alumni evening",
  "a bike ride",
];
const NEWS = [
  "the promotion",
  "the new job",
  "ten years at the company",
  "the conference talk",
  "the award",
  "the new team",
  "the book launch",
  "the startup",
];
const GAPS = ["three years", "five years", "a long time", "ages", "two years", "almost a decade"];

const GREETINGS: Readonly<Record<Tone, readonly string[]>> = {
  warm: ["Hi {{theirName}},", "Dear {{theirName}},", "Hello {{theirName}},"],
  professional: ["Dear {{theirName}},", "Hello {{theirName}},", "Good morning {{theirName}},"],
  brief: ["Hi {{theirName}},", "{{theirName}},"],
};
const MEMORY = [
  "I still think about {{sharedMemory}} at {{workplace}}.",
  "Working with you as {{theirRole}} taught me more than any course.",
  "Our years at {{workplace}} ({{workYears}}) shaped how I work today.",
  "I often tell people about {{sharedMemory}}.",
];
const OWN_NEWS = [
  "As for me, {{yourNews}}.",
  "I have been working as a {{yourRole}} and learning a lot.",
  "Since we last spoke, {{yourNews}}.",
];
const CLOSINGS: Readonly<Record<Tone, readonly string[]>> = {
  warm: ["Warmly,", "With thanks,", "All the best,", "Take care,"],
  professional: ["Kind regards,", "Best regards,", "With thanks,", "Sincerely,"],
  brief: ["Thanks,", "Best,", "Cheers,"],
};
const SUBJECTS = [
  "Hello from {{yourName}}",
  "A quick question, {{theirName}}",
  "It has been a while",
  "{{theirName}}, a favour to ask",
  "News from {{yourName}}",
  "Thank you, {{theirName}}",
  "Catching up after {{workplace}}",
];
const WHEN = [
  "Send it when the moment feels right; it works best on a weekday morning.",
  "Use it when you have not spoken for a year or more.",
  "Send it a week before you need anything, so it does not read as a demand.",
  "Good for a first message after a long silence.",
  "Use it once you know the deadline and the recruiter's name.",
  "Send it the same day, while it is fresh.",
];

/** Mulberry32: a tiny seeded generator, so the same N always writes the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

interface Words {
  readonly person: string;
  readonly topic: string;
  readonly role: string;
  readonly occasion: string;
  readonly meet: string;
  readonly news: string;
  readonly gap: string;
}

/** Fills {word} slots (single braces); Mustache {{fields}} pass through untouched. */
function fillWords(text: string, words: Words): string {
  return text.replace(/(?<!\{)\{(\w+)\}(?!\})/g, (_, key: string) => words[key as keyof Words]);
}

const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  email: "email",
  text: "text",
  "linkedin-message": "LinkedIn",
};

export interface GeneratedLibrary {
  readonly real: number;
  readonly synthetic: number;
  /** Always the real tactics: see the note at the top of this file. */
  readonly tactics: number;
}

/**
 * Adds synthetic templates under src/content/templates/synthetic/ in `root` until the library
 * holds `total` templates (or adds none when the real library is already that big).
 */
export function generateLibrary(root: string, total: number): GeneratedLibrary {
  const templatesDir = join(root, "src/content/templates");
  const real = readdirSync(templatesDir, { recursive: true }).filter((f) => String(f).endsWith(".md")).length;
  const wanted = Math.max(0, total - real);
  const outDir = join(templatesDir, "synthetic");
  mkdirSync(outDir, { recursive: true });
  const rand = random(total);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(rand() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };

  let written = 0;
  // The content check refuses two templates with one title (lists and results would show two
  // alike), so each need gets a title no other need has, and each version keeps its suffix.
  const titles = new Set<string>();
  const usedTitles = new Set<string>();
  for (let need = 0; written < wanted; need += 1) {
    const tactic = TACTICS[need % TACTICS.length];
    if (tactic === undefined) throw new Error("no tactics");
    const draw = (): Words => ({
      person: pick(PEOPLE),
      topic: pick(TOPICS),
      role: pick(ROLES),
      occasion: pick(OCCASIONS),
      meet: pick(MEETS),
      news: pick(NEWS),
      gap: pick(GAPS),
    });
    let words = draw();
    for (let tries = 0; tries < 20 && titles.has(fillWords(tactic.title, words)); tries += 1) words = draw();
    const drawn = fillWords(tactic.title, words);
    const needTitle = titles.has(drawn) ? `${drawn}, take ${need}` : drawn;
    titles.add(needTitle);
    const needSlug = `${slugify(needTitle).slice(0, 60).replace(/-$/, "")}-${need}`;
    // Each need comes in several versions (tone x channel), as real needs do, so template pages
    // have siblings to link to; the count is capped by the combinations the tactic allows.
    const combos = TONES.flatMap((tone) => tactic.channels.map((channel) => ({ tone, channel })));
    const versions = shuffle(combos, rand).slice(0, 2 + Math.floor(rand() * 3));
    for (const { tone, channel } of versions) {
      if (written >= wanted) break;
      const slug = `${needSlug}-${channel}-${tone}`;
      const suffix = ` by ${CHANNEL_LABELS[channel]} (${tone})`;
      const title = `${needTitle.slice(0, 80 - suffix.length).trimEnd()}${suffix}`;
      // Two long need titles can still meet once cut to fit: that version is left out.
      if (usedTitles.has(title)) continue;
      usedTitles.add(title);
      const body =
        channel === "text" ? textBody(tactic, tone, words, pick) : longBody(tactic, tone, words, pick);
      const front = [
        `title: ${JSON.stringify(title)}`,
        `summary: ${JSON.stringify(pick(WHEN))}`,
        `tactic: ${tactic.slug}`,
        `situation: ${tactic.situation}`,
        `channel: ${channel}`,
        `tone: ${tone}`,
        `need: ${needSlug}`,
        ...(channel === "email" ? [`subject: ${JSON.stringify(pick(SUBJECTS))}`] : []),
      ];
      writeFileSync(join(outDir, `${slug}.md`), `---\n${front.join("\n")}\n---\n${body}\n`);
      written += 1;
    }
  }
  const tactics = readdirSync(join(root, "src/content/tactics")).filter((f) => /\.mdx?$/.test(f)).length;
  return { real, synthetic: written, tactics };
}

type Pick = <T>(items: readonly T[]) => T;

/** A text stays under ~200 characters with the registry's example values: one SMS segment or two. */
function textBody(tactic: TacticPlan, tone: Tone, words: Words, pick: Pick): string {
  const sign = tone === "professional" ? "Best, {{yourName}}" : "- {{yourName}}";
  return `Hi {{theirName}}, ${fillWords(pick(tactic.text), words)} ${sign}`;
}

/** Email and LinkedIn message: greeting, shared past, purpose, ask, sign-off. */
function longBody(tactic: TacticPlan, tone: Tone, words: Words, pick: Pick): string {
  const paragraphs =
    tone === "brief"
      ? [fillWords(`${pick(tactic.purpose)} ${pick(tactic.ask)}`, words)]
      : [
          `${pick(MEMORY)} ${pick(OWN_NEWS)}`,
          fillWords(pick(tactic.purpose), words),
          fillWords(pick(tactic.ask), words),
        ];
  return [pick(GREETINGS[tone]), ...paragraphs, `${pick(CLOSINGS[tone])}\n{{yourName}}`].join("\n\n");
}
