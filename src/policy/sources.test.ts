/**
 * Every edition of every policy file links its text on a government site (a gov.cn domain: the
 * issuer's page or a government's publication), or says who published the copy it links (转载).
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_DIR, policyFiles, readPolicy } from './library.ts';

const onGovernmentSite = (url: string) => /(^|\.)gov\.cn$/.test(new URL(url).hostname);

describe('policy sources', () => {
  const files = policyFiles();

  it('finds the policy files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(POLICY_DIR, f), f]))(
    '%s links a government page or marks its link a reprint',
    (_name, file) => {
      const unmarked = readPolicy(file)
        .doc.editions.filter((e) => !onGovernmentSite(e.source) && !e.reprint)
        .map((e) => `${e.edition}: ${e.source}`);
      expect(unmarked).toEqual([]);
    },
  );
});
