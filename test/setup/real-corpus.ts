import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One line when the real-corpus suite cannot run: the articles are not beside the project. */
export default function setup(): void {
  if (!existsSync(fileURLToPath(new URL('../../../shared/corpus/real', import.meta.url))))
    console.log(
      '\nreal corpus: ../shared/corpus/real is not beside the project; the real-corpus suite (test/real/) is skipped\n',
    );
}
