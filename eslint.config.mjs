// Lint holds the architecture's import boundaries (STYLE.md): app → server → db, runtime apart,
// protocol/ shared by runtime and server and importing neither, client components importing only
// types and pure schemas from server/, and runtime code never importing test helpers.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const to = (dir, why) => ({
  group: [`**/${dir}`, `**/${dir}/**`, `${dir}/**`],
  message: why,
});

/**
 * A "use client" file ships to the browser: from server/ it may import types, and values only from
 * pure, zod-or-data modules (`schemas`, `defaults`), never a service, the database or node APIs.
 */
const clientImports = {
  meta: { type: 'problem', schema: [], messages: { value: 'A client component imports only types and pure schemas/defaults from server/ ({{source}}).' } },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    if (!(first?.type === 'ExpressionStatement' && first.directive === 'use client')) return {};
    return {
      ImportDeclaration(node) {
        const source = String(node.source.value);
        if (!/(^|\/)server\//.test(source)) return;
        if (node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))) return;
        if (/\/(schemas|defaults)(\.ts)?$/.test(source)) return;
        context.report({ node, messageId: 'value', data: { source } });
      },
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**'],
    plugins: { slipway: { rules: { 'client-imports': clientImports } } },
    rules: {
      'slipway/client-imports': 'error',
      ...restrict([
        to('db', 'app/ reaches the database only through server/.'),
        to('runtime', 'app/ never imports the runtime.'),
        { group: ['onnxruntime-node'], message: 'Only runtime/ imports onnxruntime-node.' },
      ]),
    },
  },
  {
    files: ['server/**'],
    rules: restrict([
      to('app', 'server/ never imports app/.'),
      to('runtime', 'server/ talks to runtimes over HTTP and spawns them; it never imports runtime/ code.'),
      { group: ['next', 'next/*'], message: 'server/ never imports next (server/web/next-server.ts is the one exception).' },
      { group: ['onnxruntime-node'], message: 'Only runtime/ imports onnxruntime-node.' },
    ]),
  },
  {
    // The custom server is how the composition root serves the app: the one server/ file that
    // imports `next` (the package itself, not next/*), so route handlers share our Services.
    files: ['server/web/next-server.ts'],
    rules: restrict([
      to('app', 'server/ never imports app/.'),
      to('runtime', 'server/ talks to runtimes over HTTP and spawns them; it never imports runtime/ code.'),
      { group: ['onnxruntime-node'], message: 'Only runtime/ imports onnxruntime-node.' },
    ]),
  },
  {
    files: ['db/**'],
    rules: restrict([
      to('app', 'db/ is the bottom layer.'),
      to('server', 'db/ is the bottom layer.'),
      to('runtime', 'db/ is the bottom layer.'),
      { group: ['next', 'next/*', 'onnxruntime-node'], message: 'db/ is the bottom layer.' },
    ]),
  },
  {
    files: ['runtime/**'],
    rules: restrict([
      to('app', 'runtime/ stands apart: it shares only protocol/.'),
      to('server', 'runtime/ stands apart: it shares only protocol/.'),
      to('db', 'runtime/ stands apart: it shares only protocol/.'),
      { group: ['next', 'next/*'], message: 'runtime/ stands apart.' },
    ]),
  },
  {
    // The runtime ships without the test helpers; only its tests may use them.
    files: ['runtime/**'],
    ignores: ['runtime/**/*.test.ts'],
    rules: restrict([
      to('app', 'runtime/ stands apart: it shares only protocol/.'),
      to('server', 'runtime/ stands apart: it shares only protocol/.'),
      to('db', 'runtime/ stands apart: it shares only protocol/.'),
      to('testing', 'runtime/ code never imports test helpers (testing/); only its tests do.'),
      { group: ['next', 'next/*'], message: 'runtime/ stands apart.' },
    ]),
  },
  {
    files: ['protocol/**'],
    rules: restrict([
      to('app', 'protocol/ is shared by runtime/ and server/ and imports neither.'),
      to('server', 'protocol/ is shared by runtime/ and server/ and imports neither.'),
      to('db', 'protocol/ is shared by runtime/ and server/ and imports neither.'),
      to('runtime', 'protocol/ is shared by runtime/ and server/ and imports neither.'),
      { group: ['next', 'next/*', 'onnxruntime-node'], message: 'protocol/ stays dependency-light.' },
    ]),
  },
];
export default config;
