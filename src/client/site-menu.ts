/**
 * The header menu is a <details>, so it opens and closes without JavaScript, and wide screens
 * show its content in the row with CSS alone (::details-content). This only lets Escape close it
 * while it is a phone's drop-down, and gives focus back to its button.
 */
const menu = document.querySelector<HTMLDetailsElement>("[data-site-menu]");
document.addEventListener("keydown", (event) => {
  const summary = menu?.querySelector("summary");
  if (event.key === "Escape" && menu?.open === true && summary?.checkVisibility() === true) {
    menu.open = false;
    summary.focus();
  }
});
export {};
