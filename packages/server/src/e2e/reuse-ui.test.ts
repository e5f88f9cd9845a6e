import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '@newsprism/core';
import { findReuse, StoryIndex } from '@newsprism/core/corpus';
import { openStore } from '@newsprism/store';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../serve.js';

// The article view's copies and sources, and the stories page, in Debian's Chromium over a
// store where `newsprism reuse|stories --save` left their results (written here through the
// same library calls). Skipped with a message where Chromium is missing, as ui.test.ts.
const CHROMIUM = '/usr/bin/chromium';
/** Screenshots to look at after the run (scripts/vitest-tmp.ts). */
const SHOTS = process.env.NEWSPRISM_SCREENSHOTS ?? tmpdir();
const WEB = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const here = existsSync(CHROMIUM) || process.env.CI === 'true';

const STORY = [
  'The ferry operator said on Friday that winter sailings to the island would resume next week, after repairs to the loading ramp took longer than planned.',
  'Passengers have relied on a replacement bus and a smaller boat since November, a detour of almost an hour, and local firms say trade has suffered badly.',
  'The operator said 14 crossings a day would run from Monday and that tickets bought for cancelled sailings would be refunded in full.',
];
const INPUTS = [
  {
    id: 'wire',
    text: STORY.join('\n'),
    meta: { title: 'Ferry sailings to resume', outlet: 'Island Post', published: '2024-01-12T08:00:00Z' },
  },
  {
    id: 'daily',
    text: `PORTREE (Coast Times / Island Post) ${STORY.join('\n')}`,
    meta: { title: 'Ferry back next week', outlet: 'Coast Times', published: '2024-01-12T11:00:00Z' },
  },
  {
    id: 'tram',
    text: 'The city council voted on Monday to fund a new tram line linking the northern suburbs with the central railway station, ending a debate that lasted more than a year.',
    meta: { title: 'Council approves tram budget', outlet: 'City News' },
  },
];

let dir: string;
let server: RunningServer;
let browser: Browser;

describe.skipIf(!here)(
  'copies, sources and stories in the web UI',
  () => {
    beforeAll(async () => {
      if (!existsSync(join(WEB, 'index.html')))
        throw new Error(`the web UI is not built (${WEB}): run npm run build`);
      // Chromium starts while the store is filled and the server starts (its own processes).
      const launching = chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      // Closed in afterAll even when the set-up below fails.
      launching.then((b) => (browser = b)).catch(() => {});
      dir = mkdtempSync(join(tmpdir(), 'np-e2e-reuse-'));
      const db = join(dir, 'e2e.db');
      const pipeline = await createPipeline({
        layers: ['paragraphs', 'sentences', 'naming', 'quotes', 'sources', 'techniques'],
      });
      const docs = INPUTS.map((i) => pipeline.run(i));
      const store = await openStore(db);
      await store.ingest(docs);
      await store.saveReuse(findReuse(docs));
      const stories = new StoryIndex();
      for (const d of docs) stories.add(d);
      await store.saveStories(stories.stories());
      await store.close();
      server = await startServer({
        host: '127.0.0.1',
        port: 0,
        db,
        jobs: 1,
        // These pages read what the store holds; nothing is analysed through the server, so its
        // worker loads no model (the stored documents keep every layer above).
        layers: ['paragraphs'],
        timeBudgetMs: 60_000,
        webRoot: WEB,
        version: 'e2e',
      });
      browser = await launching;
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(hash: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}${hash}`);
      return page;
    }

    it.each([
      ['daily', 'copy', 'source', 'copy of', 'wire', 'Ferry sailings to resume'],
      ['wire', 'copy', 'copy', 'copied by', 'daily', 'Ferry back next week'],
    ])(
      "%s's article view lists the %s pair: the other is its %s (“%s”), linked",
      async (id, kind, role, label, other, title) => {
        const page = await open(`#/doc/${id}`);
        const item = page.locator(`.reuse-pair[data-other="${other}"]`);
        await item.waitFor();
        expect(await item.getAttribute('data-kind')).toBe(kind);
        expect(await item.getAttribute('data-role')).toBe(role);
        expect(await item.textContent()).toContain(`${label} ${title}`);
        // Opened, the passages sit side by side: this article's span and the other's, the same words.
        await item.locator('summary').click();
        const cells = item.locator('.passages tbody tr').first().locator('td');
        await expect.poll(async () => (await cells.nth(1).textContent()) !== '…').toBe(true);
        const [mine, theirs] = [await cells.nth(0).textContent(), await cells.nth(1).textContent()];
        expect(mine).toContain('The ferry operator said on Friday');
        expect(theirs).toBe(mine);
        await item.locator(`a:has-text("${title}")`).click();
        await page.waitForSelector(`.reuse-pair[data-other="${id}"]`);
        expect(page.url()).toContain(`#/doc/${other}`);
        await page.screenshot({ path: join(SHOTS, `newsprism-reuse-${id}.png`), fullPage: true });
        await page.close();
      },
    );

    it('says so when an article has no saved pairs', async () => {
      const page = await open('#/doc/tram');
      await page.waitForSelector('.reuse-panel .empty');
      expect(await page.textContent('.reuse-panel')).toContain('No saved reuse pairs');
      await page.close();
    });

    it('shows the stories, largest first, with members, who was first and the comparison', async () => {
      const page = await open('#/stories');
      await page.waitForSelector('.story');
      const stories = page.locator('.story');
      expect(await stories.count()).toBe(2);
      const first = stories.first();
      expect(
        await first.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-member'))),
      ).toEqual(['wire', 'daily']);
      expect(await first.locator('tr[data-member="wire"]').textContent()).toContain('first');
      expect(await first.locator('tr[data-member="daily"]').textContent()).toContain('Coast Times');
      await page.screenshot({ path: join(SHOTS, 'newsprism-stories.png'), fullPage: true });
      await page.click('nav a:has-text("Stories")');
      await page.goto(`${server.url}#/stories?id=tram`);
      await expect.poll(async () => page.locator('.story').count()).toBe(1);
      expect(await page.locator('.story tbody tr').getAttribute('data-member')).toBe('tram');
      await page.close();
    });

    it('shows who republishes whom by outlet, filtered by kind', async () => {
      const page = await open('#/stories');
      await page.click('nav a:has-text("Republication")');
      const row = page.locator('table.republication tbody tr');
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect([
        await row.getAttribute('data-source'),
        await row.getAttribute('data-reuser'),
        await row.getAttribute('data-kind'),
      ]).toEqual(['Island Post', 'Coast Times', 'copy']);
      expect(await row.textContent()).toContain('→');
      expect(await page.locator('tr[data-outlet="Island Post"]').textContent()).toMatch(
        /Island Post\s*1\s*0/,
      );
      await page.screenshot({ path: join(SHOTS, 'newsprism-republication.png'), fullPage: true });
      await page.selectOption('#rep-kind', 'translation');
      await page.waitForSelector('.republication-page .empty');
      expect(page.url()).toContain('#/republication?kind=translation');
      await row.first().waitFor({ state: 'detached' });
      await page.close();
    });
  },
  180_000,
);
