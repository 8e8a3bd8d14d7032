/**
 * The one place pages read the content collections, turning entries into the plain shapes that
 * src/lib works with.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { FieldDefinition } from "../lib/fields.ts";
import {
  situationGuides,
  type GuideInfo,
  type SituationGuides,
  type TacticInfo,
  type TemplateInfo,
} from "../lib/library.ts";

export type TacticEntry = CollectionEntry<"tactics">;
export type GuideEntry = CollectionEntry<"guides">;

export async function getTemplates(): Promise<TemplateInfo[]> {
  const entries = await getCollection("templates");
  return entries
    .map((entry) => ({ slug: entry.id, ...entry.data, body: (entry.body ?? "").trim() }))
    .sort((a, b) => a.title.localeCompare(b.title, "en"));
}

export async function getTacticEntries(): Promise<TacticEntry[]> {
  return (await getCollection("tactics")).sort((a, b) => a.data.order - b.data.order);
}

export async function getTactics(): Promise<(TacticInfo & { entry: TacticEntry })[]> {
  return (await getTacticEntries()).map((entry) => ({ slug: entry.id, ...entry.data, entry }));
}

export async function getGuides(): Promise<GuideEntry[]> {
  return (await getCollection("guides")).sort((a, b) => a.data.order - b.data.order);
}

export async function getFields(): Promise<FieldDefinition[]> {
  return (await getCollection("fields")).map((entry) => entry.data);
}

/** Guides as plain data (slug and frontmatter), for lists and links. */
export async function getGuideList(): Promise<GuideInfo[]> {
  return (await getGuides()).map((entry) => ({ slug: entry.id, ...entry.data }));
}

/** The one guide per situation (src/lib/library.ts says the rule). */
export async function getSituationGuides(): Promise<SituationGuides> {
  return situationGuides(await getGuideList());
}
