/** HTML-escapes text for the docs page. */
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, unknown>; description?: string };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

/**
 * A readable page of the OpenAPI document: every path and method with its summary, parameters,
 * body types and responses. Plain HTML, no script (the CSP forbids inline script, and the page
 * must work offline), generated from the same document as `/api/openapi.json`.
 */
export function docsPage(doc: {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})${p.description ? ` — ${esc(p.description)}` : ''}</li>`,
        )
        .join('');
      const body = op.requestBody?.content
        ? `<p>Body: ${Object.keys(op.requestBody.content)
            .map((t) => `<code>${esc(t)}</code>`)
            .join(', ')}${op.requestBody.description ? ` — ${esc(op.requestBody.description)}` : ''}</p>`
        : '';
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      return `<section><h2><code>${esc(method.toUpperCase())} ${esc(path)}</code>${op.security?.length ? ' <small>(token)</small>' : ''}</h2>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}${body}<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} — API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section{border-top:1px solid #ddd;padding:.5rem 0}code{background:#f3f3f3;padding:0 .2em}</style></head>
<body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>The machine-readable document: <a href="openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> with a stable <code>code</code>. Write endpoints need <code>Authorization: Bearer &lt;NEWSPRISM_TOKEN&gt;</code>.</p>
${ops.join('\n')}</body></html>`;
}
