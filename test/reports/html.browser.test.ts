// Opens the HTML report in Debian's Chromium, as a person would, and checks what is on screen.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

import { writeReports } from '../../reports/index.ts';
import { SECRET, sampleReport } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * Git-ignored; kept after the run so the screenshot can be looked at. Files are overwritten, never
 * removed, so two concurrent runs of this test only ever write the same bytes over each other.
 */
const RUN_DIR = join(import.meta.dirname, '..', '..', 'reports', 'runs', 'test-html-browser');

/** The little of the DOM the page functions below use; the project's tsconfig has no DOM lib. */
interface PageGlobals {
  DOMParser: new () => {
    parseFromString(
      text: string,
      type: string,
    ): {
      documentElement: { getAttribute(name: string): string | null };
      getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
    };
  };
}

async function openReport(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function expectFailureShown(page: Page): Promise<void> {
  const failure = page.locator('#check-service-provider-SP-FILTER-INVALID-400');
  await failure.waitFor({ state: 'visible' });
  const text = await failure.innerText();
  expect(text).to.contain('expected 400 invalidFilter, got 200 & "all users"');
  expect(text).to.contain('REQUEST');
  expect(text).to.contain('Authorization: Bearer [redacted]');
  expect(text).to.contain('RESPONSE 200');
  expect(text).to.contain('"userName": "<script>window.__pwned = true</script>"');
  expect(await failure.locator('pre.body').last().isVisible()).to.be.true;
}

describe('reports/html in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let url = '';

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}; install it (apt-get install -y chromium), as .ci/run does`,
      );
    }
    await mkdir(RUN_DIR, { recursive: true });
    const paths = await writeReports(sampleReport(), RUN_DIR, ['html', 'junit'], {
      secrets: [SECRET],
    });
    url = pathToFileURL(paths.html).href;
    // playwright gives each launch a fresh temporary user-data-dir of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the verdict, counts and a failure with its request and response', async () => {
    const page = await openReport(browser, url, true);
    expect(await page.locator('#summary .verdict').innerText()).to.equal('FAILED');
    expect(await page.locator('#summary').innerText()).to.contain('2 of 6 checks failed');
    await expectFailureShown(page);
    const body = await page.locator('body').innerText();
    expect(body).not.to.contain(SECRET);
    await page.screenshot({ path: join(RUN_DIR, 'report.png'), fullPage: true });
  });

  it('runs none of the escaped payloads and lets the outcome filters hide rows', async () => {
    const page = await openReport(browser, url, true);
    expect(await page.evaluate(() => '__pwned' in globalThis)).to.be.false;
    const passedRow = page.locator('tr[data-outcome="passed"]');
    expect(await passedRow.isVisible()).to.be.true;
    await page.locator('#filters input[value="passed"]').uncheck();
    expect(await passedRow.isVisible()).to.be.false;
    expect(await page.locator('tr[data-outcome="failed"]').first().isVisible()).to.be.true;
  });

  it('reads the same with JavaScript off, with the filters hidden', async () => {
    const page = await openReport(browser, url, false);
    await expectFailureShown(page);
    expect(await page.locator('#filters').isVisible()).to.be.false;
    expect(await page.locator('tr[data-outcome]').count()).to.equal(6);
  });

  it('writes JUnit XML that the browser XML parser accepts', async () => {
    const xml = await readFile(join(RUN_DIR, 'junit.xml'), 'utf8');
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const { DOMParser } = globalThis as unknown as PageGlobals;
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      return { error, tests: doc.documentElement.getAttribute('tests') };
    }, xml);
    expect(parsed).to.deep.equal({ error: null, tests: '6' });
  });
});
