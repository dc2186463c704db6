import { describe, expect, it } from 'vitest';
import { detectLang, LANGS, placeholders, RESOURCES, translate } from './index';

describe('i18n', () => {
  const keys = (l: (typeof LANGS)[number]) => Object.keys(RESOURCES[l]).sort();

  it('Korean and English have exactly the same keys', () => {
    expect(keys('ko')).toEqual(keys('en'));
  });

  it.each(LANGS)('no message is empty in %s', (lang) => {
    for (const [k, v] of Object.entries(RESOURCES[lang])) expect(v.trim(), `${lang}:${k}`).not.toBe('');
  });

  it('both languages use the same placeholders in every message', () => {
    for (const k of keys('en')) {
      expect(placeholders(RESOURCES.ko[k as keyof typeof RESOURCES.ko]), k).toEqual(placeholders(RESOURCES.en[k as keyof typeof RESOURCES.en]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'error.tooSmall', { w: 1, h: 1, min: 8 })).toBe('The image is only 1×1 pixels; it needs at least 8×8.');
    expect(translate('ko', 'error.tooSmall', { w: 1, h: 1, min: 8 })).toContain('1×1');
    expect(translate('en', 'error.tooSmall')).toContain('{w}');
  });

  it('follows the browser language', () => {
    expect(detectLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
    expect(detectLang(undefined)).toBe('en');
  });
});
