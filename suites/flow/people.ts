// The flow's cast: three directory users, two groups and one app, named with the run's prefix.
import type { FlowPerson, FlowStory } from './story.ts';

export const APP = 'aws-identity-center';
export const POLICY = 'aws-access';

export function groupNames(story: FlowStory): { staff: string; engineering: string } {
  return { staff: `${story.prefix}staff`, engineering: `${story.prefix}engineering` };
}

export function people(story: FlowStory): {
  ada: FlowPerson;
  grace: FlowPerson;
  linus: FlowPerson;
} {
  const person = (first: string, last: string, jobTitle: string): FlowPerson => ({
    userName: `${story.prefix}${first.toLowerCase()}.${last.toLowerCase()}@example.test`,
    firstName: first,
    lastName: last,
    email: `${story.prefix}${first.toLowerCase()}@example.test`,
    jobTitle,
  });
  return {
    ada: person('Ada', 'Lovelace', 'Analyst'),
    grace: person('Grace', 'Hopper', 'Rear Admiral'),
    linus: person('Linus', 'Torvalds', 'Maintainer'),
  };
}
