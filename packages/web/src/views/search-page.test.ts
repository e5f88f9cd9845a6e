import { describe, expect, it } from 'vitest';
import { activeFilters, nextPage, submitted } from './search-page.js';

describe('the search page’s filters in force', () => {
  it('lists every filter, dates and the outlet group without a name too, each linking to the search without it', () => {
    const p = new URLSearchParams(
      'q=Bakhmut&outlet=%28outlet+not+known%29&outlet=RIA+Novosti&technique=Loaded_Language&from=2023-05-01&to=2023-05-31&cursor=abc',
    );
    const f = activeFilters(p);
    expect(f.map((x) => `${x.label}: ${x.value}`)).toEqual([
      'Outlet: (outlet not known)',
      'Outlet: RIA Novosti',
      'Technique: Loaded Language',
      'From: 2023-05-01',
      'To: 2023-05-31',
    ]);
    // Removing one outlet keeps the other, the query and the dates; the page cursor goes.
    expect(f[0]!.without).toBe(
      '#/search?q=Bakhmut&outlet=RIA+Novosti&technique=Loaded_Language&from=2023-05-01&to=2023-05-31',
    );
    expect(f[3]!.without).toBe(
      '#/search?q=Bakhmut&outlet=%28outlet+not+known%29&outlet=RIA+Novosti&technique=Loaded_Language&to=2023-05-31',
    );
    expect(activeFilters(new URLSearchParams('q=Bakhmut'))).toEqual([]);
  });

  it('shows `_` as a space in labels (techniques, frames) only, never in outlet or entity names', () => {
    const p = new URLSearchParams(
      'outlet=RIA_Novosti&entity=New_York&technique=Loaded_Language&frame=Capacity_and_resources',
    );
    expect(activeFilters(p).map((x) => `${x.label}: ${x.value}`)).toEqual([
      'Outlet: RIA_Novosti',
      'Frame: Capacity and resources',
      'Technique: Loaded Language',
      'Entity: New_York',
    ]);
  });

  it('keeps repeated parameters on the next page', () => {
    expect(nextPage(new URLSearchParams('outlet=TASS&outlet=RT&q=oil'), 'c2')).toBe(
      '#/search?outlet=TASS&outlet=RT&q=oil&cursor=c2',
    );
  });
});

describe('the search form’s all-names box', () => {
  it('sends all_names when ticked and a literal query when not, filters kept and the cursor dropped', () => {
    const p = new URLSearchParams('q=old&outlet=RT&cursor=c2');
    expect(submitted(p, 'Bakhmut', true)).toBe('#/search?q=Bakhmut&outlet=RT&all_names=true');
    const ticked = new URLSearchParams('q=Bakhmut&all_names=true&lang=ru');
    expect(submitted(ticked, 'Bakhmut', false)).toBe('#/search?q=Bakhmut&lang=ru');
  });
});
