// Centre quality assurance (docs/centre-qa.md): sampling rates by risk, the sample proposer, plan edits by the
// IQA, plan coverage, inputs from records, and the forms' internal-verifier sampling column. Pure.
export * from './rates';
export * from './work';
export * from './proposer';
export * from './planEdits';
export * from './coverage';
export * from './fromRecords';
export * from './ivSampling';
export * from './forms';
export * from './packRule';
