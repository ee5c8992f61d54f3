import { describe, expect, it } from 'vitest';
import { levenshtein, nearest } from '../../shared/text/levenshtein';
import { PARAMETER_NAMES } from '../../shared/components/async-server/parameters';

describe('nearest name', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('prefers the same letters in another case, then the closest spelling, and gives up on strangers', () => {
    expect(nearest('websitename', PARAMETER_NAMES)).toBe('WebSiteName');
    expect(nearest('WebSiteHttpPort', PARAMETER_NAMES)).toBe('WebSiteHttpsPort');
    expect(nearest('AppPoolUsr', PARAMETER_NAMES)).toBe('AppPoolUser');
    expect(nearest('Colour', PARAMETER_NAMES)).toBeUndefined();
  });
});
