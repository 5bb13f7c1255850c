// `pnpm bench`: every *.bench.ts in the packages, one after another (numbers, not assertions).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.bench.ts') || name.endsWith('.bench.mjs')) out.push(p);
  }
  return out;
}
const only = process.argv[2];
for (const file of find('packages').filter((f) => !only || f.includes(only))) {
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', file], { stdio: 'inherit' });
}
