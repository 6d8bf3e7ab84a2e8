/** A storage failure explained for the person holding the device. Nothing of the failed write was kept. */
export class StorageError extends Error {
  readonly kind: 'quota' | 'validation' | 'conflict' | 'unknown';
  constructor(kind: StorageError['kind'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; inner?: unknown; cause?: unknown };
  if (err.name === 'QuotaExceededError') return true;
  // Dexie and Chromium often report a full disk as an AbortError wrapping the QuotaExceededError.
  return isQuotaError(err.inner) || isQuotaError(err.cause);
}

/** Turns whatever a failed write threw into a StorageError with a clear message. */
export function explainWriteError(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  if (isQuotaError(e)) {
    return new StorageError(
      'quota',
      `This device is out of storage space, so ${what} was not saved. Everything saved before is intact. ` +
        'Free some space (or export a bundle and remove large media), then try again.',
      { cause: e },
    );
  }
  if (e && typeof e === 'object' && (e as { name?: string }).name === 'ZodError') {
    // zod's message is JSON; people get one line per problem: where, and what is wrong.
    const issues = (e as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues ?? [];
    const said = issues
      .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
      .join('; ');
    return new StorageError('validation', `${what} was not saved: ${said || (e as Error).message}.`, { cause: e });
  }
  return new StorageError('unknown', `${what} was not saved: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}
