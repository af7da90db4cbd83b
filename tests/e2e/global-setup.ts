// Builds the test flavour of the extension once per run (about 2 s), unless E2E_SKIP_BUILD=1.
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, E2E: '1' } });
}
