/**
 * Lists every message in api/src with its catalogue code, or MISSING: `node scripts/api-messages.mts [--missing]`.
 * A missing message needs an entry in libs/contracts/src/api-messages.ts and in both web dictionaries
 * (web/src/app/i18n/api-messages.sv.ts and .en.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_MESSAGES } from '../libs/contracts/src/api-messages.ts';
import { scanApiMessages, shapeOf } from '../api/src/test-support/api-message-scan.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codeByShape = new Map(Object.entries(API_MESSAGES).map(([code, text]) => [shapeOf(text), code]));
const onlyMissing = process.argv.includes('--missing');
let missing = 0;
for (const message of scanApiMessages(root)) {
  const code = codeByShape.get(message.template);
  if (!code) missing++;
  if (onlyMissing && code) continue;
  console.log(`${code ?? 'MISSING'}\t${message.file}:${message.line}\t${message.template}`);
}
if (missing > 0) {
  console.error(`${missing} message(s) without a code`);
  process.exitCode = 1;
}
