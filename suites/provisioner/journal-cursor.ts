// Reads the mock's journal in slices: each call answers the entries recorded since the last one,
// so a step gets exactly the traffic it caused.
import type { AdminClient } from '../../mock-server/admin/client.ts';
import type { JournalEntry } from '../../mock-server/context.ts';

const JOURNAL_PAGE = 10_000;

export class JournalCursor {
  private seq = 0;

  constructor(private readonly admin: AdminClient) {}

  /** Entries since the last call, in arrival order. */
  async next(): Promise<JournalEntry[]> {
    const entries: JournalEntry[] = [];
    for (;;) {
      const page = await this.admin.journal({ sinceSeq: this.seq, limit: JOURNAL_PAGE });
      entries.push(...page);
      if (page.length > 0) this.seq = page[page.length - 1].seq;
      if (page.length < JOURNAL_PAGE) break;
    }
    // The journal records an entry when its answer finishes; arrival order is what a reader wants.
    return entries.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
  }
}
