/**
 * The header menu is a <details>, so it opens without JavaScript, and wide screens show its
 * content in the row with CSS alone (::details-content). This only lets Escape or a tap
 * elsewhere close it while it is a phone's drop-down.
 */
const menu = document.querySelector<HTMLDetailsElement>("[data-site-menu]");
const summary = menu?.querySelector("summary");
const closeMenu = (event: Event): void => {
  if (!menu?.open || !summary?.checkVisibility()) return;
  const escape = event instanceof KeyboardEvent && event.key === "Escape";
  if (escape || (event.type === "click" && !menu.contains(event.target as Node))) {
    menu.open = false;
    if (escape) summary.focus();
  }
};
document.addEventListener("keydown", closeMenu);
document.addEventListener("click", closeMenu);
export {};
