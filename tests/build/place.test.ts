import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';

const run = promisify(execFile);

/** The answers of tests/helpers/place-rules.ts in a child process with `env`. */
async function answers(env: Record<string, string>): Promise<unknown> {
  const { stdout } = await run(process.execPath, [join(projectRoot, 'tests/helpers/place-rules.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return JSON.parse(stdout);
}

/**
 * Where and when a build runs must not change what it writes: the rules that print dates and order
 * lists read no machine time zone or locale. Node's ICU takes its default locale from LC_ALL and
 * LANG even where the C library has no such locale installed, so these children see it.
 */
describe('the date and order rules answer the same in any time zone and locale', () => {
  const places: Record<string, string>[] = [
    { TZ: 'Pacific/Kiritimati', LC_ALL: 'tr_TR.UTF-8' }, // UTC+14, dotted and dotless i
    { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8' },
    { TZ: 'Pacific/Pago_Pago', LC_ALL: 'da_DK.UTF-8' }, // UTC-11, `aa` sorted after `z`
    { TZ: 'Asia/Kathmandu', LC_ALL: 'lt_LT.UTF-8' }, // UTC+5:45, `y` sorted with `i`
  ];

  it.each(places)('%o', async (place) => {
    const here = await answers({ TZ: 'UTC', LC_ALL: 'C.UTF-8' });
    expect(await answers(place)).toEqual(here);
  });

  it("the check's messages are in file order by code points, not by the locale", async () => {
    const { problems } = (await answers({ TZ: 'UTC', LC_ALL: 'da_DK.UTF-8' })) as { problems: string[] };
    const files = problems.map((problem) => problem.split(':')[0]);
    expect(files).toEqual(['content/papers/2025/ib.mdx', 'content/papers/2025/yb.mdx', 'content/papers/2025/zeta.mdx']);
    // aalto.mdx comes first, so it is the one the others are said to repeat.
    expect(problems[0]).toContain('aalto.mdx');
  });

  it('ties among suggestions are broken by code points, not by the locale', async () => {
    const { suggestions } = (await answers({ TZ: 'UTC', LC_ALL: 'da_DK.UTF-8' })) as { suggestions: string[][] };
    expect(suggestions).toEqual([
      ['aab', 'zb'],
      ['ib', 'jb', 'yb'],
    ]);
  });
});
