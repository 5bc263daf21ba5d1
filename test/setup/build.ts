import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The command-line, terminal and stress tests run the built program, as a
 * user does: bin/broadsheet.js starts dist/bundle, not src/. So that they never
 * test old code after an edit, the program is built again (`npm run build`)
 * when anything it is built from is newer than the bundle.
 */
export default function setup(): void {
  const built = oldest(path.join(root, 'dist/bundle'));
  const sources = newest([
    path.join(root, 'src'),
    path.join(root, 'build.js'),
    path.join(root, 'tsconfig.json'),
    path.join(root, 'tsconfig.build.json'),
  ]);
  if (built !== null && built >= sources) return;
  console.log(
    built === null
      ? '\nbuilding the program: there is no dist/bundle yet\n'
      : '\nbuilding the program again: src/ is newer than dist/bundle\n',
  );
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0)
    throw new Error(
      `the build failed, so the tests would run old code:\n${build.stdout}${build.stderr}`,
    );
}

/** The latest change time of these files and folders and of everything in them (a folder changes when a file goes). */
function newest(paths: string[]): number {
  let latest = 0;
  for (const item of paths) {
    if (!existsSync(item)) continue;
    latest = Math.max(latest, statSync(item).mtimeMs);
    if (statSync(item).isDirectory())
      for (const name of readdirSync(item, { recursive: true }))
        latest = Math.max(latest, statSync(path.join(item, String(name))).mtimeMs);
  }
  return latest;
}

/** The earliest change time of the files in `folder`; null when there is none. */
function oldest(folder: string): number | null {
  if (!existsSync(folder)) return null;
  const times = readdirSync(folder).map((name) => statSync(path.join(folder, name)).mtimeMs);
  return times.length === 0 ? null : Math.min(...times);
}
