// Replaced by the bundler's `define` when the widget is bundled (src/build/widget-integration.ts).
// Only the element modules read them; the pure modules take these values as arguments.

/** package.json version, e.g. "0.1.0". */
declare const __RK_VERSION__: string;
/** site.config.ts name, for links back to the site. */
declare const __RK_NAME__: string;
/** site.config.ts colors.accent and colors.accentDark: the widget's default accents. */
declare const __RK_ACCENT__: string;
declare const __RK_ACCENT_DARK__: string;
