// The lessons, in the order of the listen path (issue 4): from what listen()'s backlog means to reading the tools.
import type { Lesson } from './types.ts';
import { backlogLesson } from './content/backlog.ts';
import { twoQueuesLesson } from './content/two-queues.ts';
import { acceptOverflowLesson } from './content/accept-overflow.ts';
import { abortOnOverflowLesson } from './content/abort-on-overflow.ts';
import { synFloodLesson } from './content/syn-flood.ts';
import { synCookiesLesson } from './content/syn-cookies.ts';
import { synackRetriesLesson } from './content/synack-retries.ts';
import { maxSynBacklogLesson } from './content/max-syn-backlog.ts';
import { relistenLesson } from './content/relisten.ts';
import { containerLesson } from './content/container.ts';
import { toolsLesson } from './content/tools.ts';

export const LESSONS: readonly Lesson[] = [
  backlogLesson,
  twoQueuesLesson,
  acceptOverflowLesson,
  abortOnOverflowLesson,
  synFloodLesson,
  synCookiesLesson,
  synackRetriesLesson,
  maxSynBacklogLesson,
  relistenLesson,
  containerLesson,
  toolsLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export type { Lesson } from './types.ts';
