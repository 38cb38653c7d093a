/** The production bundle of the task pane (built once: scripts/web-build.js) and Chromium over it (scripts/taskpane-browser.js). */
import type { Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webBuild = require("../../scripts/web-build.js") as {
  ensureWebBuild(): boolean;
  DIST: string;
  ROOT: string;
};

export const ROOT = webBuild.ROOT;
export const DIST = webBuild.DIST;

/**
 * Builds dist-web with `webpack --mode production` unless it already holds the production build
 * of the current sources (a content hash, not file times; see scripts/web-build.js).
 */
export function ensureBuild(): boolean {
  return webBuild.ensureWebBuild();
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const browser = require("../../scripts/taskpane-browser.js") as {
  serve(dir?: string): Promise<{ url: string; close: () => Promise<void> }>;
  launchTaskpane(options: { executablePath: string; width?: number; height?: number }): Promise<{
    newPane(options?: { width?: number; query?: string }): Promise<Page>;
    consoleErrors: string[];
    close(): Promise<void>;
  }>;
};

/** A tiny static server for dist-web on 127.0.0.1 (random port). */
export const serve = browser.serve;

/** Chromium with the pane: `newPane()` opens taskpane.html over a fresh fake workbook. */
export const launchTaskpane = browser.launchTaskpane;
