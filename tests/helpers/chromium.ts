/**
 * How this project starts Debian's Chromium: headless, and with every background service off,
 * because the machines it runs on reach no network but the package registries. Shared by the
 * browser tests, the Lighthouse gate and the benchmark.
 */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
