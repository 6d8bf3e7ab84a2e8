// Browser benchmarks (storage, progress view, bundles) are added with the portfolio issues.
export async function benchBrowser(): Promise<void> {}
