/**
 * The theme button: Auto, Light, Dark, in turn. The choice is stored on this device (under the key
 * the script in src/lib/theme.ts reads before paint) and follows across open tabs.
 */
import { THEME_KEY } from "../lib/theme.ts";

const THEMES = ["auto", "light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const LABELS: Readonly<Record<Theme, string>> = { auto: "Auto", light: "Light", dark: "Dark" };

const toggle = document.querySelector<HTMLButtonElement>("[data-theme-toggle]");

function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === "light" || value === "dark" ? value : "auto";
  } catch {
    return "auto";
  }
}

function applyTheme(theme: Theme): void {
  if (theme === "auto") delete document.documentElement.dataset["theme"];
  else document.documentElement.dataset["theme"] = theme;
  if (toggle !== null) toggle.textContent = `Theme: ${LABELS[theme]}`;
}

if (toggle !== null) {
  let current = storedTheme();
  applyTheme(current);
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    current = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length] ?? "auto";
    try {
      if (current === "auto") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, current);
    } catch {
      // Storage is blocked: the choice still applies to this page.
    }
    applyTheme(current);
  });
  window.addEventListener("storage", (event) => {
    if (event.key === THEME_KEY || event.key === null) {
      current = storedTheme();
      applyTheme(current);
    }
  });
}
