/** Raised for a wrong command line; the CLI prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** Raised for a request that cannot be met (a missing article); exit 1. */
export class NotFoundError extends Error {}
