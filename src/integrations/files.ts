/**
 * Runs `task` over `items` a slice at a time: enough files in flight to keep the disk busy, few
 * enough to stay far below the open-file limit at a hundred thousand pages.
 */
export async function inSlices<Item>(items: readonly Item[], task: (item: Item) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += 256) {
    await Promise.all(items.slice(start, start + 256).map(task));
  }
}
