import { renameSync, writeFileSync } from 'node:fs';

/** Writes a file under a temporary name beside it, then renames it into place: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}
