// The flow suite: the whole story with the built-in provisioner against the mock, from app set-up
// to deletion, one check per step (FL-…). A check runs the steps before it when they have not run.
import type { MockOptions } from '../../mock-server/server.ts';
import type { Check, SuiteDefinition } from '../runner/check.ts';
import { LIFECYCLE_STEPS } from './lifecycle-steps.ts';
import { SETUP_STEPS } from './setup-steps.ts';
import { FlowStory, type FlowStep } from './story.ts';

const FLOW_STEPS: readonly FlowStep[] = [...SETUP_STEPS, ...LIFECYCLE_STEPS];

function checkFor(step: FlowStep, index: number, mockOptions: MockOptions): Check {
  return {
    id: step.id,
    area: step.area,
    title: step.title,
    level: 'MUST',
    references: step.references,
    profiles: ['aws', 'rfc7644'],
    // The flow talks to a mock of its own, never to the run's target.
    readOnly: true,
    timeoutMs: 60_000,
    run: async (ctx) => {
      const story = await ctx.memo('flow-story', () => FlowStory.start(ctx, mockOptions));
      await story.reach(FLOW_STEPS, index, ctx);
      await step.verify(story);
    },
  };
}

/** The suite; `mockOptions` shape the AWS side (tests use it to make AWS refuse something). */
export function flowSuite(mockOptions: MockOptions = {}): SuiteDefinition {
  return {
    name: 'flow',
    title: 'flow: the built-in provisioner against the mock, set-up to deletion',
    checks: FLOW_STEPS.map((step, index) => checkFor(step, index, mockOptions)),
  };
}

export const FLOW_SUITE: SuiteDefinition = flowSuite();
