import { z } from "astro/zod";
// Brand colours must read on the page backgrounds of tokens.css (the rule is in contrast.ts).
import { checkAccent } from "../lib/contrast.ts";

const hexColor = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'use a hex colour such as "#0b5cad"');
const httpsUrl = z.url({ protocol: /^https?$/, error: "use a full address starting with https://" });

/** The shape of src/site.config.ts, checked when the build starts. */
export const siteConfigSchema = z
  .object({
    /** The product name in the header, page titles, feeds and the social image. */
    name: z.string().min(1).max(40),
    /** One sentence on what the site does: the home page lead and the default description. */
    tagline: z.string().min(20).max(200),
    /** The public origin, without a trailing slash, e.g. https://careers.example.com */
    url: httpsUrl.refine((u) => !u.endsWith("/"), "leave off the trailing slash"),
    /** Where the site lives on that origin: "/" or a folder such as "/careers/reconnect/". */
    base: z
      .string()
      .regex(/^\/(?:[a-z0-9-]+\/)*$/, 'start and end with "/", e.g. "/" or "/careers/reconnect/"'),
    /** BCP 47 language tag for the page language and dates in words, e.g. "en-GB" or "en-US". */
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'use a language tag such as "en-US"'),
    /** A square SVG or PNG in public/, shown beside the name; its path from the site root. */
    logo: z.string().regex(/^\/[\w./-]+\.(?:svg|png)$/, 'a file in public/, e.g. "/favicon.svg"'),
    publisher: z.object({ name: z.string().min(1), url: httpsUrl }),
    colors: z.object({
      /** Links and buttons on the light theme. */
      accent: hexColor,
      /** Links and buttons on the dark theme. */
      accentDark: hexColor,
    }),
    callToAction: z.object({
      heading: z.string().min(1).max(80),
      text: z.string().min(1).max(200),
      label: z.string().min(1).max(40),
      url: httpsUrl,
    }),
    moreArticles: z.object({ label: z.string().min(1).max(40), url: httpsUrl }),
    footerText: z.string().min(1).max(200),
    /** Where the content editor (/admin/) saves: the site's GitHub repository (docs/editing.md). */
    cms: z
      .object({
        /** "owner/name" of the repository on GitHub. */
        repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'write the repository as "owner/name"'),
        /** The branch the site is built from. */
        branch: z.string().min(1),
        /** The origin of the OAuth provider that signs editors in to GitHub; omit for Netlify's. */
        authBaseUrl: httpsUrl.optional(),
      })
      .optional(),
  })
  .superRefine((site, ctx) => {
    const checks = [
      { path: ["colors", "accent"], color: site.colors.accent, scheme: "light" },
      { path: ["colors", "accentDark"], color: site.colors.accentDark, scheme: "dark" },
    ] as const;
    for (const { path, color, scheme } of checks) {
      const check = checkAccent(color, scheme);
      if (!check.ok) ctx.addIssue({ code: "custom", path: [...path], message: check.reason });
    }
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Validate the config, or throw one error listing every problem with its key and the fix. */
export function parseSiteConfig(input: unknown): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "(config)"}: ${issue.message}`,
  );
  throw new Error(
    `src/site.config.ts has ${lines.length === 1 ? "a problem" : `${lines.length} problems`}:\n${lines.join("\n")}`,
  );
}
