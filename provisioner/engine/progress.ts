// Progress of a long run as short lines (`app1: 4,200/10,600 steps, 3 failed`), emitted at most
// every `intervalMs`; the CLI shows them as one live line on a terminal, plain lines otherwise.

export class Progress {
  private done = 0;
  private failed = 0;
  private lastEmit = 0;

  constructor(
    private readonly app: string,
    private readonly total: number,
    private readonly emit: ((line: string) => void) | undefined,
    private readonly intervalMs = 250,
  ) {}

  phase(name: string): void {
    this.emit?.(`${this.app}: ${name}`);
  }

  step(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    const now = Date.now();
    if (this.done === this.total || now - this.lastEmit >= this.intervalMs) {
      this.lastEmit = now;
      this.emit?.(this.line());
    }
  }

  line(): string {
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `${this.app}: ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} steps${failed}`;
  }
}
