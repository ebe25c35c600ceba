import { afterEach, describe, expect, it, vi } from 'vitest';

/** site.config.ts reads the environment when it is first imported: import it afresh each time. */
async function settingsWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import('../../src/site.config.ts');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('repositoryUrl', () => {
  it('comes from PAPER_DIGEST_REPOSITORY, without a trailing slash', async () => {
    const { siteConfig, repositoryFileUrl } = await settingsWith({
      PAPER_DIGEST_REPOSITORY: 'https://git.example.org/team/digest/',
    });
    expect(siteConfig.repositoryUrl).toBe('https://git.example.org/team/digest');
    expect(repositoryFileUrl(siteConfig.repositoryUrl!, 'CONTRIBUTING.md')).toBe(
      'https://git.example.org/team/digest/blob/HEAD/CONTRIBUTING.md',
    );
  });

  it('is the repository being built on GitHub Actions when not set', async () => {
    const { siteConfig } = await settingsWith({
      PAPER_DIGEST_REPOSITORY: undefined,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'someone/their-digest',
    });
    expect(siteConfig.repositoryUrl).toBe('https://github.com/someone/their-digest');
  });

  it('is unknown, and linked nowhere, when neither is set', async () => {
    const { siteConfig } = await settingsWith({
      PAPER_DIGEST_REPOSITORY: undefined,
      GITHUB_SERVER_URL: undefined,
      GITHUB_REPOSITORY: undefined,
    });
    expect(siteConfig.repositoryUrl).toBeUndefined();
  });

  it('refuses what is not an https address, saying what is expected', async () => {
    for (const value of [
      'http://github.com/a/b',
      'github.com/a/b',
      'javascript:alert(1)',
      'https://github.com/a/b?x=1',
    ]) {
      await expect(settingsWith({ PAPER_DIGEST_REPOSITORY: value })).rejects.toThrow(
        `PAPER_DIGEST_REPOSITORY must be the repository's https:// address, e.g. "https://github.com/owner/repo", not "${value}"`,
      );
    }
  });
});
