// Every hostile-request family in one arbitrary, weighted so that cheap, varied requests
// dominate and megabyte bodies stay a small share of the run.
import fc from 'fast-check';

import type { BadRequest, Target } from './bad-request.ts';
import { brokenJson } from './broken-json.ts';
import { invalidCursors } from './cursors.ts';
import { invalidFilters } from './filters.ts';
import { headerAbuse } from './header-abuse.ts';
import { hugeInputs } from './huge-inputs.ts';
import { patchShapes } from './patch-shapes.ts';
import { pathTricks } from './path-tricks.ts';
import { unicodeEdges } from './unicode.ts';
import { wrongMethods } from './wrong-methods.ts';
import { wrongTypes } from './wrong-types.ts';

export type { BadRequest, LargeBody, Target } from './bad-request.ts';

export function badRequests(target: Target): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    { arbitrary: brokenJson(target), weight: 10 },
    { arbitrary: wrongTypes(target), weight: 14 },
    { arbitrary: hugeInputs(target), weight: 4 },
    { arbitrary: invalidFilters(target), weight: 10 },
    { arbitrary: invalidCursors(target), weight: 8 },
    { arbitrary: patchShapes(target), weight: 16 },
    { arbitrary: unicodeEdges(target), weight: 10 },
    { arbitrary: headerAbuse(target), weight: 12 },
    { arbitrary: pathTricks(target), weight: 10 },
    { arbitrary: wrongMethods(target), weight: 6 },
  );
}
