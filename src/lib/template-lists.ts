/**
 * How pages that list templates stay small at any library size (issue 17): /templates/ shows
 * each tactic's first templates with a link to all of them, and the full lists (a facet's, a
 * tactic's) come in numbered pages. A list page's HTML then has a fixed ceiling, whether the
 * library holds 80 templates or 5,000.
 */
import type { TemplateInfo } from "./library.ts";

/** Templates per numbered page of a full list (/templates/channel/email/2/). */
export const LIST_PAGE_SIZE = 100;

/** Templates each tactic shows on /templates/ and on its own page before "All … templates". */
export const GROUP_PREVIEW = 6;

export interface Preview<T> {
  readonly shown: readonly T[];
  readonly total: number;
}

type Listed = Pick<TemplateInfo, "channel" | "tone" | "situation">;

/**
 * The first `limit` templates of a group, in their order, except that every channel and tone the
 * group has gets at least one of its templates shown where the limit allows: a filter applied in
 * place on /templates/ then still finds something in each group that has it.
 */
export function previewOf<T extends Listed>(templates: readonly T[], limit = GROUP_PREVIEW): Preview<T> {
  if (templates.length <= limit) return { shown: templates, total: templates.length };
  const picked = new Set<number>();
  const seen = new Set<string>();
  for (const key of ["channel", "tone"] as const) {
    templates.forEach((template, index) => {
      const token = `${key}:${template[key]}`;
      if (seen.has(token) || picked.size >= limit) return;
      seen.add(token);
      picked.add(index);
    });
  }
  for (let index = 0; index < templates.length && picked.size < limit; index += 1) picked.add(index);
  return {
    shown: templates.filter((_, index) => picked.has(index)),
    total: templates.length,
  };
}

/**
 * The facet values a group's shown templates have, as space-separated tokens
 * ("channel:text tone:warm …") for the group's data-has attribute: the in-place filter hides a
 * group whose tokens lack the chosen value with one CSS rule (src/client/template-filters.ts).
 */
export function facetTokens(templates: readonly Listed[]): string {
  const tokens = new Set<string>();
  for (const t of templates) {
    tokens.add(`channel:${t.channel}`);
    tokens.add(`situation:${t.situation}`);
    tokens.add(`tone:${t.tone}`);
  }
  return [...tokens].sort().join(" ");
}
