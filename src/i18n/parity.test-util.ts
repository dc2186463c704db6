// Shared by the string-resource tests: the Korean and English resources of one area must have
// the same keys, no empty message, and the same {placeholders} in every message.
import { expect, it } from 'vitest';
import { placeholders } from './index';

export function itHasParity(en: Record<string, string>, ko: Record<string, string>) {
  it('every English key exists, non-empty, in Korean', () => {
    expect(Object.keys(en).filter((k) => typeof ko[k] !== 'string' || !ko[k]!.trim())).toEqual([]);
  });
  it('every Korean key exists, non-empty, in English', () => {
    expect(Object.keys(ko).filter((k) => typeof en[k] !== 'string' || !en[k]!.trim())).toEqual([]);
  });
  it('both languages use the same placeholders', () => {
    expect(Object.keys(en).filter((k) => placeholders(en[k]!).join() !== placeholders(ko[k] ?? '').join())).toEqual([]);
  });
}
