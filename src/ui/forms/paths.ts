import type { FormType } from '../../domain';

/** Where the forms screens live (src/ui/main.tsx mounts them at these paths). */
export const formsPath = (portfolioId: string) => `/portfolios/${portfolioId}/forms`;
export const formPath = (portfolioId: string, formId: string) => `/portfolios/${portfolioId}/forms/${formId}`;
export const newFormPath = (portfolioId: string, type: FormType) => formPath(portfolioId, `new-${type}`);
export const generatedFormPath = (portfolioId: string, type: FormType) => `/portfolios/${portfolioId}/forms/generated/${type}`;
export const portfolioPath = (portfolioId: string) => `/portfolios/${portfolioId}`;
