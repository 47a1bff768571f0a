// Browser test files run in the order of their names, on every machine and every run. They share one server and
// database, and the privacy gate remembers what it released: a figure read before another file adds an answer may
// rightly be withheld when it is read again. Jest's default order (slowest and last failed first, from its cache)
// would change which files run before which from run to run.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads a sequencer as CommonJS
const Sequencer = require('@jest/test-sequencer').default;

class ByName extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = ByName;
