import type { HTMLAttributes } from 'astro/types';
import { urls } from '@/data/urls.ts';

/**
 * The attributes of the site's two search forms, the header box (SearchBox.astro) and the search
 * page's (pages/search.astro), written once: a plain GET form to /search/, whose words field is
 * `q`, and where the search code (src/client/search-boot.ts, search.ts) finds Pagefind and the
 * site's base. Each form adds its own class and marker (`data-search-box`, `data-search-page`).
 *
 * Listed in the order the pages have always written them, so that the built HTML stays the same:
 * an attribute left `undefined` is not written, and one set to '' is written bare
 * (`data-search-page`), as Astro writes an attribute with no value.
 *
 * A page with scoped styles (search.astro) spreads these with `class:list={undefined}` beside
 * them: Astro adds its scope class (`astro-…`) to an element's spread attributes unless the element
 * writes a class of its own; that empty class:list is one, and writes nothing. Its styles select
 * the `data-astro-cid-…` attribute, which Astro writes all the same.
 */
export function searchFormAttributes(own: {
  class: string;
  marker: 'data-search-box' | 'data-search-page';
}): HTMLAttributes<'form'> {
  return {
    role: 'search',
    action: urls.search(),
    method: 'get',
    class: own.class,
    [own.marker]: '',
    'data-search-bundle': urls.asset('pagefind/'),
    'data-search-base': urls.home(),
  };
}

/**
 * Whether a page is the search page, where the page's own form takes the header box's place.
 * (SearchBox.astro imports only this module: Astro orders a page's stylesheets by counting the
 * imports before each component's styles, so one more import there would move the layout's
 * stylesheet after the list's on the day and author pages, and change their cascade.)
 */
export function isSearchPage(pathname: string): boolean {
  return pathname === urls.search();
}

/** The words field of either form (`q`): a search box that the browser does not fill or correct, focused by `/`. */
export function searchInputAttributes(own: {
  id: string;
  class?: string;
  placeholder?: string;
  'aria-describedby'?: string;
}): HTMLAttributes<'input'> {
  return {
    id: own.id,
    class: own.class,
    type: 'search',
    name: 'q',
    placeholder: own.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    'aria-keyshortcuts': '/',
    'aria-describedby': own['aria-describedby'],
    'data-search-input': '',
  };
}
