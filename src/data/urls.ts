import { createUrls } from '../lib/urls.ts';

/** The site's URL builder, configured from Astro's `site` and `base` (see astro.config.mjs). */
export const urls = createUrls({ base: import.meta.env.BASE_URL, site: import.meta.env.SITE ?? 'http://localhost' });
