// The recording forms of seed 001 (Section 4): list, fill in, view and print; derived forms computed.
export { FormsPage } from './FormsPage';
export { FormPage } from './FormPage';
export { formDraftKey, newFormDraftKey, type FormDraft } from './editor/formDraft';
export { GeneratedFormPage, GENERATED_VIEWS } from './GeneratedFormPage';
export { FormPrintView } from './print/FormPrintView';
