import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { loadGazetteer } from './gazetteer.js';

const dir = mkdtempSync(join(tmpdir(), 'newsprism-gaz-'));
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};

const extra = file('extra.json', {
  format: 'newsprism-gazetteer/1',
  provenances: { 'local-press': { pole: 'neutral' } },
  entries: [
    { id: 'kyiv', type: 'LOC', name: 'Kyiv', en: ['Kyiw'], variants: { Kyiw: 'local-press' } },
    { id: 'azovstal', type: 'LOC', kind: 'facility', name: 'Azovstal', en: ['Azovstal'], ru: ['Азовсталь'] },
  ],
});

describe('gazetteer', () => {
  it('ships the names of the issue: one id for each spelling', () => {
    const g = loadGazetteer();
    const cases: [string, string][] = [
      ['Kyiv', 'kyiv'],
      ['Kiev', 'kyiv'],
      ['Artemivsk', 'bakhmut'],
      ['Zelenskiy', 'volodymyr-zelensky'],
      ['TASS', 'tass'],
      ['OSCE', 'osce'],
      ['Donbass', 'donbas'],
    ];
    for (const [form, id] of cases) expect(g.byKeys.get(form)?.entry.id, form).toBe(id);
  });

  it.each([
    ['en', 'Shelling resumed in Kyiw and at Azovstal.', 'Kyiw', 'kyiv'],
    ['en', 'Shelling resumed in Kyiw and at Azovstal.', 'Azovstal', 'azovstal'],
    ['ru', 'Бои у завода Азовсталь продолжились.', 'Азовсталь', 'azovstal'],
  ])('a user file adds names and entries (%s: %s)', async (lang, text, surface, id) => {
    const p = await createPipeline({
      layers: ['naming'],
      options: { entities: { gazetteers: [extra] }, naming: { gazetteers: [extra] } },
    });
    const doc = p.run({ id: 't', text, meta: { lang } });
    const at = text.indexOf(surface);
    const e = doc.entities!.find((x) =>
      x.mentions.some((m) => m.start === at && m.end === at + surface.length),
    );
    expect(text.slice(at, at + surface.length)).toBe(surface);
    expect(e?.gazetteer).toBe(id);
  });

  it.each([
    ['Власти Нидерландов согласились.', 'Нидерландов', 'netherlands'],
    ['Посол Соединенных Штатов уехал.', 'Соединенных Штатов', 'united-states'],
  ])('a Russian place named in the plural is found in its genitive in -ов: %s', async (text, surface, id) => {
    const p = await createPipeline({ layers: ['entities'] });
    const doc = p.run({ id: 't', text, meta: { lang: 'ru' } });
    const at = text.indexOf(surface);
    const e = doc.entities!.find((x) =>
      x.mentions.some((m) => m.start === at && m.end === at + surface.length),
    );
    expect(e?.gazetteer).toBe(id);
  });

  it('counts a user variant with its provenance', async () => {
    const p = await createPipeline({
      layers: ['naming'],
      options: { entities: { gazetteers: [extra] }, naming: { gazetteers: [extra] } },
    });
    const layer = p.run({ id: 't', text: 'Officials in Kyiw said so.', meta: { lang: 'en' } }).naming!;
    expect(layer.entities[0]?.variants[0]).toMatchObject({
      form: 'Kyiw',
      provenance: 'local-press',
      pole: 'neutral',
      count: 1,
    });
  });

  it.each([
    ['not JSON', file('bad.json', '{ nope')],
    ['no format tag', file('untagged.json', { entries: [] })],
    [
      'entry without type',
      file('typeless.json', { format: 'newsprism-gazetteer/1', entries: [{ id: 'x', name: 'X' }] }),
    ],
    ['missing file', join(dir, 'absent.json')],
  ])('rejects a bad file (%s) with E_GAZETTEER', (_name, path) => {
    expect(() => loadGazetteer([path])).toThrow(expect.objectContaining({ code: 'E_GAZETTEER' }));
  });
});
