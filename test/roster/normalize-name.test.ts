import { describe, expect, it } from 'vitest';
import { nameTokens, normalizeName } from '../../core/roster/normalize-name';

describe('normalizeName', () => {
  it('uppercases and strips accents', () => {
    expect(normalizeName('Kerbej Sandra-Inès')).toBe('KERBEJ SANDRA-INES');
    expect(normalizeName('Éloïse Garçon')).toBe('ELOISE GARCON');
  });

  it('expands ligatures NFD leaves whole', () => {
    expect(normalizeName('Lœtitia Cæsar Øster')).toBe('LOETITIA CAESAR OSTER');
  });

  it('keeps hyphens and apostrophes as separators, without spaces around them', () => {
    expect(normalizeName("N’Diaye  d' Almeida")).toBe("N'DIAYE D'ALMEIDA");
    expect(normalizeName('Sandra – Inès')).toBe('SANDRA-INES');
  });

  it('turns other punctuation into spaces and collapses them', () => {
    expect(normalizeName('  TEST_BENALI,  Ahmed. ')).toBe('TEST BENALI AHMED');
    expect(normalizeName("-'Ben-'")).toBe('BEN');
  });
});

describe('nameTokens', () => {
  it('splits on spaces, hyphens and apostrophes', () => {
    expect(nameTokens('BEN JEMAA SADRI')).toEqual(['BEN', 'JEMAA', 'SADRI']);
    expect(nameTokens("N'Diaye Marie-Hélène")).toEqual(['N', 'DIAYE', 'MARIE', 'HELENE']);
  });

  it('is empty for a name without letters', () => {
    expect(nameTokens(' - ')).toEqual([]);
  });
});
