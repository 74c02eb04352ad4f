// data/structures/<id>.json: one kommune structure (register, boundary files, correspondence).
import { z } from 'zod';
import { fileId, relativePath } from './paths';

const boundaryFile = z
  .object({
    file: relativePath,
    object: z.string().min(1),
    idProperty: z.string().min(1),
    nameProperty: z.string().min(1),
  })
  .passthrough();

export const structureSchema = z
  .object({
    id: fileId,
    label: z.string().min(1),
    register: relativePath,
    kommuneBoundaries: boundaryFile.nullable(),
    fylkeBoundaries: boundaryFile.nullable(),
    populationNote: z.string(),
    previous: z.object({ structure: fileId, correspondence: relativePath }).passthrough().optional(),
  })
  .passthrough();
