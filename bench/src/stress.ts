import { createPipeline } from '@newsprism/core';

/**
 * `node --conditions=source --import tsx bench/src/stress.ts [--layers a,b] [--sizes 250,500,1000]`:
 * runs each layer on growing pathological texts (one huge sentence, one huge paragraph, many
 * quotation marks, many dashes, many cues, long names, many numbers; English and Russian) and
 * prints CPU seconds per size and the growth of the last doubling: ×2 is linear, ×4 quadratic.
 * A layer's figure includes the layers it needs. Writes nothing; reads nothing from ../shared.
 */
const GENERATORS: Record<string, { lang: string; unit: (i: number) => string; sep?: string }> = {
  'one sentence, many cues (ru)': { lang: 'ru', unit: () => '— Да, — сказал он, ' },
  'dash speech and guillemets (ru)': {
    lang: 'ru',
    unit: () => '— Да будет так, — сказал он.\n\nОн написал «нет» и ушёл.\n\n',
  },
  'one sentence, many cues': {
    lang: 'en',
    unit: () => 'he said that the plan, and she said — it failed — but ',
  },
  'according to, many times': {
    lang: 'en',
    unit: () => 'according to officials, he said the plan would fail, ',
  },
  'quoted, many times': { lang: 'en', unit: () => '"Yes," he said, ' },
  'one paragraph': { lang: 'en', unit: (i) => `The minister said on day ${i} that the plan would work. ` },
  'many quotation marks': { lang: 'en', unit: () => '“a” “b ' },
  'many dashes': { lang: 'en', unit: () => 'officials said — ' },
  'many parentheses': { lang: 'en', unit: () => '(he said it would work ' },
  'long name': { lang: 'en', unit: () => 'Smith ', sep: 'said the plan would work.' },
  'many numbers': { lang: 'en', unit: (i) => `${i}.5 percent, ` },
  // One run of digits and hyphens (no space): claims' site-name look-ahead was quadratic on it.
  'digits and hyphens': {
    lang: 'en',
    unit: (i) => `${i === 0 ? 'Budget figures\n\nOfficials said that ' : ''}${'1-'.repeat(50)}`,
  },
  'many paragraphs': { lang: 'en', unit: (i) => `"We will win," Senator Ann Lee ${i} said.\n\n` },
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const layers = (
    arg('--layers') ??
    'paragraphs,sentences,tokens,entities,quotes,claims,subjectivity,naming,sources,syntax,techniques,frames,genre'
  ).split(',');
  const sizes = (arg('--sizes') ?? '250,500,1000').split(',').map(Number);
  const budget = Number(arg('--budget') ?? 20);
  for (const layer of layers) {
    const p = await createPipeline({ layers: [layer] });
    for (const [name, g] of Object.entries(GENERATORS)) {
      const secs: number[] = [];
      let chars = 0;
      // A warm-up run at the smallest size, so the first figure is not the JIT's.
      p.run({ id: 'warm-up', text: g.unit(0).repeat(sizes[0]!) + (g.sep ?? ''), meta: { lang: g.lang } });
      for (const n of sizes) {
        let text = '';
        for (let i = 0; i < n; i++) text += g.unit(i);
        text += g.sep ?? '';
        chars = text.length;
        const t0 = process.cpuUsage();
        p.run({ id: `${name}-${n}`, text, meta: { lang: g.lang } });
        const u = process.cpuUsage(t0);
        secs.push((u.user + u.system) / 1e6);
        if (secs.at(-1)! > budget) break;
      }
      const growth = secs.length >= 2 ? secs.at(-1)! / Math.max(secs.at(-2)!, 1e-3) : Number.NaN;
      const flag = growth > 3 && secs.at(-1)! > 0.2 ? '  QUADRATIC?' : '';
      console.log(
        `${layer.padEnd(12)} ${name.padEnd(30)} ${secs.map((s) => s.toFixed(2)).join(' / ')} s (to ${chars} chars) ×${growth.toFixed(1)}${flag}`,
      );
    }
  }
}

await main();
