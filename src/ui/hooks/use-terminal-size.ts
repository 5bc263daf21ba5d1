import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal's size, re-rendering on every resize; `fixed` overrides it (tests). */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const fixedColumns = fixed?.columns;
  const fixedRows = fixed?.rows;
  const [size, setSize] = useState<TerminalSize>(
    () => fixed ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 },
  );
  useEffect(() => {
    if (fixedColumns !== undefined && fixedRows !== undefined) {
      setSize({ columns: fixedColumns, rows: fixedRows });
      return;
    }
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixedColumns, fixedRows]);
  return size;
}
