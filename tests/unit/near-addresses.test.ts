/**
 * The addresses the 404 page tries for one the site has no page at (src/lib/near-addresses.ts).
 */
import { describe, expect, it } from 'vitest';
import { nearAddresses } from '../../src/lib/near-addresses.ts';

describe('addresses near a missing one', () => {
  it('spell the same page as the site does: lower case, no arXiv version, no file name, a final slash', () => {
    expect(nearAddresses('/topics/Machine-Learning/', '/')).toEqual(['/topics/machine-learning/']);
    expect(nearAddresses('/papers/2306.13575v2/', '/')).toEqual(['/papers/2306.13575/']);
    expect(nearAddresses('/papers/2306.13575V12', '/')).toEqual(['/papers/2306.13575/']);
    expect(nearAddresses('/papers/2306.13575v2.html', '/')).toEqual(['/papers/2306.13575/']);
    expect(nearAddresses('/topics/robots/index.html', '/')).toEqual(['/topics/robots/']);
    // Letters written as escapes (an author's name in Cyrillic) are letters too.
    expect(nearAddresses(`/authors/${encodeURIComponent('Иван-Петров')}/`, '/')).toEqual([
      `/authors/${encodeURIComponent('иван-петров')}/`,
    ]);
    expect(nearAddresses('/topics/%E0%A4%A/', '/')).toEqual([]);
    expect(nearAddresses('/Topics/%E0%A4%A/', '/')).toEqual(['/topics/%E0%A4%A/']);
    // A version only after an arXiv id: a slug ending in v2 is left as it is.
    expect(nearAddresses('/papers/model-v2/', '/')).toEqual([]);
  });

  it("go from a page number the list does not have to the list's first page", () => {
    expect(nearAddresses('/topics/robots/1/', '/')).toEqual(['/topics/robots/']);
    expect(nearAddresses('/topics/robots/99', '/')).toEqual(['/topics/robots/99/', '/topics/robots/']);
    expect(nearAddresses('/Topics/Robots/7/', '/')).toEqual(['/topics/robots/7/', '/topics/robots/']);
    expect(nearAddresses('/2025/02/04/3/', '/')).toEqual(['/2025/02/04/', '/2025/02/', '/2025/']);
    // The A–Z list of authors numbers its pages 2 and on under `-/`: its first page is /authors/.
    expect(nearAddresses('/authors/-/1/', '/')).toEqual(['/authors/']);
    expect(nearAddresses('/authors/-/9/', '/')).toEqual(['/authors/']);
    // Its pages' folder alone, an address cut back by hand, is the list too.
    expect(nearAddresses('/authors/-/', '/')).toEqual(['/authors/']);
    expect(nearAddresses('/base/Authors/-', '/base/')).toEqual(['/base/authors/-/', '/base/authors/']);
    expect(nearAddresses('/Paper-Digest/Authors/-/12', '/Paper-Digest/')).toEqual([
      '/Paper-Digest/authors/-/12/',
      '/Paper-Digest/authors/',
    ]);
    // Only the A–Z list's folder: `-/` in any other list is no page number, nor a folder to drop.
    expect(nearAddresses('/topics/-/2/', '/')).toEqual(['/topics/-/']);
    expect(nearAddresses('/topics/-/', '/')).toEqual([]);
    expect(nearAddresses('/authors/ada/-/', '/')).toEqual([]);
    expect(nearAddresses('/2024/-/3/', '/')).toEqual(['/2024/-/']);
    expect(nearAddresses('/authors/-/x/', '/')).toEqual([]);
    // An author's own pages are a list as a topic's are.
    expect(nearAddresses('/authors/ada-lovelace/5/', '/')).toEqual(['/authors/ada-lovelace/']);
    // A year alone is no page number of a list.
    expect(nearAddresses('/2031/', '/')).toEqual([]);
  });

  it('leave the base path as it is written, and addresses outside it alone', () => {
    expect(nearAddresses('/Paper-Digest/Topics/Robots/', '/Paper-Digest/')).toEqual(['/Paper-Digest/topics/robots/']);
    expect(nearAddresses('/Paper-Digest/topics/robots/1/', '/Paper-Digest')).toEqual(['/Paper-Digest/topics/robots/']);
    expect(nearAddresses('/elsewhere/x/', '/Paper-Digest/')).toEqual([]);
    expect(nearAddresses('/Paper-Digest', '/Paper-Digest/')).toEqual([]);
  });

  it('go from a day or month without papers to its month, then its year', () => {
    // A day of a month without papers: its month, which the 404 page finds missing too, then its year.
    expect(nearAddresses('/2024/11/05/', '/')).toEqual(['/2024/11/', '/2024/']);
    expect(nearAddresses('/2024/11/', '/')).toEqual(['/2024/']);
    expect(nearAddresses('/Paper-Digest/2024/11/05', '/Paper-Digest/')).toEqual([
      '/Paper-Digest/2024/11/05/',
      '/Paper-Digest/2024/11/',
      '/Paper-Digest/2024/',
    ]);
    // Only the archive's own addresses: a paper id of digits is no date.
    expect(nearAddresses('/papers/2024/11/', '/')).toEqual(['/papers/2024/']);
  });
});

describe('addresses near a missing one stay on the site', () => {
  it('read doubled slashes as one, so no near address starts a host', () => {
    // `https://digest//evil.example/X/` is a missing page of the digest; its lower-case spelling
    // `//evil.example/x/` would be a link to evil.example.
    expect(nearAddresses('//evil.example/X/', '/')).toEqual(['/evil.example/x/']);
    expect(nearAddresses('/Paper-Digest//evil.example/X', '/Paper-Digest/')).toEqual(['/Paper-Digest/evil.example/x/']);
    expect(nearAddresses('/topics//Robots//2/', '/')).toEqual(['/topics/robots/2/', '/topics/robots/']);
    // A backslash written as an escape stays an escape: a browser reads it in a path as a slash.
    const [escaped] = nearAddresses('/%5CEvil.example/X/', '/');
    expect(escaped).toBe('/%5Cevil.example/x/');
    expect(new URL(escaped!, 'https://digest.example').origin).toBe('https://digest.example');
  });
});
