/**
 * Everything a staffing firm changes to make the site its own: name, address, colours and the
 * calls to action. No brand string appears anywhere else in the code.
 */
import type { SiteConfig } from "./schemas/site.ts";

/** Checked against src/schemas/site.ts when the build starts (contrast included). */
export const site: SiteConfig = {
  name: "Reconnect Kit",
  tagline:
    "Get back in touch with the people who can vouch for you, with advice and messages you fill in once.",
  url: "https://reconnect.example.com",
  base: "/",
  locale: "en-US",
  logo: "/favicon.svg",
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
  cms: { repo: "example-staffing/reconnect-kit", branch: "main" },
};
