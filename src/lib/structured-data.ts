/**
 * schema.org data for search engines, printed as JSON-LD: HowTo for tactics, Article for guides,
 * WebSite for the home page. https://schema.org/HowTo, https://schema.org/Article
 */

/** The numbered steps under "## How to do it" in a tactic's Markdown, without Markdown marks. */
export function howToSteps(markdown: string): string[] {
  const section = /^## How to do it\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? "";
  return [...section.matchAll(/^\d+\.\s+(.+)$/gm)].map((m) =>
    (m[1] ?? "")
      .replace(/\*\*|__|\*|_|`/g, "")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .trim(),
  );
}

/** "10 minutes" → "PT10M", "1 to 2 hours" → "PT2H" (the longer end); undefined when unclear. */
export function isoDuration(text: string): string | undefined {
  const match = /(\d+)\s*(minute|hour)s?\b(?![\s\S]*\d+\s*(?:minute|hour))/i.exec(text);
  if (match === null) return undefined;
  return `PT${match[1] ?? ""}${match[2]?.toLowerCase() === "hour" ? "H" : "M"}`;
}

interface Publisher {
  readonly name: string;
  readonly url: string;
}

export function howToJsonLd(input: {
  title: string;
  summary: string;
  url: string;
  steps: readonly string[];
  timeNeeded: string;
  language: string;
}): Record<string, unknown> {
  const totalTime = isoDuration(input.timeNeeded);
  return {
    "@context": "https://schema.org",
    "@type": "HowTo",
    name: input.title,
    description: input.summary,
    url: input.url,
    inLanguage: input.language,
    ...(totalTime === undefined ? {} : { totalTime }),
    step: input.steps.map((text, i) => ({ "@type": "HowToStep", position: i + 1, text })),
  };
}

export function articleJsonLd(input: {
  title: string;
  summary: string;
  url: string;
  language: string;
  publisher: Publisher;
}): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: input.title,
    description: input.summary,
    url: input.url,
    inLanguage: input.language,
    mainEntityOfPage: input.url,
    author: { "@type": "Organization", name: input.publisher.name, url: input.publisher.url },
    publisher: { "@type": "Organization", name: input.publisher.name, url: input.publisher.url },
  };
}

export function websiteJsonLd(input: {
  name: string;
  url: string;
  description: string;
  language: string;
}): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: input.name,
    url: input.url,
    description: input.description,
    inLanguage: input.language,
  };
}
