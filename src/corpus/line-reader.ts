/** The lines of a file, a batch at a time, each batch decoded from bytes only when asked for. */
export class LineReader {
  private at = 0;
  constructor(private readonly bytes: Buffer) {}

  next(count: number): string[] {
    const start = this.at;
    let end = start;
    for (let n = 0; n < count && end < this.bytes.length; n++) {
      const newline = this.bytes.indexOf(10, end);
      end = newline === -1 ? this.bytes.length : newline + 1;
    }
    this.at = end;
    if (end === start) return [];
    const lines = this.bytes.toString('utf8', start, end).split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines;
  }
}
