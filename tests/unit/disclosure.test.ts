import { describe, expect, it } from 'vitest';
import { PRIMARY, recoverableCells, SECONDARY, suppressCells } from '../../src/pipeline/disclosure.ts';

describe('recoverableCells finds what differencing reveals', () => {
  it('by one subtraction', () => {
    expect(recoverableCells([{ cells: [0, 1, 2], coefs: [1, -1, -1] }], Uint8Array.from([0, 1, 0]))).toEqual([1]);
  });
  it('by combining relations that each hide two cells', () => {
    const relations = [
      { cells: [0, 1, 3], coefs: [1, 1, -1] },
      { cells: [0, 2, 4], coefs: [1, 1, -1] },
      { cells: [1, 2, 5], coefs: [1, 1, -1] },
    ];
    expect(recoverableCells(relations, Uint8Array.from([1, 1, 1, 0, 0, 0]))).toEqual([0, 1, 2]);
  });
  it('and nothing when two unknowns share every relation', () => {
    expect(recoverableCells([{ cells: [0, 1, 2], coefs: [1, -1, -1] }], Uint8Array.from([0, 1, 1]))).toEqual([]);
  });
});

describe('suppressCells', () => {
  it('hides small counts but not zeros, and adds the complement readers lose least by', () => {
    // total 33 = 3 + 0 + 8 + 15 + 7 (the total costs most to hide)
    const state = suppressCells(
      [33, 3, 0, 8, 15, 7],
      [{ cells: [0, 1, 2, 3, 4, 5], coefs: [1, -1, -1, -1, -1, -1] }],
      5,
      [10, 1, 2, 1, 1, 1],
    );
    expect([...state]).toEqual([0, PRIMARY, 0, 0, 0, SECONDARY]);
  });
  it('publishes again a complement that the rest reveals anyway', () => {
    // a = b (carried over), and b is also a part of a total with a published sibling
    const relations = [
      { cells: [0, 1], coefs: [1, -1] },
      { cells: [2, 1, 3], coefs: [1, -1, -1] },
    ];
    const state = suppressCells([7, 7, 9, 2], relations, 5);
    expect(recoverableCells(relations, state)).toEqual([]);
    expect(state[3]).toBe(PRIMARY);
  });
});
