// Record types: one module each (schema, migrations, factory, storage and bundle flags), and the registry.
export * from './meta';
export * from './recordType';
export * from './person';
export * from './enrolment';
export * from './evidence';
export * from './media';
export * from './decision';
export * from './signature';
export * from './form';
export * from './audit';
export * from './registry';
