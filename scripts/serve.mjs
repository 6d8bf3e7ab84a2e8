// Serves the built app (dist/) the way a static host would, with the SPA fallback and the security headers
// (Content-Security-Policy, nosniff, no referrer, no framing: vite.config.ts `preview.headers`, docs/deploy.md).
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, strictPort: true, host: process.env.HOST ?? '127.0.0.1' } });
server.printUrls();
console.log('Fieldfolio is running. Open the URL above; after the first visit it works offline.');
