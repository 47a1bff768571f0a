#!/usr/bin/env node
// The registry mirror used to build this project serves only linux-x64 builds of platform-specific optional
// packages (rollup, unrs-resolver, msgpackr-extract …), so `npm install` here leaves the other platforms out of
// package-lock.json and `npm ci` then refuses the lock file as out of sync. This script adds the missing
// entries with the os/cpu/libc that their names encode, so that `npm ci` accepts the lock file and skips them
// on platforms they do not fit. Run it after any `npm install` that changed the lock file.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OSES = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix', 'netbsd'];
const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'mips64el'];

function platformOf(name) {
  const base = name.split('/').pop();
  const tokens = base.split('-');
  const osIndex = tokens.findIndex((token) => OSES.includes(token));
  if (osIndex < 0) return undefined;
  const cpu = tokens.slice(osIndex + 1).find((token) => CPUS.includes(token));
  if (!cpu) return undefined;
  const os = tokens[osIndex];
  const rest = tokens.slice(osIndex + 1).join('-');
  const libc = os === 'linux' ? (rest.includes('musl') ? 'musl' : rest.includes('gnu') ? 'glibc' : undefined) : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dependency, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const location = `${path ? `${path}/` : ''}node_modules/${dependency}`;
    const hoisted = `node_modules/${dependency}`;
    if (packages[location] || packages[hoisted]) continue;
    const platform = platformOf(dependency);
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skipped ${dependency}@${spec} (needed by ${path || 'the root'}): not a pinned platform binary`);
      continue;
    }
    packages[hoisted] = {
      version: spec,
      ...(platform.cpu ? { cpu: [platform.cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
      ...(entry.peer ? { peer: true } : {}),
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
