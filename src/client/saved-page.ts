/**
 * `/saved/` (src/pages/saved.astro): shows the reader's reading list, or the list a shared link
 * carries in its fragment (`#papers=<id>,<id>`), from the small `/papers/<id>.json` of each listed
 * paper and nothing else. Every string from a paper or a link goes in as text (textContent), never
 * as HTML; every URL is built by the site's URL module from an id that passed the paper-id grammar.
 *
 * A shared list is never written over the reader's own: the page shows it and offers to add it.
 */
import { othersText } from '../lib/author-list.ts';
import { countOf } from '../lib/count.ts';
import { formatDate } from '../lib/dates.ts';
import { directionAttribute, scriptLanguage } from '../lib/direction.ts';
import { digestDayDetail, quotedTitle, titleDetails } from '../lib/distinct-names.ts';
import {
  bibFileName,
  idsFromFragment,
  PARALLEL_REQUESTS,
  READING_LIST_LIMIT,
  readingListBib,
  shareFragment,
  summaryAuthorLine,
  summaryOf,
  type PaperSummary,
} from '../lib/reading-list.ts';
import { shortened } from '../lib/shortened.ts';
import { createUrls, type Urls } from '../lib/urls.ts';
import { announce, openReadingList, prepareAnnouncements, type ReadingList } from './reading-list.ts';

/** A listed paper: its summary, or why there is none. */
type Loaded = { summary: PaperSummary } | { missing: true } | { failed: true };

/**
 * Runs `task` on every item, at most PARALLEL_REQUESTS at a time, and returns the results in
 * order; `progress` hears how many are done after each one.
 */
async function mapLimited<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  progress?: (done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
      progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, items.length) }, worker));
  return results;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const found = root.querySelector<T>(`[data-saved-${name}]`);
  if (!found) throw new Error(`/saved/ without [data-saved-${name}]`);
  return found;
}

class SavedPage {
  private readonly loaded = new Map<string, Promise<Loaded>>();
  private shown: string[] = [];
  private rendering = 0;
  /** The fragment the list shown came from (a shared link's, or '' for the reader's own). */
  private shownFragment: string | undefined;
  /** A list opened (page load or another link in this tab) whose 'Showing…' is still to be said. */
  private opening = false;

  private readonly root: HTMLElement;
  private readonly urls: Urls;
  private readonly list: ReadingList | undefined;

  constructor(root: HTMLElement, urls: Urls, list: ReadingList | undefined) {
    this.root = root;
    this.urls = urls;
    this.list = list;
  }

  private load(id: string): Promise<Loaded> {
    let loading = this.loaded.get(id);
    if (!loading) {
      loading = fetch(this.urls.paperJson(id))
        .then(async (response): Promise<Loaded> => {
          if (!response.ok) {
            // Not this page's data (a 404 page, an error page): leave the body unread.
            void response.body?.cancel().catch(() => undefined);
            return response.status === 404 ? { missing: true } : { failed: true };
          }
          const summary = summaryOf(await response.json(), id);
          return summary ? { summary } : { failed: true };
        })
        .catch((): Loaded => ({ failed: true }));
      this.loaded.set(id, loading);
    }
    return loading;
  }

  /** Shows the shared list of the fragment if there is one, else the reader's own. */
  async render(): Promise<void> {
    const run = ++this.rendering;
    const shared = idsFromFragment(location.hash);
    const own = shared ? undefined : this.list?.stored();
    const ids = shared ? shared.ids : (own?.ids ?? []);
    // A long list takes a while to fetch: say so rather than show nothing, show how far it got
    // (a progress bar, which screen readers read when asked, not at each step), and say once
    // what was found when it is done.
    // A list is opened when the page loads and when another link opens in this tab (a hash
    // change); not when the list shown changes (a Remove here, a save in another tab).
    // The reader's own list is one list whatever the fragment (the skip link's #main, a fragment
    // that is no list): moving between those opens nothing.
    const source = shared ? location.hash : '';
    const opened = source !== this.shownFragment || this.shown.length === 0;
    this.shownFragment = source;
    const loading = ids.length > 0 && opened;
    // An empty list opened says nothing; one superseded by a change still has to be said.
    this.opening = loading || (this.opening && !opened);
    const progress = part<HTMLProgressElement>(this.root, 'progress');
    if (loading) {
      part(this.root, 'status').textContent = `Loading ${countOf(ids.length, 'paper')}…`;
      progress.max = ids.length;
      progress.value = 0;
      progress.hidden = false;
    }
    const results = await mapLimited(
      ids,
      (id) => this.load(id),
      (done) => {
        if (run === this.rendering) progress.value = done;
      },
    );
    if (run !== this.rendering) return; // a newer render (hash change, other tab) has started
    progress.hidden = true;

    // The paper whose Remove has the focus, and where it was: if it goes (removed here or in
    // another tab), the focus goes to the next paper's Remove, not to the page's start.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusedId = focused && this.root.contains(focused) ? focused.dataset.savedRemove : undefined;
    const focusedAt = focusedId === undefined ? -1 : this.shown.indexOf(focusedId);

    this.shown = ids;
    const found = results.flatMap((result) => ('summary' in result ? [result.summary] : []));
    const missing = ids.filter((_, index) => 'missing' in results[index]!);
    const failed = ids.filter((_, index) => 'failed' in results[index]!);

    this.showLinkProblem(shared ? '' : location.hash);
    part(this.root, 'shared').hidden = !shared;
    const heading = shared ? 'A shared reading list' : 'Your reading list';
    part(this.root, 'heading').textContent = heading;
    // The tab and history name the list shown (the page's own title names the reader's list).
    document.title = document.title.replace(/^(A shared reading list|Your reading list)/, heading);
    part(this.root, 'empty').hidden = Boolean(shared) || !this.list || ids.length > 0;
    part(this.root, 'unavailable').hidden = Boolean(shared) || Boolean(this.list);
    part(this.root, 'actions').hidden = found.length === 0;
    part(this.root, 'share').hidden = Boolean(shared);
    if (shared) this.showSharedSummary(shared, found, missing);
    // The link shares the papers the list shows, not ids the digest no longer has (listed apart,
    // to be removed): those would only tell whoever opens it that they are missing. A paper that
    // could not be loaded this time is still shared.
    else this.showShareLink(ids.filter((id) => !missing.includes(id)));

    this.fillList(found, !shared);
    this.fillMissing(missing, !shared);
    const said: string[] = [];
    // Said by the render that finishes, though a newer one (a save in another tab) took over.
    if (this.opening) {
      this.opening = false;
      said.push(
        `Showing ${countOf(found.length, 'paper')}` +
          (missing.length > 0 ? `; ${countOf(missing.length, 'is', 'are')} not in this digest.` : '.'),
      );
    }
    if (failed.length > 0)
      said.push(`${countOf(failed.length, 'paper')} could not be loaded; reload the page to try again.`);
    // Stored by another version or script: kept, never cut unseen, so say they are there.
    const beyond = own?.beyondLimit.length ?? 0;
    if (beyond > 0) {
      said.push(
        `Your reading list holds ${countOf(ids.length + beyond, 'paper')}, more than this page shows ` +
          `(${READING_LIST_LIMIT.toLocaleString('en')}): the ` +
          countOf(beyond, 'paper saved longest ago is', 'papers saved longest ago are') +
          ' kept, but not shown, shared or downloaded. Remove some to see them.',
      );
    }
    part(this.root, 'status').textContent = said.join(' ');
    if (focusedAt >= 0 && !focused!.isConnected) this.refocusRemove(focusedId!, focusedAt);
  }

  /**
   * Gives the focus back to the Remove of paper `id` (the list was drawn again), or if it is gone
   * to that of the first paper now at or after its `position`, else the last one, else the heading.
   */
  private refocusRemove(id: string, position: number) {
    const buttons = [...this.root.querySelectorAll<HTMLButtonElement>('[data-saved-remove]')];
    const next =
      buttons.find((button) => button.dataset.savedRemove === id) ??
      buttons.find((button) => this.shown.indexOf(button.dataset.savedRemove!) >= position);
    (next ?? buttons.at(-1) ?? part(this.root, 'heading')).focus();
  }

  private showSharedSummary(
    shared: NonNullable<ReturnType<typeof idsFromFragment>>,
    found: PaperSummary[],
    missing: string[],
  ) {
    const notes = [`This link lists ${countOf(shared.ids.length, 'paper')}.`];
    if (missing.length > 0) notes.push(`${countOf(missing.length, 'of them is', 'of them are')} not in this digest.`);
    if (shared.rejected > 0) {
      notes.push(
        `${countOf(shared.rejected, 'entry of the link is not a paper id', 'entries of the link are not paper ids')}: left out.`,
      );
    }
    if (shared.overLimit > 0) {
      notes.push(
        `It holds ${countOf(shared.overLimit, 'more paper', 'more papers')} than a list can: only the first ${shared.ids.length.toLocaleString('en')} are shown.`,
      );
    }
    part(this.root, 'shared-summary').textContent = notes.join(' ');
    const add = part<HTMLButtonElement>(this.root, 'add');
    const stored = this.list?.stored();
    const saved = new Set([...(stored?.ids ?? []), ...(stored?.beyondLimit ?? [])]);
    const toAdd = found.filter((paper) => !saved.has(paper.id)).length;
    add.hidden = !this.list || found.length === 0;
    // aria-disabled, not disabled: a disabled button drops the focus of the reader who just pressed it.
    add.setAttribute('aria-disabled', String(toAdd === 0));
    add.textContent =
      toAdd === 0 ? 'All of these are in your reading list' : `Add ${countOf(toAdd, 'paper')} to your reading list`;
  }

  /**
   * A fragment that is neither a shared list nor a place on this page (`#ids=…`, `#papers` cut
   * short, a link mangled on its way): the reader followed a link expecting a list, so say that
   * it holds none rather than show their own list as if it were the link's. The fragment is
   * quoted as text, cut short, in a <bdi> so that its own direction marks stay inside the quote.
   */
  private showLinkProblem(hash: string) {
    const problem = part(this.root, 'link-problem');
    const fragment = hash.replace(/^#/, '');
    let target = fragment;
    try {
      target = decodeURIComponent(fragment);
    } catch {
      // A malformed escape names no element: the fragment is a broken link.
    }
    problem.hidden = fragment === '' || document.getElementById(target) !== null;
    if (problem.hidden) {
      problem.replaceChildren();
      return;
    }
    const quoted = element('bdi');
    quoted.append(element('code', undefined, `#${shortened(fragment)}`));
    problem.replaceChildren(
      'This link ends in ',
      quoted,
      `, which is not a reading list (a shared list's link ends in #papers= and the papers' ids). ` +
        (this.list ? 'Showing your own reading list instead.' : 'No papers to show.'),
    );
  }

  private showShareLink(ids: string[]) {
    const link = part<HTMLAnchorElement>(this.root, 'share-link');
    link.href = `${this.urls.saved()}#${shareFragment(ids)}`;
    link.textContent = link.href; // the resolved, absolute URL
  }

  private fillList(papers: PaperSummary[], removable: boolean) {
    const list = part(this.root, 'list');
    // Papers of one title: their links and Remove buttons also say what tells them apart.
    const details = titleDetails(
      papers,
      (paper) => paper.title,
      (paper) => [digestDayDetail(paper.date), paper.id],
    );
    list.replaceChildren(
      ...papers.map((paper) => {
        const item = element('li');
        item.dataset.savedPaper = paper.id;
        const text = element('div', 'saved-paper');
        const title = element('h2', 'saved-title');
        // The direction of most of its letters where its first letter says otherwise (global.css).
        const dir = directionAttribute(paper.title);
        if (dir) title.dir = dir;
        // A title most of whose letters are of a script other than Latin says so, as a card does.
        const lang = scriptLanguage(paper.title);
        if (lang) title.lang = lang;
        const link = element('a', undefined, paper.title);
        link.href = this.urls.paper(paper.id);
        const detail = details.get(paper);
        if (detail) link.append(element('span', 'visually-hidden', ` (${detail})`));
        title.append(link);
        const date = element('time', undefined, formatDate(paper.date));
        date.dateTime = paper.date;
        const meta = element('p', 'meta', 'Digest of ');
        meta.append(date);
        text.append(title, this.authorLine(paper), meta);
        item.append(text);
        if (removable) item.append(this.removeButton(paper.id, quotedTitle(paper.title, detail)));
        return item;
      }),
    );
  }

  /**
   * The authors as the paper pages show them (PaperMeta.astro): each name in its own `.author`
   * element, which the stylesheet isolates, so two right-to-left names in a row keep the list's
   * order; one string would be one run of text, its right-to-left names drawn in reverse. The
   * commas stay plain text between them: the line reads as before.
   */
  private authorLine(paper: PaperSummary): HTMLParagraphElement {
    const line = element('p', 'authors');
    const { names, others } = summaryAuthorLine(paper);
    names.forEach((name, position) => {
      if (position > 0) line.append(', ');
      line.append(element('span', 'author', name));
    });
    if (others > 0) line.append(`, ${othersText(others)}`);
    return line;
  }

  private fillMissing(ids: string[], removable: boolean) {
    part(this.root, 'missing').hidden = ids.length === 0;
    part(this.root, 'missing-list').replaceChildren(
      ...ids.map((id) => {
        const item = element('li');
        item.append(element('code', undefined, id));
        if (removable) item.append(this.removeButton(id, quotedTitle(id)));
        return item;
      }),
    );
  }

  /** A Remove button; `name` is the paper's quoted title (quotedTitle), as its messages say it. */
  private removeButton(id: string, name: string): HTMLButtonElement {
    const button = element('button', 'saved-button', 'Remove');
    button.type = 'button';
    button.dataset.savedRemove = id;
    button.setAttribute('aria-label', `Remove ${name} from your reading list`);
    button.addEventListener('click', () => void this.remove(id, name));
    return button;
  }

  private async remove(id: string, name: string) {
    announce(
      this.list?.remove(id)
        ? `Removed ${name} from your reading list.`
        : `${name} is still in your reading list: this browser refused to store the change.`,
    );
    // Keyboard readers stay where they were: render moves the focus to the next paper's Remove.
    await this.render();
  }

  async addShared(): Promise<void> {
    if (!this.list) return;
    const results = await Promise.all(this.shown.map((id) => this.load(id)));
    const inDigest = this.shown.filter((_, index) => 'summary' in results[index]!);
    const { added, overLimit, refused } = this.list.add(inDigest);
    await this.render();
    // After rendering, which clears the status it writes.
    part(this.root, 'status').textContent = refused
      ? 'Nothing was added: this browser refused to store the reading list (its storage may be full).'
      : `Added ${countOf(added.length, 'paper')} to your reading list.` +
        (overLimit.length > 0
          ? ` ${countOf(overLimit.length, 'paper')} did not fit: a list holds at most ${READING_LIST_LIMIT.toLocaleString('en')}.`
          : '');
  }

  /** The shown papers' BibTeX entries, from the `.bib` file the site publishes for each, as one download. */
  async downloadBib(): Promise<void> {
    const status = part(this.root, 'status');
    status.textContent = 'Preparing the BibTeX file…';
    const results = await Promise.all(this.shown.map((id) => this.load(id)));
    // Every paper but those the digest does not have: one whose summary failed to load (shown as
    // such) may still have its entry, and if not it is counted below, never silently left out.
    const ids = this.shown.filter((_, index) => !('missing' in results[index]!));
    const absent = this.shown.length - ids.length;
    const entries = await mapLimited(ids, (id) =>
      fetch(this.urls.paperBib(id))
        .then((response) => (response.ok ? response.text() : undefined))
        .catch(() => undefined),
    );
    const { file, written, lost } = readingListBib(entries);
    const name = download(file, 'application/x-bibtex', bibFileName(new Date()));
    status.textContent =
      `Downloaded ${countOf(written, 'BibTeX entry', 'BibTeX entries')} as ${name}.` +
      (lost > 0 ? ` ${countOf(lost, 'entry', 'entries')} could not be loaded.` : '') +
      absentNote(absent);
  }

  /**
   * The shown papers as one RIS file (Zotero, EndNote, Mendeley), written here from the summaries
   * already fetched (`/papers/<id>.json` holds each paper's citation facts): no request more.
   */
  async downloadRis(): Promise<void> {
    const status = part(this.root, 'status');
    status.textContent = 'Preparing the RIS file…';
    const results = await Promise.all(this.shown.map((id) => this.load(id)));
    const inDigest = results.filter((result) => !('missing' in result));
    const absent = results.length - inDigest.length;
    // Loaded when asked for: the page itself stays as light with the RIS writer as without it.
    const { readingListRis, risFileName } = await import('../lib/reading-list-ris.ts');
    const { file, written, lost } = readingListRis(
      inDigest.map((result) => ('summary' in result ? result.summary : undefined)),
    );
    const name = download(file, 'application/x-research-info-systems', risFileName(new Date()));
    status.textContent =
      `Downloaded ${countOf(written, 'RIS record')} as ${name}.` +
      (lost > 0 ? ` ${countOf(lost, 'record')} could not be loaded; reload the page to try again.` : '') +
      absentNote(absent);
  }
}

/** Saves `text` as a file named `name` (the browser's download); returns the name. */
function download(text: string, type: string, name: string): string {
  const link = element('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}

/** What a download's status says of saved papers the digest does not have. */
function absentNote(absent: number): string {
  return absent > 0
    ? ` ${countOf(absent, 'saved paper is', 'saved papers are')} not in this digest, so not in the file.`
    : '';
}

/**
 * A link to a place on this page (the skip link's `#main`) would write its fragment into the
 * address, where /saved/ reads a shared list (`#papers=…`): the shared list would give way to the
 * reader's own, and the address would no longer share it. Here such a link moves the reader to its
 * place (scrolled to, and focused, so the next Tab starts there) and leaves the address as it is.
 */
function keepFragmentOnPlaceLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    const place = link && document.getElementById(link.getAttribute('href')!.slice(1));
    if (!place) return;
    event.preventDefault();
    if (!place.hasAttribute('tabindex')) place.tabIndex = -1;
    place.focus({ preventScroll: true });
    place.scrollIntoView();
  });
}

export function initSavedPage(): void {
  const root = document.querySelector<HTMLElement>('[data-saved-page]');
  const base = root?.dataset.savedBase;
  if (!root || base === undefined || root.dataset.savedReady) return;
  root.dataset.savedReady = 'true';
  part(root, 'needs-script').hidden = true;
  const list = openReadingList(base);
  prepareAnnouncements();
  const page = new SavedPage(root, createUrls({ base, site: location.origin }), list);
  const add = part(root, 'add');
  add.addEventListener('click', () => {
    if (add.getAttribute('aria-disabled') !== 'true') void page.addShared();
  });
  part(root, 'bib').addEventListener('click', () => void page.downloadBib());
  part(root, 'ris').addEventListener('click', () => void page.downloadRis());
  keepFragmentOnPlaceLinks();
  window.addEventListener('hashchange', () => void page.render());
  list?.onChange(() => void page.render());
  void page.render();
}

initSavedPage();
