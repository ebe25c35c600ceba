/**
 * The one rule for names that a paper's content turns into file and folder names (paper ids,
 * author slugs, topic slugs, the search directory's files), beyond what each grammar already keeps
 * out: names Windows reserves for devices. `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9` and
 * `LPT0`–`LPT9` (also with ¹ ² ³) name a device in any case and with any extension (`aux.mdx`,
 * `nul.json`), so a Windows checkout cannot hold such a file (Git for Windows stops with "invalid
 * path": the whole clone fails) and a build there cannot write such a page. Pure, so the browser
 * reads names by the same rule.
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * The device name a file or folder name would open on Windows (`aux.mdx` → `aux`), or undefined.
 * Windows reads the name before the first dot, trailing spaces dropped.
 */
export function windowsDeviceName(name: string): string | undefined {
  const base = name.split('.')[0]!.replace(/ +$/, '');
  return WINDOWS_DEVICE.test(base) ? base : undefined;
}

/** Why a name Windows reserves cannot be a file's, to follow `name ` or `slug ` (one wording for every field). */
export function windowsDeviceProblem(name: string): string | undefined {
  return windowsDeviceName(name) === undefined
    ? undefined
    : `"${name}" is a device's name on Windows (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any case, with any extension): a Windows checkout cannot hold such a file, nor a build there write it`;
}
