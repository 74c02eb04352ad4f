// Turns a schema's findings into the project's problems: file, the field as a dotted path
// («simple.sky.bins»), and what was expected, in Norwegian.
import type { z } from 'zod';
import type { Problem } from '../types';

export function fieldName(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(hele fila)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

export function schemaProblems(error: z.ZodError, file: string): Problem[] {
  return error.issues.map((issue) => ({
    file,
    column: fieldName(issue.path),
    message: `felt «${fieldName(issue.path)}»: ${issueText(issue)}`,
  }));
}

function issueText(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? `mangler; forventet ${typeName(issue.expected)}` : `fant ${typeName(issue.received)}; forventet ${typeName(issue.expected)}`;
    case 'unrecognized_keys':
      return `ukjente felt ${issue.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'too_small':
      return issue.type === 'number' ? `må være minst ${issue.minimum}` : issue.type === 'array' ? `må ha minst ${issue.minimum} element` : `må ha minst ${issue.minimum} tegn`;
    case 'too_big':
      return issue.type === 'number' ? `må være høyst ${issue.maximum}` : issue.type === 'array' ? `kan ha høyst ${issue.maximum} element` : `kan ha høyst ${issue.maximum} tegn`;
    case 'invalid_enum_value':
      return `fant «${String(issue.received)}»; forventet ${issue.options.map((o) => `«${String(o)}»`).join(' eller ')}`;
    case 'invalid_literal':
      return `forventet ${JSON.stringify(issue.expected)}`;
    default:
      return issue.message;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tall',
  integer: 'et heltall',
  boolean: 'true eller false',
  object: 'et objekt',
  array: 'en liste',
  null: 'null',
  undefined: 'ingenting',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}
