import { randomUUID } from 'node:crypto';

/** A new row id: a random UUID, stored as text on both databases. */
export const newId = (): string => randomUUID();

/** Booleans are stored as integers 0/1. */
export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number | null | undefined): boolean => n === 1;
