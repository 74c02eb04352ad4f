// data/site.json (site identity: publisher, address, contact, licence) when a project has one.
// The fields are the publication workflow's; this slot only makes sure the file is an object
// with text where text is expected, so a typo stops the build with the field named.
import { z } from 'zod';

export const siteSchema = z
  .object({
    publisher: z.string().min(1).optional(),
    siteUrl: z.string().optional(),
    contact: z.union([z.string(), z.object({}).passthrough()]).optional(),
  })
  .passthrough();
