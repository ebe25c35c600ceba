import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { didYouMean } from '../lib/suggest.ts';

/**
 * What to say when parseArgs refuses a command line (`npm run new-paper`, `npm run check`): for an
 * option it does not know, the option as typed and the nearest one it takes (`--tag`: `Did you
 * mean "--tags"?`; `-tags`, one dash, is `--tags`), or, when none is near, the options it takes;
 * otherwise parseArgs' own message, which names the option and what it lacks. parseArgs said only
 * "Unknown option '--tag'" and how to pass an argument that starts with "-", which no id does.
 * `command` is how it is typed (`npm run check`), `args` what followed; `positional`, what an
 * argument names when a name may start with "-" (`a folder`), says how to give such a name.
 */
export function commandLineProblem(
  error: unknown,
  {
    command,
    args,
    options,
    positional,
  }: { command: string; args: readonly string[]; options: ParseArgsOptionsConfig; positional?: string },
): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message;
  const known = Object.keys(options);
  const shorts = new Set(Object.values(options).flatMap(({ short }) => (short ? [short] : [])));
  // Read again without refusing: the first option it does not know, at the argument it was typed in
  // (`-tags` is read as -t -a -g -s, the first of which parseArgs names).
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const unknown = tokens.find(
    (token): token is Extract<typeof token, { kind: 'option' }> =>
      token.kind === 'option' && !known.includes(token.name) && !shorts.has(token.name),
  );
  if (!unknown) return message;
  const typed = (args[unknown.index] ?? unknown.rawName).replace(/=[^]*$/, '');
  const name = typed.replace(/^-+/, '');
  const long = (option: string) => `--${option}`;
  if (known.includes(name)) return `Unknown option '${typed}': write ${long(name)}, with two dashes.`;
  const near = didYouMean(name, known, long);
  if (near) return `Unknown option '${typed}'.${near}`;
  const asName = positional
    ? ` For ${positional} whose name starts with "-", write it after "--": ${command} -- -- ${typed}.`
    : '';
  return `Unknown option '${typed}'. The options are ${known.map(long).join(', ')}.${asName}`;
}

/**
 * `args` without a `--` that would end the options, for a command none of whose arguments starts
 * with "-" (an arXiv id): `npm run new-paper -- -- 2306.13575 --tags a` read `--tags` and `a` as
 * two more ids, and asked arXiv for the first before saying so. A `--` given as an option's value
 * (`--title --`) stays. Each such `--` goes, so the options after it are read as options.
 */
export function withoutOptionEnd(args: readonly string[], options: ParseArgsOptionsConfig): string[] {
  let rest = [...args];
  for (;;) {
    const { tokens } = parseArgs({ args: rest, options, strict: false, allowPositionals: true, tokens: true });
    const end = tokens.find((token) => token.kind === 'option-terminator');
    if (!end) return rest;
    rest = rest.filter((_, index) => index !== end.index);
  }
}
