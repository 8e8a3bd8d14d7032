/**
 * The words of the embeds around a template: what the widget says before one has arrived, when
 * it cannot arrive, and around it, and the iframe embed's sentence for an address that names none.
 * Part of the site's one table of sentences (ui-text.ts), in a file of its own so that the site's
 * pages, which never say these, do not load them with the shared words of their islands.
 */

/**
 * What the widget says on its own: before a template (and with it the FillText words above)
 * has arrived, when it cannot arrive, and around it. These ship inside widget.js, so they are
 * kept few. `{site}` is the site's name, `{slug}` the template name the host page asked for.
 */
export interface WidgetText {
  /** While one template loads, and while the picker's list loads. */
  readonly loading: string;
  readonly loadingList: string;
  /** Any failure: no answer, an error, something that is not a template, a page that broke it. */
  readonly failed: string;
  readonly failedList: string;
  /** The element has no template="..." attribute. */
  readonly noName: string;
  /** "{slug}": the name asked for. */
  readonly notFound: string;
  /** The picker's filters leave nothing to choose. */
  readonly noMatch: string;
  /** Links to the template's page, to the list of templates and, under a template, to its page. */
  readonly openIt: string;
  readonly seeAll: string;
  readonly openPage: string;
  /** Read out after each of those links, which open a new tab. */
  readonly newTab: string;
  /** The picker's label. */
  readonly choose: string;
}

export const WIDGET_TEXT_EN: WidgetText = {
  loading: "Loading the template...",
  loadingList: "Loading the templates...",
  failed: "The template could not load.",
  failedList: "The templates could not load.",
  noName: 'This widget needs a template name, e.g. template="ask-for-a-reference-email".',
  notFound: 'There is no template called "{slug}".',
  noMatch: "No templates match these filters.",
  openIt: "Open it on {site}",
  seeAll: "See all templates on {site}",
  openPage: "Open this template on {site}",
  newTab: " (opens in a new tab)",
  choose: "Choose a template",
};

/** What the iframe embed says when its address names no template (src/client/embed-view.ts). */
export const EMBED_NO_NAME =
  "This embed's address names no template: add ?template= and a template's name, e.g. ?template=ask-for-a-reference-email.";
