export * from './documents';
export * from './authority';
export * from './rules';
export * from './scope';
export * from './changes';
