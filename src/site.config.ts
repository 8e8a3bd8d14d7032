/**
 * Everything a staffing firm changes to make the site its own: name, address, colours and the
 * calls to action. No brand string appears anywhere else in the code.
 */
export interface SiteConfig {
  /** The product name shown in the header, titles and feeds. */
  readonly name: string;
  /** One sentence on what the site does, for the home page and search engines. */
  readonly tagline: string;
  /** The site's public origin, without a trailing slash. */
  readonly url: string;
  /** The path the site lives under: "/" at the root, or e.g. "/careers/reconnect/". */
  readonly base: string;
  /** BCP 47 locale for dates in words and the page language. */
  readonly locale: string;
  /** The firm that publishes the site. */
  readonly publisher: { readonly name: string; readonly url: string };
  readonly colors: {
    /** Buttons and links on a light background. */
    readonly accent: string;
    /** Buttons and links on a dark background. */
    readonly accentDark: string;
  };
  /** Ends every guide: talk to one of the firm's staffing experts. */
  readonly callToAction: {
    readonly heading: string;
    readonly text: string;
    readonly label: string;
    readonly url: string;
  };
  /** The firm's other career articles. */
  readonly moreArticles: { readonly label: string; readonly url: string };
  readonly footerText: string;
}

export const site: SiteConfig = {
  name: "Reconnect Kit",
  tagline:
    "Get back in touch with the people who can vouch for you, with advice and messages you fill in once.",
  url: "https://reconnect.example.com",
  base: "/",
  locale: "en-GB",
  publisher: { name: "Example Staffing", url: "https://staffing.example.com" },
  colors: { accent: "#0b5cad", accentDark: "#8cc4ff" },
  callToAction: {
    heading: "Want a hand with your search?",
    text: "Our staffing experts can help you line up references and find your next role.",
    label: "Talk to a staffing expert",
    url: "https://staffing.example.com/contact",
  },
  moreArticles: { label: "More career articles", url: "https://staffing.example.com/blog" },
  footerText: "Everything you type stays on your device.",
};
