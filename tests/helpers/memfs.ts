// An in-memory BuildEffects: a map of path → bytes, directories implied by their files (plus
// explicit empty ones). Lets tests drive the build's publishing steps and inject failures.
import type { BuildEffects } from '../../scripts/lib/effects';

export interface MemFs extends BuildEffects {
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
  logs: string[];
  /** Make the next matching operation throw. */
  failOn(op: 'rename' | 'writeFile', match: (path: string) => boolean): void;
}

export function memFs(initial: Record<string, string> = {}): MemFs {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>();
  const logs: string[] = [];
  const failures: { op: string; match: (p: string) => boolean }[] = [];
  const enc = new TextEncoder();
  for (const [p, c] of Object.entries(initial)) files.set(p, enc.encode(c));
  const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
  const check = (op: string, p: string) => {
    const i = failures.findIndex((f) => f.op === op && f.match(p));
    if (i >= 0) {
      failures.splice(i, 1);
      throw new Error(`injected ${op} failure: ${p}`);
    }
  };
  return {
    files,
    dirs,
    logs,
    failOn: (op, match) => failures.push({ op, match }),
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw new Error(`ENOENT: ${p}`);
      return f;
    },
    writeFile: async (p, d) => {
      check('writeFile', p);
      files.set(p, typeof d === 'string' ? enc.encode(d) : d);
    },
    copyFile: async (from, to) => {
      const f = files.get(from);
      if (!f) throw new Error(`ENOENT: ${from}`);
      check('writeFile', to);
      files.set(to, f);
    },
    mkdir: async (p) => {
      dirs.add(p);
    },
    rename: async (from, to) => {
      check('rename', from);
      let moved = false;
      for (const [p, c] of [...files]) {
        if (under(p, from)) {
          files.delete(p);
          files.set(to + p.slice(from.length), c);
          moved = true;
        }
      }
      for (const d of [...dirs]) {
        if (under(d, from)) {
          dirs.delete(d);
          dirs.add(to + d.slice(from.length));
          moved = true;
        }
      }
      if (!moved) throw new Error(`ENOENT: rename ${from}`);
    },
    rm: async (p) => {
      for (const k of [...files.keys()]) if (under(k, p)) files.delete(k);
      for (const d of [...dirs]) if (under(d, p)) dirs.delete(d);
    },
    exists: async (p) => dirs.has(p) || [...files.keys()].some((k) => under(k, p)),
    readdir: async (p) => {
      const names = new Set<string>();
      for (const k of [...files.keys(), ...dirs]) if (k.startsWith(`${p}/`)) names.add(k.slice(p.length + 1).split('/')[0]);
      return [...names].sort();
    },
    listFiles: async (dir) => [...files.keys()].filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1)).sort(),
    normaliseModes: async () => {}, // no modes in memory
    log: (m) => logs.push(m),
  };
}
