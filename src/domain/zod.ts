// The one zod the app uses, told not to compile validators: the Content-Security-Policy forbids eval, and a schema
// decides whether to compile when it is created. Every schema module imports z from here, so this runs first
// whatever order the build puts modules in.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
