import type { JSX } from 'preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { href, parseRoute, type Route } from './route.js';
import './style.css';
import { AnalyzePage } from './views/analyze-page.js';
import { DocumentPage } from './views/document-page.js';
import { OutletsPage } from './views/outlets-page.js';
import { RepublicationPage } from './views/republication-page.js';
import { SearchPage } from './views/search-page.js';
import { StoriesPage } from './views/stories-page.js';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

function Header(props: { route: Route }): JSX.Element {
  const link = (page: Route['page'], label: string) => (
    <a href={href(page)} aria-current={props.route.page === page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <header class="top">
      <a class="brand" href="#/analyze">
        newsprism
      </a>
      <nav aria-label="Pages">
        {link('analyze', 'Analyze')}
        {link('search', 'Search')}
        {link('outlets', 'Outlets')}
        {link('stories', 'Stories')}
        {link('republication', 'Republication')}
      </nav>
      {props.route.page !== 'search' && (
        // biome-ignore lint/a11y/useSemanticElements: the search landmark on the form itself; preact's JSX types lack <search>
        <form
          role="search"
          class="top-search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = (e.currentTarget.elements.namedItem('q') as HTMLInputElement).value;
            location.hash = href('search', { q });
          }}
        >
          <label for="top-q" class="visually-hidden">
            Search the corpus
          </label>
          <input id="top-q" name="q" type="search" placeholder="Search the corpus" />
        </form>
      )}
    </header>
  );
}

function App(): JSX.Element {
  const route = useRoute();
  return (
    <>
      <Header route={route} />
      <main id="main">
        {route.page === 'analyze' && <AnalyzePage />}
        {route.page === 'doc' && <DocumentPage id={route.id!} />}
        {route.page === 'search' && <SearchPage params={route.params} />}
        {route.page === 'outlets' && <OutletsPage params={route.params} />}
        {route.page === 'stories' && <StoriesPage params={route.params} />}
        {route.page === 'republication' && <RepublicationPage params={route.params} />}
        {route.page === 'missing' && <p class="error">No such page.</p>}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
