// The readable page of the OpenAPI document (docs-page.ts), on a document written out here:
// what each operation shows, what it leaves out when absent, and escaping of everything taken
// from the document.
import { describe, expect, it } from 'vitest';
import { docsPage } from './docs-page.js';

const page = (paths: Parameters<typeof docsPage>[0]['paths'], info = { title: 'T', version: '1' }) =>
  docsPage({ info, paths });

/** The page's sections, one an operation, without the shared head. */
const sections = (html: string) => html.match(/<section>[\s\S]*?<\/section>/g) ?? [];

describe('the API docs page', () => {
  it('shows an operation: method and path, summary, description, parameters, body, responses, token', () => {
    const html = page({
      '/api/things/{id}': {
        post: {
          summary: 'Stores a thing',
          description: 'Replaces a thing of the same id.',
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'the thing' },
            { name: 'dry', in: 'query' },
          ],
          requestBody: {
            description: 'one thing',
            content: { 'application/json': {}, 'text/plain': {} },
          },
          responses: { 200: { description: 'Stored' }, 401: { description: 'No token' } },
          security: [{ bearer: [] }],
        },
      },
    });
    expect(sections(html)).toEqual([
      `<section><h2><code>POST /api/things/{id}</code> <small>(token)</small></h2>
<p>Stores a thing</p><p>Replaces a thing of the same id.</p>
<h3>Parameters</h3><ul><li><code>id</code> (path, required) — the thing</li><li><code>dry</code> (query)</li></ul><p>Body: <code>application/json</code>, <code>text/plain</code> — one thing</p><h3>Responses</h3><ul><li><code>200</code> Stored</li><li><code>401</code> No token</li></ul></section>`,
    ]);
  });

  it('leaves out what an operation does not have', () => {
    const html = page({
      '/a': { get: { summary: 'Reads a' }, delete: { summary: 'Deletes a', security: [], requestBody: {} } },
      '/b': { put: { summary: 'Puts b', requestBody: { content: { 'text/html': {} } }, responses: {} } },
      '/c': { get: { responses: { 204: {} } } },
    });
    expect(sections(html)).toEqual([
      '<section><h2><code>GET /a</code></h2>\n<p>Reads a</p>\n<h3>Responses</h3><ul></ul></section>',
      '<section><h2><code>DELETE /a</code></h2>\n<p>Deletes a</p>\n<h3>Responses</h3><ul></ul></section>',
      '<section><h2><code>PUT /b</code></h2>\n<p>Puts b</p>\n<p>Body: <code>text/html</code></p><h3>Responses</h3><ul></ul></section>',
      '<section><h2><code>GET /c</code></h2>\n<p></p>\n<h3>Responses</h3><ul><li><code>204</code> </li></ul></section>',
    ]);
    // One operation a line.
    expect(html).toContain('</section>\n<section>');
  });

  it('escapes everything taken from the document', () => {
    const evil = `<script>alert("x" & 'y')</script>`;
    const html = page(
      {
        [`/p/${evil}`]: {
          get: {
            summary: evil,
            description: evil,
            parameters: [{ name: evil, in: evil, description: evil }],
            requestBody: { content: { [evil]: {} }, description: evil },
            responses: { [evil]: { description: evil } },
          },
        },
      },
      { title: evil, version: evil },
    );
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/alert\("/);
    const escaped = '&#60;script&#62;alert(&#34;x&#34; &#38; &#39;y&#39;)&#60;/script&#62;';
    // Title (twice), version, path, summary, description, parameter name, place and
    // description, body type and description, response code and description.
    expect(html.split(escaped).length - 1).toBe(13);
  });

  it('starts with the title and version, and links the machine-readable document', () => {
    const html = page({}, { title: 'newsprism API', version: '2.0.0' });
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>newsprism API — API</title>');
    expect(html).toContain('<h1>newsprism API <small>2.0.0</small></h1>');
    expect(html).toContain('<a href="openapi.json">/api/openapi.json</a>');
    expect(html.trimEnd().endsWith('</body></html>')).toBe(true);
  });
});
