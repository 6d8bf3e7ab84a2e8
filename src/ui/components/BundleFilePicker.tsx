// Choosing a bag to check (a bundle, or an EQA visit pack): the file input and the progress of hashing every file.
import { formatBytes } from './StorageMeter';

export interface CheckProgress {
  done: number;
  total: number;
}

interface BundleFilePickerProps {
  /** The input's label, e.g. "Bundle file". */
  label: string;
  /** What is being checked, in the progress line: "bundle", "pack". */
  what: string;
  checking: CheckProgress | null;
  onFile: (file: File) => void;
}

export function BundleFilePicker({ label, what, checking, onFile }: BundleFilePickerProps) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
        />
      </label>
      {checking && (
        <div role="status">
          <label>
            Checking the {what}: every file's hash
            <progress max={checking.total || 1} value={checking.done} />
          </label>{' '}
          {formatBytes(checking.done)} of {formatBytes(checking.total)}
        </div>
      )}
    </>
  );
}
