// Shared setup for the browser tests and the report: launches Debian's Chromium through
// playwright-core with a fresh profile, collects console errors, and saves screenshots as
// artefacts in the git-ignored artifacts/ folder at the top of the workspace.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.STACKHEAP_URL || 'http://127.0.0.1:8000/';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'stackheap-chromium-'));
  // playwright passes the fresh profile folder to Chromium as --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

/**
 * A new page that records console errors and uncaught exceptions in `page.errors`; `viewport`
 * ({ width, height }) sizes its window, 1500 × 950 by default.
 */
export async function openPage(browser, path = '', viewport = null) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(new URL(path, BASE).href);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  return page;
}

export async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
