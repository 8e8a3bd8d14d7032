import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/content/**/*.test.ts", "tests/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 20_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // One Chromium and one built site are shared by every file; run files in one worker.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
