import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaggedPapers } from '../../src/content/new-papers.ts';
import { acceptedTags, createTagProposer, type TaggedPaper } from '../../src/content/suggest-tags.ts';
import { loadTopics } from '../../src/content/vocabulary.ts';
import { projectRoot } from '../helpers/build.ts';

const topics = loadTopics(join(projectRoot, 'content/topics.yaml'));

describe('tag proposals on the seed, leave-one-out', async () => {
  const seed = await readTaggedPapers(join(projectRoot, 'content/papers/2025'), (path) => path);

  // Each paper's tags are hidden: it is proposed tags from the 54 others and the topic descriptions.
  const runs = seed.map((paper, index) => ({
    paper,
    proposals: createTagProposer(
      seed.filter((_, other) => other !== index),
      topics,
    )(paper),
  }));
  const share = (hit: (run: (typeof runs)[number]) => boolean) => runs.filter(hit).length;

  it('reads the whole seed', () => {
    expect(seed).toHaveLength(55);
    expect(seed.every((paper) => paper.tags.length > 0 && paper.text.length > 200)).toBe(true);
  });

  // Measured: 44 of 55 (top 1), 51 of 55 (top 3), 51 of 55 (the tags --accept-suggested writes).
  it('proposes the first tag first for at least 40 of 55 papers', () => {
    expect(share(({ paper, proposals }) => proposals[0]?.tag === paper.tags[0])).toBeGreaterThanOrEqual(40);
  });

  it('has the first tag among the top three for at least 48 of 55 papers', () => {
    expect(
      share(({ paper, proposals }) => proposals.slice(0, 3).some((proposal) => proposal.tag === paper.tags[0])),
    ).toBeGreaterThanOrEqual(48);
  });

  it('writes the first tag, with --accept-suggested, for at least 47 of 55 papers', () => {
    expect(share(({ paper, proposals }) => acceptedTags(proposals).includes(paper.tags[0]!))).toBeGreaterThanOrEqual(
      47,
    );
  });
});

describe('tag proposals', () => {
  const topicTexts = [
    { slug: 'graphs', label: 'Graphs', description: 'Neural networks on graphs and message passing.' },
    { slug: 'kernels', label: 'Kernels', description: 'Kernel machines and random features.' },
    { slug: 'ponds', label: 'Ponds', description: 'Ducks, frogs and lily pads.' },
  ];
  const digest: TaggedPaper[] = [
    {
      id: 'a',
      title: 'Message passing on graphs',
      text: 'A graph network passes messages between nodes.',
      tags: ['graphs'],
    },
    { id: 'b', title: 'Random features', text: 'Kernel regression with random features is fast.', tags: ['kernels'] },
    {
      id: 'c',
      title: 'Deeper message passing',
      text: 'Graph networks with many message passing layers.',
      tags: ['graphs', 'kernels'],
    },
  ];
  const propose = createTagProposer(digest, topicTexts);

  it('ranks the neighbours’ tags, with scores from 0 to 1 in falling order', () => {
    const proposals = propose({ title: 'Graph message passing', text: 'Messages between the nodes of a graph.' });
    expect(proposals[0]!.tag).toBe('graphs');
    for (const [index, proposal] of proposals.entries()) {
      expect(proposal.score).toBeGreaterThan(0);
      expect(proposal.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(proposal.score).toBeLessThanOrEqual(proposals[index - 1]!.score);
    }
  });

  it('proposes a topic no paper has yet, from its description', () => {
    const proposals = propose({ title: 'Frogs on lily pads', text: 'Where ducks and frogs rest in a pond.' });
    expect(proposals[0]!.tag).toBe('ponds');
  });

  it('proposes nothing for a paper with nothing in common with the digest or the topics', () => {
    expect(propose({ title: 'Zyxxy', text: 'Qwertz uiop.' })).toEqual([]);
  });

  it('never proposes a tag that is not a topic', () => {
    const stale = createTagProposer([{ ...digest[0]!, tags: ['retired-topic'] }, ...digest.slice(1)], topicTexts);
    const tags = stale({ title: 'Message passing on graphs', text: 'Graph nodes pass messages.' }).map((p) => p.tag);
    expect(tags).not.toContain('retired-topic');
  });

  it('accepts the best proposal and those nearly as good, up to three, none below the floor', () => {
    const scored = (...scores: number[]) => scores.map((score, index) => ({ tag: `t${index}`, score }));
    expect(acceptedTags(scored(0.9, 0.6, 0.5, 0.2))).toEqual(['t0', 't1']);
    expect(acceptedTags(scored(0.5, 0.45, 0.4, 0.35))).toEqual(['t0', 't1', 't2']);
    expect(acceptedTags(scored(0.1, 0.09))).toEqual([]);
    expect(acceptedTags([])).toEqual([]);
  });
});
