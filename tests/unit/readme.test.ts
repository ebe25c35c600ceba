import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPaperSchema } from '../../src/content/schema.ts';

/** The README's frontmatter table must describe exactly the schema's fields. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Frontmatter'), readme.indexOf('## How it works'));
const rows = [...section.matchAll(/^\| `([a-z.]+)` +\| (yes|no) /gm)].map(([, field, required]) => ({
  field: field!,
  required: required === 'yes',
}));

const schema = createPaperSchema(new Set(['x']));
const fields = Object.entries(schema.shape).flatMap(([key, type]) => {
  const optional = type.safeParse(undefined).success;
  const row = { field: key, required: !optional };
  if (key !== 'links') return [row];
  const links = schema.shape.links.unwrap();
  return [row, ...Object.keys(links.shape).map((link) => ({ field: `links.${link}`, required: false }))];
});

describe('README frontmatter table', () => {
  it('lists every schema field, and only those, with the right required flag', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(fields);
  });

  it('shows the two commands and the test command', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
  });
});

describe('README settings table', () => {
  it('lists every environment variable that src/site.config.ts reads, and only those', () => {
    const config = readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8');
    const read = [...config.matchAll(/FromEnv\(\s*'([A-Z_]+)'/g)].map(([, name]) => name).sort();
    const settings = readme.slice(readme.indexOf('### Settings'), readme.indexOf('## Adding a paper'));
    const listed = [...settings.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map(([, name]) => name).sort();
    expect(read.length).toBeGreaterThan(0);
    expect(listed).toEqual(read);
  });

  it('is the only place the site reads the environment', async () => {
    // The site is everything under src/ but the tooling (src/dev: the test browser; src/bench).
    const { glob } = await import('tinyglobby');
    const root = new URL('../../', import.meta.url);
    const files = await glob(['astro.config.mjs', 'src/**/*.{ts,mjs,astro}', '!src/dev/**', '!src/bench/**'], {
      cwd: root.pathname,
    });
    const readers = files.filter((file) => readFileSync(new URL(file, root), 'utf8').includes('process.env'));
    expect(files.length).toBeGreaterThan(20);
    expect(readers).toEqual(['src/site.config.ts']);
  });
});
