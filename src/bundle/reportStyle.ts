// The report's one stylesheet, inline in report.html. Its own module so the app's Content-Security-Policy can
// allow exactly this style by its hash (scripts/securityHeaders.ts): the report is shown in a srcdoc iframe,
// which inherits the app's policy, and the app allows no other inline style.
export const REPORT_STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #555;padding:.3rem;text-align:left;vertical-align:top}h1{font-size:1.5rem}@media print{body{margin:0}}';
