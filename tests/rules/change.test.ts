import { describe, expect, test } from 'vitest';
import { gradeLevel, gradeName, levelSteps, movement } from '../../src/lib/rules/change';

describe('change between years (spec: levels 0 < 1 < {2, 3} < 4)', () => {
  test('grades 2 and 3 share a level', () => {
    expect([0, 1, 2, 3, 4].map(gradeLevel)).toEqual([0, 1, 2, 2, 3]);
    expect(() => gradeLevel(5)).toThrow(/Ugyldig grad/);
  });

  test('2 ↔ 3 is «annen type», not a step', () => {
    expect(movement(2, 3)).toBe('annen_type');
    expect(movement(3, 2)).toBe('annen_type');
    expect(levelSteps(3, 2)).toBe(0);
    expect(movement(3, 3)).toBe('samme');
    expect(movement(1, 3)).toBe('opp');
    expect(movement(3, 1)).toBe('ned');
    expect(levelSteps(0, 4)).toBe(3);
  });

  test('«av 4» only where a rank is meant: 0, 1 and 4', () => {
    expect([0, 1, 2, 3, 4].map(gradeName)).toEqual(['grad 0 av 4', 'grad 1 av 4', 'grad 2', 'grad 3', 'grad 4 av 4']);
  });
});
