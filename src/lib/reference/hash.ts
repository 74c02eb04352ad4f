// SHA-256 of reference file bytes, as pinned in the plan, the lock file and kilder.json.
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
