import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { createPipeline, type NewsDocument } from '@newsprism/core';
import { createApp } from '@newsprism/server';
import { chromium } from 'playwright-core';
import type { BenchArticle } from './corpus.js';
import { quantile } from './stats.js';

const WEB = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

/** Result of the web UI benchmark. */
export interface WebBench {
  words: number;
  marks: number;
  renderMedianMs: number;
  renderP95Ms: number;
  initialJsGzipKiB: number;
  lazyJsGzipKiB: number;
}

/** The gzip sizes of the scripts `index.html` loads at once, and of the chunks loaded later. */
function bundleSizes(): { initial: number; lazy: number } {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  let a = 0;
  let b = 0;
  for (const f of readdirSync(join(WEB, 'assets')).filter((x) => x.endsWith('.js'))) {
    const size = gzipSync(readFileSync(join(WEB, 'assets', f))).length;
    if (initial.has(`assets/${f}`)) a += size;
    else b += size;
  }
  return { initial: a, lazy: b };
}

/**
 * `npm run bench -- --only web`: the article view of a ~5,000-word article with every layer,
 * rendered in Chromium from the moment its data arrives (performance marks `np:data` →
 * `np:rendered`), over several runs; and the initial JavaScript the UI loads, gzipped.
 */
export async function benchWeb(articles: readonly BenchArticle[], runs = 7): Promise<WebBench> {
  const en = articles.filter((a) => a.set.startsWith('semeval2023-task3/en'));
  const parts: string[] = [];
  let words = 0;
  for (const a of en) {
    if (words >= 5000) break;
    parts.push(a.text.trim());
    words += a.text.split(/\s+/).length;
  }
  const text = parts.join('\n');
  const pipeline = await createPipeline({});
  const doc: NewsDocument = pipeline.run({ id: 'bench-5000', text });
  const app = createApp({
    analysis: {
      layers: pipeline.layers,
      stored: pipeline.layers,
      analyze: async () => doc,
      close: async () => undefined,
    },
    version: 'bench',
    webRoot: WEB,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const times: number[] = [];
  let marks = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`${url}#/analyze`);
      await page.fill('#article-input', 'x');
      await page.click('button[type=submit]');
      await page.waitForFunction(() => performance.getEntriesByName('np:rendered').length > 0, undefined, {
        timeout: 60_000,
      });
      const ms = await page.evaluate(() => {
        const a = performance.getEntriesByName('np:data')[0]!.startTime;
        const b = performance.getEntriesByName('np:rendered')[0]!.startTime;
        return b - a;
      });
      marks = await page.$$eval('mark[data-layer]', (m) => m.length);
      times.push(ms);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const sizes = bundleSizes();
  return {
    words,
    marks,
    renderMedianMs: Math.round(quantile(times, 0.5)),
    renderP95Ms: Math.round(quantile(times, 0.95)),
    initialJsGzipKiB: Math.round(sizes.initial / 102.4) / 10,
    lazyJsGzipKiB: Math.round(sizes.lazy / 102.4) / 10,
  };
}
