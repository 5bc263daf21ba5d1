// Preloaded with --import: at exit, appends this process's peak resident memory (KB) to $BROADSHEET_RSS_LOG.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BROADSHEET_RSS_LOG)
    appendFileSync(process.env.BROADSHEET_RSS_LOG, `${process.resourceUsage().maxRSS}\n`);
});
