/**
 * The header menu is a <details>, so it opens without JavaScript. This keeps it open on wide
 * screens for browsers without ::details-content, and lets Escape or a click elsewhere close it
 * on a phone.
 */
const menu = document.querySelector<HTMLDetailsElement>("[data-site-menu]");
if (menu !== null) {
  const wide = window.matchMedia("(min-width: 60rem)");
  const sync = (): void => {
    menu.open = wide.matches;
  };
  sync();
  wide.addEventListener("change", sync);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (menu.open && !wide.matches && !menu.contains(event.target as Node)) menu.open = false;
  });
}
