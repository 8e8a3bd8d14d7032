/**
 * Site paths under a base path. Every internal link goes through here, so the site works at the
 * root of a domain or under a folder such as /careers/reconnect/.
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith("/") ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith("/") ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

// The three the template API names (api/schema.ts) stand alone as well, so the widget, which
// reads them, can bundle them without the whole table.
export const templatesRoute = (): string => "/templates/";
export const templateRoute = (slug: string): string => `/templates/${slug}/`;
export const tacticRoute = (slug: string): string => `/tactics/${slug}/`;

export const routes = {
  home: () => "/",
  templates: templatesRoute,
  template: templateRoute,
  tactic: tacticRoute,
  /** Every template of a tactic, in numbered pages (src/lib/template-lists.ts). */
  tacticTemplates: (slug: string) => `/templates/tactic/${slug}/`,
  guide: (slug: string) => `/guides/${slug}/`,
  channel: (id: string) => `/templates/channel/${id}/`,
  situation: (id: string) => `/templates/situation/${id}/`,
  tone: (id: string) => `/templates/tone/${id}/`,
  search: () => "/search/",
  plan: () => "/plan/",
  embed: () => "/embed/",
  references: () => "/references/",
} as const;
