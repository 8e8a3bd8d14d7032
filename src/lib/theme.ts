/**
 * The reader's theme choice: the key it is stored under (the theme button writes it) and the
 * script that applies it before the first paint, so a dark-theme reader never sees a white
 * flash. The script runs inline in <head>, so the CSP must allow it by its hash; keeping its
 * text here, once, means the hash ThemeHead.astro gives Astro is always the hash of what the
 * page carries.
 */

/** "light" or "dark" under this key; no entry means Auto (follow the system). */
export const THEME_KEY = "reconnect-kit:theme";

/** Storage may be blocked (private modes, strict settings): then the system theme applies. */
export const THEME_HEAD_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
