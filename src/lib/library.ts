/**
 * Plain operations over the library (tactics and templates) that pages, JSON endpoints and tests
 * share. Inputs are plain objects, so this runs anywhere, with or without Astro.
 */
import { SITUATIONS, TONES, type ChannelId, type Situation, type Tone } from "./vocabulary.ts";

export { SITUATION_LABELS, TONE_LABELS, type Situation, type Tone } from "./vocabulary.ts";

export interface TemplateInfo {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly channel: ChannelId;
  readonly situation: Situation;
  readonly tactic: string;
  readonly tone: Tone;
  readonly need: string;
  readonly subject?: string | undefined;
  /** How people ask for it when they search; indexed, never shown. */
  readonly searchPhrases?: readonly string[] | undefined;
  readonly body: string;
}

export interface TacticInfo {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly situation: Situation;
  readonly order: number;
}

export interface GuideInfo {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly situation?: Situation | undefined;
  readonly tactics?: readonly string[] | undefined;
  readonly templates?: readonly string[] | undefined;
}

/** A stable order for lists: by title, so the same page always lists the same way. */
export function byTitle<T extends { readonly title: string }>(a: T, b: T): number {
  return a.title.localeCompare(b.title, "en");
}

/** Other versions of the same message: other tones or channels sharing its `need`. */
export function siblingsOf<T extends TemplateInfo>(template: T, all: readonly T[]): T[] {
  return all
    .filter((other) => other.need === template.need && other.slug !== template.slug)
    .sort((a, b) => TONES.indexOf(a.tone) - TONES.indexOf(b.tone) || byTitle(a, b));
}

export function templatesForTactic<T extends TemplateInfo>(tacticSlug: string, all: readonly T[]): T[] {
  return all.filter((t) => t.tactic === tacticSlug).sort(byTitle);
}

export interface TemplateFilter {
  readonly channel?: ChannelId | undefined;
  readonly situation?: Situation | undefined;
  readonly tone?: Tone | undefined;
}

export function filterTemplates<T extends TemplateInfo>(all: readonly T[], filter: TemplateFilter): T[] {
  return all.filter(
    (t) =>
      (filter.channel === undefined || t.channel === filter.channel) &&
      (filter.situation === undefined || t.situation === filter.situation) &&
      (filter.tone === undefined || t.tone === filter.tone),
  );
}

export interface TacticGroup<T, U> {
  readonly tactic: U;
  readonly templates: T[];
}

/** Templates grouped by situation, then by tactic in the guide's order. */
export function groupBySituationAndTactic<T extends TemplateInfo, U extends TacticInfo>(
  templates: readonly T[],
  tactics: readonly U[],
): { situation: Situation; groups: TacticGroup<T, U>[] }[] {
  const ordered = [...tactics].sort((a, b) => a.order - b.order);
  return SITUATIONS.map((situation) => ({
    situation,
    groups: ordered
      .filter((tactic) => tactic.situation === situation)
      .map((tactic) => ({ tactic, templates: templatesForTactic(tactic.slug, templates) }))
      .filter((group) => group.templates.length > 0),
  }));
}

export type SituationGuideCandidate = Pick<GuideInfo, "slug" | "title" | "situation">;

export type SituationGuides = Readonly<Record<Situation, { readonly slug: string; readonly title: string }>>;

/**
 * The guide for each situation, read from the guides' own `situation` field, so the header, home,
 * tactic pages, search and the 404 page all follow the content instead of naming slugs. Every
 * situation needs exactly one guide; anything else is an editor's mistake, reported with the fix.
 */
export function situationGuides(guides: readonly SituationGuideCandidate[]): SituationGuides {
  const found: Partial<Record<Situation, SituationGuideCandidate>> = {};
  for (const situation of SITUATIONS) {
    const matching = guides.filter((guide) => guide.situation === situation);
    if (matching.length === 0) {
      throw new Error(
        `No guide walks through the "${situation}" situation. Add \`situation: ${situation}\` to the front matter of one guide in src/content/guides/.`,
      );
    }
    if (matching.length > 1) {
      const files = matching.map((guide) => `src/content/guides/${guide.slug}.mdx`).join(", ");
      throw new Error(
        `${matching.length} guides say \`situation: ${situation}\` (${files}). Keep it on the one guide that walks through that situation and remove it from the others.`,
      );
    }
    found[situation] = matching[0] as SituationGuideCandidate;
  }
  return Object.fromEntries(
    SITUATIONS.map((situation) => {
      const guide = found[situation] as SituationGuideCandidate;
      return [situation, { slug: guide.slug, title: guide.title }];
    }),
  ) as SituationGuides;
}

/**
 * The entries a guide names (its `templates` or `tactics`), in the guide's order. A slug with no
 * entry is skipped here; the content check reports it with the file and line.
 */
export function entriesBySlug<T extends { readonly slug: string }>(
  slugs: readonly string[] | undefined,
  all: readonly T[],
): T[] {
  const bySlug = new Map(all.map((entry) => [entry.slug, entry]));
  return (slugs ?? []).flatMap((slug) => bySlug.get(slug) ?? []);
}

const byOrder = <G extends GuideInfo>(a: G, b: G): number => a.order - b.order || byTitle(a, b);

/** Guides that go deeper on a tactic, in guide order, for the tactic's page to link to. */
export function guidesForTactic<G extends GuideInfo>(tacticSlug: string, guides: readonly G[]): G[] {
  return guides.filter((guide) => guide.tactics?.includes(tacticSlug) === true).sort(byOrder);
}

/** Guides for any situation (preparing a reference, what to do when it goes wrong), in order. */
export function generalGuides<G extends GuideInfo>(guides: readonly G[]): G[] {
  return guides.filter((guide) => guide.situation === undefined).sort(byOrder);
}
