// The assessor's portfolio pages over the verifier's opened bundle (routes /verify/…), one lazy chunk.
import { FormPage } from '../../forms/FormPage';
import { FormsPage } from '../../forms/FormsPage';
import { GeneratedFormPage } from '../../forms/GeneratedFormPage';
import { EvidencePage } from '../EvidencePage';
import { UnitPage } from '../UnitPage';
import { OpenedBundleView } from './OpenedBundleView';

export const VerifyUnitPage = () => (
  <OpenedBundleView>
    <UnitPage />
  </OpenedBundleView>
);
export const VerifyEvidencePage = () => (
  <OpenedBundleView>
    <EvidencePage />
  </OpenedBundleView>
);
export const VerifyFormsPage = () => (
  <OpenedBundleView>
    <FormsPage />
  </OpenedBundleView>
);
export const VerifyFormPage = () => (
  <OpenedBundleView>
    <FormPage />
  </OpenedBundleView>
);
export const VerifyGeneratedFormPage = () => (
  <OpenedBundleView>
    <GeneratedFormPage />
  </OpenedBundleView>
);
