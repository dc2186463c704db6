/**
 * Builds the user-model fixtures once per run (issue 11): a small SE-ResNet exported by the real
 * Python pipeline (other classes, another input size) and six broken copies. Skipped when they
 * exist and are newer than the script that makes them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const USER_MODELS = join(process.cwd(), '.cache', 'user-models');

export default function globalSetup() {
  const script = join(process.cwd(), 'training', 'build_user_models.py');
  const marker = join(USER_MODELS, 'fixtures.json');
  if (existsSync(marker) && statSync(marker).mtimeMs > statSync(script).mtimeMs) return;
  execFileSync(process.env.TORCH_PYTHON ?? '/usr/bin/python3', [script, '--out', USER_MODELS], { stdio: 'inherit', timeout: 300_000 });
}
