// Every screen's path, in one place: main.tsx mounts the patterns, links and navigation build paths with the
// functions below (never by hand), so a route changes in one edit.
import type { FormType } from '../domain';

const unit = (code: string) => encodeURIComponent(code);

export const routes = {
  home: () => '/',
  people: () => '/people',
  qualifications: () => '/qualifications',
  qualification: (specId: string) => `/qualifications/${specId}`,
  openBundle: () => '/import',
  verifier: () => '/verify',
  trust: () => '/trust',
  newPortfolio: () => '/portfolios/new',
  portfolio: (portfolioId: string) => `/portfolios/${portfolioId}`,
  newEvidence: (portfolioId: string, type?: string) =>
    `/portfolios/${portfolioId}/evidence/new${type ? `?type=${encodeURIComponent(type)}` : ''}`,
  evidence: (portfolioId: string, evidenceId: string) => `/portfolios/${portfolioId}/evidence/${evidenceId}`,
  unit: (portfolioId: string, unitCode: string) => `/portfolios/${portfolioId}/units/${unit(unitCode)}`,
  forms: (portfolioId: string) => `/portfolios/${portfolioId}/forms`,
  form: (portfolioId: string, formId: string) => `/portfolios/${portfolioId}/forms/${formId}`,
  newForm: (portfolioId: string, type: FormType) => `/portfolios/${portfolioId}/forms/new-${type}`,
  generatedForm: (portfolioId: string, type: FormType) => `/portfolios/${portfolioId}/forms/generated/${type}`,
  // syncing
  connect: () => '/connect',
  sync: () => '/sync',
  syncSettings: () => '/sync/settings',
  syncLog: () => '/sync/log',
  // EQA visit pack (issue 12, point 5)
  eqaPack: () => '/qa/eqa-pack',
  verifyPack: () => '/verify/pack',
  // Centre quality assurance (qa)
  qa: () => '/qa',
  qaPlan: (planId: string) => `/qa/plans/${planId}`,
  qaDecide: (about: { planId?: string; itemId?: string; portfolioId?: string; unitCode?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(about).filter(([, v]) => v) as Array<[string, string]>);
    return `/qa/decide${query.size ? `?${query.toString()}` : ''}`;
  },
  qaCountersign: () => '/qa/countersign',
  qaStandardisation: () => '/qa/standardisation',
  qaCpd: () => '/qa/cpd',
  qaAppeals: () => '/qa/appeals',
  // verifier: the opened bundle's read-only views (issue 13, point 3)
  verifyUnit: (unitCode: string) => `/verify/units/${unit(unitCode)}`,
  verifyEvidence: (evidenceId: string) => `/verify/evidence/${evidenceId}`,
  verifyForms: () => '/verify/forms',
  verifyForm: (formId: string) => `/verify/forms/${formId}`,
  verifyGeneratedForm: (type: FormType) => `/verify/forms/generated/${type}`,
  // EQA visit pack: each portfolio's read-only views (issue 12 follow-up)
  verifyPackUnit: (portfolioId: string, unitCode: string) => `/verify/pack/${portfolioId}/units/${unit(unitCode)}`,
  verifyPackEvidence: (portfolioId: string, evidenceId: string) => `/verify/pack/${portfolioId}/evidence/${evidenceId}`,
  verifyPackForms: (portfolioId: string) => `/verify/pack/${portfolioId}/forms`,
  verifyPackForm: (portfolioId: string, formId: string) => `/verify/pack/${portfolioId}/forms/${formId}`,
  verifyPackGeneratedForm: (portfolioId: string, type: FormType) =>
    `/verify/pack/${portfolioId}/forms/generated/${type}`,
} as const;

/** The patterns main.tsx mounts, relative to the layout route. */
export const ROUTE_PATTERNS = {
  qualifications: 'qualifications',
  qualification: 'qualifications/:specId',
  people: 'people',
  newPortfolio: 'portfolios/new',
  portfolio: 'portfolios/:portfolioId',
  newEvidence: 'portfolios/:portfolioId/evidence/new',
  evidence: 'portfolios/:portfolioId/evidence/:evidenceId',
  unit: 'portfolios/:portfolioId/units/:unitCode',
  forms: 'portfolios/:portfolioId/forms',
  generatedForm: 'portfolios/:portfolioId/forms/generated/:formType',
  form: 'portfolios/:portfolioId/forms/:formId',
  openBundle: 'import',
  verifier: 'verify',
  trust: 'trust',
  // syncing
  connect: 'connect',
  sync: 'sync',
  syncSettings: 'sync/settings',
  syncLog: 'sync/log',
  // EQA visit pack (issue 12, point 5)
  eqaPack: 'qa/eqa-pack',
  verifyPack: 'verify/pack',
  // Centre quality assurance (qa)
  qa: 'qa',
  qaPlan: 'qa/plans/:planId',
  qaDecide: 'qa/decide',
  qaCountersign: 'qa/countersign',
  qaStandardisation: 'qa/standardisation',
  qaCpd: 'qa/cpd',
  qaAppeals: 'qa/appeals',
  // verifier: the opened bundle's read-only views (issue 13, point 3)
  verifyUnit: 'verify/units/:unitCode',
  verifyEvidence: 'verify/evidence/:evidenceId',
  verifyForms: 'verify/forms',
  verifyGeneratedForm: 'verify/forms/generated/:formType',
  verifyForm: 'verify/forms/:formId',
  // EQA visit pack: each portfolio's read-only views (issue 12 follow-up)
  verifyPackUnit: 'verify/pack/:portfolioId/units/:unitCode',
  verifyPackEvidence: 'verify/pack/:portfolioId/evidence/:evidenceId',
  verifyPackForms: 'verify/pack/:portfolioId/forms',
  verifyPackGeneratedForm: 'verify/pack/:portfolioId/forms/generated/:formType',
  verifyPackForm: 'verify/pack/:portfolioId/forms/:formId',
} as const;
