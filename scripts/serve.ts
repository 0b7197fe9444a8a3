/** npm start's last step: serves dist/ on http://127.0.0.1:4321 (PORT and BASE_PATH can change it). */
import { serveStatic } from './static-server.ts';

const { url } = await serveStatic('dist', process.env.BASE_PATH ?? '/', Number(process.env.PORT ?? 4321));
console.log(`Poverty Atlas: ${url} (Ctrl+C to stop)`);
