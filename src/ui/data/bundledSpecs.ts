// The qualification specs shipped with the app. Each JSON file is emitted as its own asset (and precached
// by the service worker), fetched and validated on load: a malformed file is reported, never fatal.
import { parseSpec, SpecError, type QualificationSpec } from '../../domain';

const specUrls = import.meta.glob<string>(['../../../specs/*.json', '!../../../specs/schema.json'], {
  query: '?url',
  import: 'default',
  eager: true,
});

export interface SpecLoadError {
  file: string;
  message: string;
}

export interface SpecCatalog {
  specs: QualificationSpec[];
  errors: SpecLoadError[];
}

const fileName = (path: string) => path.split('/').pop() ?? path;

export async function loadSpecFromUrl(file: string, url: string): Promise<QualificationSpec> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    throw new SpecError([{ path: '$', message: `could not be read (${(e as Error).message})` }], file);
  }
  return parseSpec(text, file);
}

/** The addresses of the shipped spec files: content-hashed, so a changed spec has a new one. */
export const bundledSpecUrls = (): string[] => Object.values(specUrls).sort();

let catalog: Promise<SpecCatalog> | null = null;

export function loadBundledSpecs(): Promise<SpecCatalog> {
  catalog ??= (async () => {
    const entries = Object.entries(specUrls).sort(([a], [b]) => a.localeCompare(b));
    const settled = await Promise.allSettled(entries.map(([path, url]) => loadSpecFromUrl(fileName(path), url)));
    const specs: QualificationSpec[] = [];
    const errors: SpecLoadError[] = [];
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') specs.push(s.value);
      else errors.push({ file: fileName(entries[i]![0]), message: (s.reason as Error).message });
    });
    specs.sort((a, b) => a.title.localeCompare(b.title));
    return { specs, errors };
  })();
  return catalog;
}
