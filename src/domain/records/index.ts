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
export * from './iqaDecision';
export * from './qaAction';
export * from './samplingPlan';
export * from './standardisation';
export * from './cpd';
export * from './appeal';
export * from './audit';
export * from './registry';
