// Given by the bundler when the widget is bundled (src/build/widget-integration.ts): replaced by its
// `define`, or (rkCss) declared at the end of widget.js.
// Only the element modules read them; the pure modules take these values as arguments.

/** package.json version, e.g. "0.1.0". */
declare const __RK_VERSION__: string;
/** site.config.ts name, for links back to the site. */
declare const __RK_NAME__: string;
/**
 * The widget's stylesheet, with site.config.ts's accents (src/lib/api/widget-css.ts): a function
 * the bundler declares at the very end of widget.js (see widget-integration.ts).
 */
declare function rkCss(): string;
