/** A short reason for a file-system error: `permission denied`, not a stack. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'no such file or folder',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'not a folder',
    EISDIR: 'is a folder',
    ENOTREGULAR: 'not a regular file (a pipe, a socket or a device)',
    ENOSPC: 'no space left on the device',
    EIO: 'input/output error',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EBADF: 'the output is closed',
  };
  if (code && known[code]) return known[code];
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
