/**
 * The scripts every page runs: the search shortcut, the theme button and the header menu. One entry, so Astro
 * inlines them as a single small module instead of two (the 2 KB budget of plain pages).
 */
import "./search-trigger.ts";
import "./theme-toggle.ts";
import "./site-menu.ts";
