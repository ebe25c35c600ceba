/**
 * Runs `task` over `items` a slice at a time: enough files in flight to keep the disk busy, few
 * enough to stay far below the open-file limit at a hundred thousand pages. `each`, if given,
 * receives every result in the order of `items`, a slice at a time, so no more than one slice of
 * results is ever held.
 */
export async function inSlices<Item, Result>(
  items: readonly Item[],
  task: (item: Item) => Promise<Result>,
  each?: (item: Item, result: Result) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += 256) {
    const slice = items.slice(start, start + 256);
    const results = await Promise.all(slice.map(task));
    if (each) slice.forEach((item, index) => each(item, results[index]!));
  }
}
