// Scans text and files for secrets, in the forms a leak usually takes: as is, URL-encoded, and
// base64 (a Basic header or a dumped buffer).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
}

/** Names each secret form found in `text`, as `where: form n of secret m`. */
export function leaksIn(text: string, secrets: string[], where: string): string[] {
  const found: string[] = [];
  secrets.forEach((secret, m) =>
    secretForms(secret).forEach((form, n) => {
      if (text.includes(form)) found.push(`${where}: form ${n} of secret ${m}`);
    }),
  );
  return found;
}

/** Every file under `dir`, relative paths, sorted. */
export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

/** Leaks in every file under `dir` except the excluded relative paths. */
export function leaksInFiles(dir: string, secrets: string[], exclude: string[] = []): string[] {
  return filesUnder(dir)
    .filter((file) => !exclude.includes(file))
    .flatMap((file) => leaksIn(readFileSync(join(dir, file), 'latin1'), secrets, file));
}
