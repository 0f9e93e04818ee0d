/**
 * FIFO mutex for the single PGlite session: whoever holds it is the only
 * client whose protocol messages reach the database.
 */
export class SessionGate {
  private isHeld = false;
  private readonly waiters: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.isHeld) {
      this.isHeld = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    // Hand over directly so a newcomer cannot jump the queue.
    if (next) next();
    else this.isHeld = false;
  }
}
