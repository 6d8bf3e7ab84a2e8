// The Content-Security-Policy forbids eval (no 'unsafe-eval'), so zod validates without compiling code, and does
// not even probe `new Function`, which the browser would report as a policy violation. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
