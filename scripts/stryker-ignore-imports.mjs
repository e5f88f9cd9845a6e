// A Stryker ignorer (stryker.config.mjs `ignorers`): leaves the specifier of a dynamic `import()`
// alone. Stryker's StringLiteral mutator skips static imports and `require()` but not `import()`;
// instrumented, the specifier becomes an expression Vite does not load relative to the importing
// file, and the initial test run crashes with `ERR_LOAD_URL … Failed to load url
// .stryker-tmp/sandbox-…` (packages/cli/src/formats/index.ts loads each format this way). An
// emptied specifier would only fail to load anyway.
// The plugin object `declareValuePlugin(PluginKind.Ignore, …)` of @stryker-mutator/api makes, written
// out: that package is only a dependency of Stryker's, not of this repository.

export const strykerPlugins = [
  {
    kind: 'Ignore',
    name: 'dynamic-import',
    value: {
      shouldIgnore(path) {
        const parent = path.parentPath;
        if (!parent) return undefined;
        const dynamic =
          parent.node.type === 'ImportExpression' ||
          (parent.node.type === 'CallExpression' && parent.node.callee.type === 'Import');
        return dynamic ? 'the module specifier of a dynamic import()' : undefined;
      },
    },
  },
];
