/**
 * The ways to browse templates without search: by channel, situation or tone. Each value has a
 * static page (/templates/channel/text/), so browsing works without JavaScript.
 */
import { CHANNELS } from "./channels.ts";
import { CHANNEL_IDS } from "./vocabulary.ts";
import { SITUATION_LABELS, TONE_LABELS, type TemplateFilter, type TemplateInfo } from "./library.ts";

export const FACETS = ["channel", "situation", "tone"] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetValue {
  readonly facet: Facet;
  readonly value: string;
  /** Shown on the filter link, e.g. "Text messages". */
  readonly label: string;
}

export const FACET_LABELS: Readonly<Record<Facet, string>> = {
  channel: "Channel",
  situation: "Situation",
  tone: "Tone",
};

export function facetValues(facet: Facet): FacetValue[] {
  switch (facet) {
    case "channel":
      return CHANNEL_IDS.map((id) => ({ facet, value: id, label: CHANNELS[id].plural }));
    case "situation":
      return Object.entries(SITUATION_LABELS).map(([value, label]) => ({ facet, value, label }));
    case "tone":
      return Object.entries(TONE_LABELS).map(([value, label]) => ({ facet, value, label }));
  }
}

export function allFacetValues(): FacetValue[] {
  return FACETS.flatMap(facetValues);
}

export function matchesFacet(
  template: TemplateInfo,
  { facet, value }: Pick<FacetValue, "facet" | "value">,
): boolean {
  const filter: TemplateFilter = { [facet]: value };
  return (
    (filter.channel === undefined || template.channel === filter.channel) &&
    (filter.situation === undefined || template.situation === filter.situation) &&
    (filter.tone === undefined || template.tone === filter.tone)
  );
}
