// Debian's Chromium (headless, through Playwright), and the two profiles every timed figure is
// taken on: a mid-range phone on a slow mobile network, and an unthrottled desktop.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];

/** Generous: a phone-profile load of a large page takes seconds, and the machine is shared. */
export const LOAD_TIMEOUT_MS = 60_000;

export const PROFILES = {
  phone: {
    key: 'phone',
    label: 'phone: 412x823 @1.75x, touch, CPU 4x slower, 150 ms latency, 1.6 Mbps down / 750 Kbps up',
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    cpuRate: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
  desktop: {
    key: 'desktop',
    label: 'desktop: 1280x800 @1x, no throttling',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    cpuRate: null,
    network: null,
  },
};

/** Launches Chromium once for `fn(browser)`; closes it afterwards. */
export async function withBrowser(fn) {
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * A page in a fresh context (empty cache, storage and cookies) under `profile`, with `initScripts`
 * ([fn, arg] pairs) run before any of the page's own scripts; `fn({ context, page, cdp })`, then
 * the context is closed.
 */
export async function withProfilePage(browser, profile, initScripts, fn) {
  const context = await browser.newContext(profile.context);
  try {
    for (const [script, arg] of initScripts) await context.addInitScript(script, arg);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, profile);
    return await fn({ context, page, cdp });
  } finally {
    await context.close();
  }
}

/** Applies the profile's CPU and network throttling to the page behind `cdp`. */
export async function throttle(cdp, profile) {
  if (profile.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
}
