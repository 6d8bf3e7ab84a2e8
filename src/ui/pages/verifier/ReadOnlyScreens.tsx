// The assessor's portfolio pages over a portfolio opened read-only, one lazy chunk: the verifier's opened bundle
// (routes /verify/…) and a portfolio of the EQA's opened pack (routes /verify/pack/:portfolioId/…).
import type { ComponentType, ReactNode } from 'react';
import { FormPage } from '../../forms/FormPage';
import { FormsPage } from '../../forms/FormsPage';
import { GeneratedFormPage } from '../../forms/GeneratedFormPage';
import { EvidencePage } from '../EvidencePage';
import { UnitPage } from '../UnitPage';
import { PackPortfolioView } from '../eqa/PackPortfolioView';
import { OpenedBundleView } from './OpenedBundleView';

/** A portfolio page shown over the portfolio a view opens. */
function over(View: ComponentType<{ children: ReactNode }>, Page: ComponentType) {
  return function ReadOnlyScreen() {
    return (
      <View>
        <Page />
      </View>
    );
  };
}

export const VerifyUnitPage = over(OpenedBundleView, UnitPage);
export const VerifyEvidencePage = over(OpenedBundleView, EvidencePage);
export const VerifyFormsPage = over(OpenedBundleView, FormsPage);
export const VerifyFormPage = over(OpenedBundleView, FormPage);
export const VerifyGeneratedFormPage = over(OpenedBundleView, GeneratedFormPage);

export const PackUnitPage = over(PackPortfolioView, UnitPage);
export const PackEvidencePage = over(PackPortfolioView, EvidencePage);
export const PackFormsPage = over(PackPortfolioView, FormsPage);
export const PackFormPage = over(PackPortfolioView, FormPage);
export const PackGeneratedFormPage = over(PackPortfolioView, GeneratedFormPage);
