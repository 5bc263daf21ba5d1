import type { ImagesMode, Settings } from './config.js';

export type CommandName = 'list' | 'cat' | 'categories';

/** What the command line asked for, checked. */
export interface Invocation {
  command: CommandName | 'browse';
  /** Positional arguments after the command. */
  inputs: string[];
  /**
   * The filters and `--search` together in the search language (`--category X`
   * is `cat:X`); undefined when none was given.
   */
  search: string | undefined;
  limit: number | undefined;
  /** `--timezone`: the zone zone-less dates are read in and times printed in, when not TZ's. */
  timezone: string | undefined;
  output: 'tsv' | 'json' | 'ndjson';
  width: number | undefined;
  color: boolean | undefined;
  format: 'plain' | 'ansi' | 'markdown' | undefined;
  images: ImagesMode;
  offline: boolean;
  /** Pictures may come from loopback and private addresses. */
  allowPrivateImages: boolean;
  all: boolean;
  /** Every warning about the folder's files, not the first few. */
  verbose: boolean;
  dir: string | undefined;
  /** The configuration file's settings, with the command line's flags over them. */
  settings: Settings;
}
