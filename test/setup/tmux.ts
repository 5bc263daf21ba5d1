import { spawnSync } from 'node:child_process';

/** One line when the terminal tests cannot run: they drive the browser in tmux. */
export default function setup(): void {
  if (spawnSync('tmux', ['-V']).status !== 0)
    console.log(
      '\ntmux: not installed; the terminal tests (test/e2e/, and the key runs in test/stress/) are skipped\n',
    );
}
