// A hot group takes hundreds of events a second; open pages only need to hear that
// it changed, a few times a second at most. The first update of a group goes out at
// once, later ones within the window collapse into one trailing update carrying the
// latest state, so the last change is never lost.
export class GroupUpdateThrottle<T> {
  private readonly windows = new Map<string, { latest: T | null }>();

  constructor(
    private readonly windowMs: number,
    private readonly send: (item: T) => void,
  ) {}

  push(key: string, item: T): void {
    const open = this.windows.get(key);
    if (open) {
      open.latest = item;
      return;
    }
    this.send(item);
    this.openWindow(key);
  }

  private openWindow(key: string): void {
    const window = { latest: null as T | null };
    this.windows.set(key, window);
    const timer = setTimeout(() => {
      this.windows.delete(key);
      if (window.latest !== null) this.push(key, window.latest);
    }, this.windowMs);
    // Never keep a process alive just to send a live update.
    timer.unref?.();
  }
}
