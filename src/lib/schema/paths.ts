// Paths inside data files (responses, registers, boundary files) are relative to their directory
// and may never leave it: no absolute path, no «..», no backslash or NUL tricks. The engine
// checks the resolved path again (confinedPath) before it reads a byte.
import { z } from 'zod';

export const relativePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'må være en relativ sti (ingen absolutt sti)')
  .refine((p) => !p.includes('\\') && !p.includes('\0'), 'må bruke «/» som skilletegn og ikke ha kontrolltegn')
  .refine((p) => !p.split('/').some((s) => s === '..' || s === '.' || s === ''), 'kan ikke inneholde «..», «.» eller tomme ledd (stien må holde seg i katalogen)');

/** Ids name files (`data/surveys/<id>.json`): letters, digits, `-` and `_` only. */
export const fileId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'må være et navn av bokstaver, sifre, «-» og «_» (det navngir en fil)');
