// `node -r ./scripts/register-paths.cjs`: the @kunna/* aliases of tsconfig.base.json for code that runs from source
// through ts-node (npm run dev, npm run seed:large, the child API of the kill tests). TypeScript 6 deprecates
// `baseUrl`, and without it tsconfig-paths/register resolves the `paths` that api/tsconfig*.json inherit from
// tsconfig.base.json against api/ instead of the root. So they are read from tsconfig.base.json itself (with
// TypeScript's reader, as tsconfig-paths' own loader would pick TS_NODE_PROJECT instead) and resolved from its folder.
const path = require('node:path');
const ts = require('typescript');
const { register } = require('tsconfig-paths');

const root = path.resolve(__dirname, '..');
const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
register({ baseUrl: root, paths: config.compilerOptions.paths });
