// The ways an object goes bad in a bucket (altered bits, cut short, emptied, overwritten), for the sync tests.
/** The ways an object goes bad in a bucket. */
export const spoilers: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  altered: (bytes) => {
    const copy = bytes.slice();
    copy[Math.floor(copy.length / 2)]! ^= 1;
    return copy;
  },
  truncated: (bytes) => bytes.slice(0, Math.floor(bytes.length / 2)),
  emptied: () => new Uint8Array(0),
  garbled: (bytes) => new Uint8Array(bytes.length).fill(0x5a),
};
