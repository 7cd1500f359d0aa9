// @ts-check
// Which modules a process may import, judged on where each import lands in the tree (not on how its
// path is spelled), so `../../main/outbox/outbox` from a renderer file is caught like `node:fs` is.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const nodeBuiltins = new Set(builtinModules);

/** `main/probes/*\/*` style: `*` is part of one path segment, a trailing `/` takes the whole folder. */
const globToRegExp = (glob) => {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(glob.endsWith('/') ? `^${body}` : `^${body}$`);
};

const isNodeBuiltin = (source) => source.startsWith('node:') || nodeBuiltins.has(source.split('/')[0] ?? '');
const packageOf = (source) =>
  source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : (source.split('/')[0] ?? source);

/** @type {import('eslint').Rule.RuleModule} */
export const processBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'A process imports only the folders, files and packages its zone names.' },
    schema: [
      {
        type: 'object',
        properties: {
          process: { type: 'string' },
          modules: { type: 'array', items: { type: 'string' } },
          packages: { oneOf: [{ enum: ['any', 'no-node'] }, { type: 'array', items: { type: 'string' } }] },
        },
        required: ['process', 'modules', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      module: "{{process}} may import only {{modules}}; '{{source}}' is {{target}}.",
      node: "{{process}} runs without Node or Electron: '{{source}}' is not there.",
      package: "{{process}} may import only the packages {{packages}}; '{{source}}' is not one of them.",
    },
  },
  create(context) {
    const { process: owner, modules, packages } = context.options[0];
    const allowed = modules.filter((m) => !m.startsWith('!')).map(globToRegExp);
    const denied = modules.filter((m) => m.startsWith('!')).map((m) => globToRegExp(m.slice(1)));
    const fileDir = dirname(context.filename);

    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (source.startsWith('.')) {
        const target = relative(root, resolve(fileDir, source))
          .split(sep)
          .join('/')
          .replace(/\.(m?[jt]sx?)$/, '');
        const inside = allowed.some((re) => re.test(target)) && !denied.some((re) => re.test(target));
        if (!inside) {
          context.report({
            node,
            messageId: 'module',
            data: { process: owner, modules: modules.join(', '), source, target },
          });
        }
        return;
      }
      if (packages === 'any') return;
      if (isNodeBuiltin(source) || source === 'electron') {
        context.report({ node, messageId: 'node', data: { process: owner, source } });
        return;
      }
      if (Array.isArray(packages) && !packages.includes(packageOf(source))) {
        context.report({
          node,
          messageId: 'package',
          data: { process: owner, source, packages: packages.join(', ') },
        });
      }
    };

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
