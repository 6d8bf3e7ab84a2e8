// The recording forms of seed 001 (Section 4): list, fill in, view and print; derived forms computed.
export { FormsPage } from './FormsPage';
export { FormPage, formDraftKey, newFormDraftKey, AUTOSAVE_DELAY_MS, type FormDraft } from './FormPage';
export { GeneratedFormPage, GENERATED_VIEWS } from './GeneratedFormPage';
export { FormPrintView } from './FormPrintView';
