import type { Invocation } from '../cli.js';
import { UsageError } from '../pipe/output.js';

export async function catCommand(_invocation: Invocation): Promise<number> {
  throw new UsageError('cat is not available yet');
}
