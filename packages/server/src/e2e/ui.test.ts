import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../serve.js';
import { ARTICLES } from '../testing-articles.js';

// End to end, as a person uses it: `newsprism serve` on a temporary store holding our own
// articles, driven in Debian's Chromium. .ci/run installs chromium; elsewhere the suite is
// skipped with a message when it is missing.
const CHROMIUM = '/usr/bin/chromium';
const WEB = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const here = existsSync(CHROMIUM) || process.env.CI === 'true';
const SHOTS = join(process.env.NEWSPRISM_SCREENSHOTS ?? tmpdir(), 'newsprism-screens');
const TOKEN = 'e2e-token';
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let dir: string;
let server: RunningServer;
let browser: Browser;
/** Errors in the browser console of every page the tests open. */
const consoleErrors: string[] = [];

async function axe(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  const r = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; nodes: unknown[] }[];
  };
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length})`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Every highlight's text equals the document text sliced by its offsets. */
async function offsetsLineUp(page: Page, text: string): Promise<number> {
  const marks = await page.$$eval('mark[data-layer]', (els) =>
    els.map((e) => ({
      s: Number((e as HTMLElement).dataset.start),
      e: Number((e as HTMLElement).dataset.end),
      t: e.textContent,
    })),
  );
  for (const m of marks) expect(m.t).toBe(text.slice(m.s, m.e));
  return marks.length;
}

describe.skipIf(!here)(
  'the web UI in Chromium',
  () => {
    beforeAll(async () => {
      if (!existsSync(join(WEB, 'index.html')))
        throw new Error(`the web UI is not built (${WEB}): run npm run build`);
      mkdirSync(SHOTS, { recursive: true });
      // Chromium starts while the server loads its models and analyses the articles.
      const launching = chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      // Closed in afterAll even when the set-up below fails.
      launching.then((b) => (browser = b)).catch(() => {});
      dir = mkdtempSync(join(tmpdir(), 'np-e2e-'));
      server = await startServer({
        host: '127.0.0.1',
        port: 0,
        db: join(dir, 'e2e.db'),
        token: TOKEN,
        jobs: 1,
        timeBudgetMs: 60_000,
        webRoot: WEB,
        version: 'e2e',
      });
      // Stored as a JSONL record carries them: the title as a field, the body as text.
      const body = ARTICLES.map(({ text, ...a }) => {
        const [title, ...rest] = text.split('\n');
        return JSON.stringify({ ...a, title, text: rest.join('\n') });
      }).join('\n');
      const res = await fetch(`${server.url}api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` },
        body,
      });
      expect(res.status).toBe(200);
      browser = await launching;
      console.log(`screenshots: ${SHOTS}`);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(hash: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()} ${m.location().url}`);
      });
      page.on('dialog', () => {
        throw new Error('a dialog opened: article content ran as script');
      });
      await page.goto(`${server.url}${hash}`);
      return page;
    }

    it('analyzes a pasted article and shows its layers; hovering a quote explains it', async () => {
      const page = await open('#/analyze');
      await page.fill('#article-input', ARTICLES[0]!.text);
      await page.click('button[type=submit]');
      await page.waitForSelector('mark[data-layer="quotes"]');
      expect(await offsetsLineUp(page, ARTICLES[0]!.text)).toBeGreaterThan(5);
      // Pasted text is read like a .txt file: its first line is the title (not the id "request").
      expect(await page.textContent('h1')).toBe(ARTICLES[0]!.text.split('\n')[0]);
      // The first anonymous attribution: `…, a senior official who refused to be named told reporters`.
      await page.hover('mark[data-layer="quotes"][data-label="anonymous"]');
      expect(await page.textContent('.inspector')).toContain('Quoted or reported content: anonymous');
      expect(await page.textContent('.inspector')).toContain(
        'The United States will send more shells to Kiev',
      );
      expect(await page.textContent('.inspector')).toContain('speaker: senior official');
      await page.uncheck('.toggle-entities input');
      expect(await page.$$('mark[data-layer="entities"]')).toHaveLength(0);
      await page.check('.toggle-entities input');
      expect(await page.textContent('.sources')).toContain('Pierre Henrot');
      expect(await axe(page)).toEqual([]);
      await shot(page, 'analyze');
      // The corpus kind goes to the server as the genre prior; the result says which it was.
      expect(await page.$('.genre-prior')).toBeNull();
      // The server's own prior (none: it runs without serve --set), from /api/health.
      await page.waitForSelector('#corpus-kind option:text("server default: as trained")', {
        state: 'attached',
      });
      await page.selectOption('#corpus-kind', 'news-wire');
      await page.click('button[type=submit]');
      await page.waitForSelector('.genre-prior');
      expect(await page.textContent('.genre-prior')).toBe(
        'Prior: news wire (reporting 85% · opinion 14% · satire 1%)',
      );
      expect(await axe(page)).toEqual([]);
      await page.close();
    });

    it('opens a stored article; choosing a source highlights its attributions', async () => {
      const page = await open('#/doc/wire-arms');
      await page.waitForSelector('.article-text');
      await page.click('button.source:has-text("Pierre Henrot")');
      expect((await page.$$('mark.active')).length).toBeGreaterThan(0);
      expect(await page.textContent('.panel')).toBeTruthy();
      expect(await axe(page)).toEqual([]);
      await shot(page, 'article');
      await page.close();
    });

    it('shows genre and frames for a long article, and says why a short one has none', async () => {
      const long = await open('#/doc/daily-flood');
      await long.waitForSelector('.article-text');
      const panel = long.locator('section[aria-labelledby="frames-h"]');
      expect(await panel.textContent()).toMatch(/Genre: (reporting|opinion|satire)/);
      expect(await panel.locator('table.scores tr').count()).toBe(6);
      expect(await panel.locator('tr.selected').count()).toBeGreaterThan(0);
      expect(await panel.textContent()).not.toContain('too short');
      expect(await axe(long)).toEqual([]);
      await shot(long, 'article-long');
      await long.close();
      // 59 words: fewer than frames' English minimum (a genre may be given; the notice says what not).
      const short = await open('#/doc/daily-sanctions');
      await short.waitForSelector('.article-text');
      const notice = short.locator('section[aria-labelledby="frames-h"] .too-short');
      expect(await notice.textContent()).toMatch(
        /Frames: not given, the text has \d+ words; the model needs \d+\./,
      );
      expect(await short.locator('section[aria-labelledby="frames-h"] table.scores').count()).toBe(0);
      await shot(short, 'article-short');
      await short.close();
    });

    it('shows hostile text as text, offsets intact', async () => {
      const page = await open('#/doc/hostile-page');
      await page.waitForSelector('.article-text');
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.$$('.article-text img, .article-text script, .article-text a')).toHaveLength(0);
      await offsetsLineUp(page, ARTICLES[2]!.text.slice(ARTICLES[2]!.text.indexOf('\n') + 1));
      await page.close();
    });

    it('searches, narrows by a facet, and links to the articles', async () => {
      const page = await open('#/search?q=sanctions');
      await page.waitForSelector('.hit-title');
      expect(await page.$$eval('.hit-title', (a) => a.map((x) => x.textContent))).toEqual([
        'Sanctions hit Russian oil exports',
      ]);
      expect(await page.getAttribute('input[type=search]', 'name')).toBe('q');
      await page.evaluate(() => {
        location.hash = '#/search';
      });
      await page.waitForSelector('.facet a');
      await shot(page, 'search-all');
      await page.click('.facet[aria-label="Outlet"] a:has-text("Example Wire")');
      await page.waitForFunction(() => location.hash.includes('outlet=Example'));
      // The narrowed answer, not the hits of the search before it.
      await page.waitForFunction(() => document.querySelectorAll('.hit-title').length === 1);
      expect(await page.$$eval('.hit-title', (a) => a.map((x) => x.textContent))).toEqual([
        'Kiev asks for more arms as Artyomovsk battle drags on',
      ]);
      expect(await axe(page)).toEqual([]);
      await shot(page, 'search');
      await page.close();
    });

    it('compares outlets month by month', async () => {
      const page = await open('#/outlets?outlet=Example%20Wire&outlet=Example%20Daily');
      // The five small multiples draw once the plotting chunk has loaded.
      await page.waitForFunction(() => {
        const figures = [...document.querySelectorAll('.plot')];
        return figures.length === 5 && figures.every((f) => f.querySelector('svg'));
      });
      expect((await page.$$('.plot svg')).length).toBeGreaterThanOrEqual(3);
      expect(await page.$$eval('.plot svg a', (a) => a.length)).toBeGreaterThan(0);
      // Every point is drawn inside its plot (a wrong scale domain puts them off the figure).
      const outside = await page.$$eval('.plot svg', (svgs) =>
        svgs.flatMap((svg) => {
          const h = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('circle')]
            .map((c) => c.getBoundingClientRect())
            .filter((r) => r.top < h.top || r.bottom > h.bottom)
            .map((r) => r.top);
        }),
      );
      expect(outside).toEqual([]);
      // One legend for the five panels: an outlet has one colour on all of them.
      expect(await page.textContent('.plot-legend')).toContain('Example Wire');
      expect(await page.$$eval('.plot .legend, .plot [class$="-swatches"]', (l) => l.length)).toBe(0);
      // The war's terms by outlet: the own voice's share, its forms, quoted and distanced apart.
      const terms = await page.$$eval('.outlet-table tbody tr', (trs) =>
        trs.map((tr) => tr.querySelector('td:last-child')?.textContent ?? ''),
      );
      expect(terms.some((t) => /Russian-standard \d+%/.test(t) && /quoted: ru \d+/.test(t))).toBe(true);
      expect(await axe(page)).toEqual([]);
      await shot(page, 'outlets');
      await page.close();
    });

    it('logs no error in the browser console on any page (no /favicon.ico 404 either)', async () => {
      for (const hash of ['#/search', '#/stories', '#/republication', '#/nowhere']) {
        const page = await open(hash);
        await page.waitForLoadState('networkidle');
        await page.close();
      }
      expect(consoleErrors).toEqual([]);
    });
  },
  180_000,
);
