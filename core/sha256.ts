import { createHash } from 'node:crypto';

/** Hex SHA-256: scans, rosters, stacks and copies are named and checked by it. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
