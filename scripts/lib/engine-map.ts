// A structure's map: the boundary files prepared once, then per year what the register has that
// the map lacks (listed, not drawn) and the reverse (left off).
import type { RegisterRow, StructureEntry } from '../../src/lib/types';
import { prepareMapGeometry, type MapGeometry } from '../../src/draw/map/prepare';
import { decodeText } from './effects';
import { InputError } from './errors';
import { confinedPath, type InputReader } from './engine-inputs';

export interface MapCoverage {
  /** Kommuner of the register with no shape in the boundary file: listed, not drawn. */
  missing: { kommunenummer: string; kommunenavn: string }[];
  /** Shapes in the boundary file for numbers not in the register: left off the map. */
  extra: string[];
}

export async function prepareMap(structure: StructureEntry, referenceDir: string, input: InputReader, file: string): Promise<MapGeometry | null> {
  const k = structure.kommuneBoundaries;
  const f = structure.fylkeBoundaries;
  if (!k || !f) return null;
  const parse = (bytes: Uint8Array, name: string) => {
    try {
      return JSON.parse(decodeText(bytes));
    } catch (e) {
      throw new InputError(`Grensefila ${name} er ikke gyldig JSON: ${(e as Error).message}`);
    }
  };
  const kPath = confinedPath(referenceDir, k.file, file, 'kommuneBoundaries.file');
  const fPath = confinedPath(referenceDir, f.file, file, 'fylkeBoundaries.file');
  const kommuner = parse(await input.read(kPath, 'boundaries', `grensefila ${k.file}`), k.file);
  const fylker = parse(await input.read(fPath, 'boundaries', `grensefila ${f.file}`), f.file);
  try {
    return prepareMapGeometry({
      kommuner,
      kommuneObject: k.object,
      idProperty: k.idProperty,
      nameProperty: k.nameProperty,
      fylker,
      fylkeObject: f.object,
      fylkeIdProperty: f.idProperty,
    });
  } catch (e) {
    throw new InputError(`Kunne ikke tegne kartet for ${structure.label} (${k.file}): ${(e as Error).message}`);
  }
}

/** The geometry as drawn for one register, and how it differs from the register. */
export function mapForRegister(geometry: MapGeometry, register: readonly RegisterRow[]): { drawn: MapGeometry; coverage: MapCoverage } {
  const inRegister = new Set(register.map((r) => r.kommunenummer));
  const shapes = new Set(geometry.kommuner.map((k) => k.kommunenummer));
  return {
    drawn: { ...geometry, kommuner: geometry.kommuner.filter((k) => inRegister.has(k.kommunenummer)) },
    coverage: {
      missing: register.filter((r) => !shapes.has(r.kommunenummer)).map((r) => ({ kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn })),
      extra: geometry.kommuner.filter((k) => !inRegister.has(k.kommunenummer)).map((k) => k.kommunenummer),
    },
  };
}
