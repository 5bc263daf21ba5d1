/** A program the terminal is handed to, until it ends. */
export interface HandOver {
  command: string;
  args: string[];
  /** Written to its standard input; without it, the program reads the terminal. */
  input?: string;
  /** After it ends, wait for a key, so what it printed can be read. */
  wait?: boolean;
}

/** What the app may do to the world outside the frame. */
export interface Effects {
  /** Hands a checked link to the browser; says whether the opener ran, or why not. */
  openUrl: (url: string) => Promise<string | null>;
  copy: (text: string) => void;
  /**
   * Gives the terminal to another program (an editor, a pager, a shell
   * command) and takes it back after, the screen drawn again; says why not
   * when it could not run, or how it failed.
   */
  handOver: (program: HandOver) => Promise<string | null>;
  /** A file's text (a file with problems, shown as it is). */
  readFile: (file: string) => Promise<string>;
}
