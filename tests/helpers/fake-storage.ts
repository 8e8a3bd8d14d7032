/**
 * Web Storage stand-ins for the store tests: one that throws like the real thing on demand, and a
 * browser with several tabs whose writes reach each other late, as in Chromium.
 */
import type { KeyValueStorage } from "../../src/lib/storage.ts";

export type Failure = "getItem" | "setItem" | "removeItem" | "key";

/** In-memory Web Storage whose methods can be made to throw like the real thing. */
export class FakeStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  readonly failing = new Set<Failure>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(initial)) this.items.set(key, value);
  }

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    this.failIf("key");
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    this.failIf("getItem");
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.failIf("setItem");
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.failIf("removeItem");
    this.items.delete(key);
  }

  /** Every key but `key` that holds exactly `text`. */
  copiesOf(key: string, text: string): string[] {
    return [...this.items].filter(([k, v]) => k !== key && v === text).map(([k]) => k);
  }

  private failIf(method: Failure): void {
    if (this.failing.has(method)) {
      throw new DOMException(method, method === "setItem" ? "QuotaExceededError" : "SecurityError");
    }
  }
}

/** A write on its way from one tab's copy of storage to the browser and the other tabs. */
interface Put {
  readonly from: Tab;
  readonly key: string;
  readonly value: string | null;
}

/**
 * One tab's view of storage, as Chromium gives each renderer process: reads and writes hit the
 * tab's own copy at once; the browser applies writes in the order they arrive and passes them
 * on to the other tabs later, firing their "storage" event. A tab's copy ignores another's
 * write to a key while one of its own to that key is still on its way, since its own will land
 * after it; the event fires all the same (Chromium's CachedStorageArea does both).
 */
export class Tab implements KeyValueStorage {
  readonly cache: Map<string, string>;
  onStorage: (key: string, value: string | null) => void = () => undefined;

  constructor(private readonly browser: Browser) {
    this.cache = new Map(browser.items);
  }

  get length(): number {
    return this.cache.size;
  }

  key(index: number): string | null {
    return [...this.cache.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.cache.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.cache.set(key, value);
    this.browser.queue.push({ from: this, key, value });
  }

  removeItem(key: string): void {
    this.cache.delete(key);
    this.browser.queue.push({ from: this, key, value: null });
  }

  pending(key: string): boolean {
    return this.browser.queue.some((put) => put.from === this && put.key === key);
  }
}

export class Browser {
  readonly items = new Map<string, string>();
  readonly queue: Put[] = [];
  readonly tabs: Tab[] = [];

  open(): Tab {
    const tab = new Tab(this);
    this.tabs.push(tab);
    return tab;
  }

  /** Delivers the oldest write on its way; false when there is none. */
  deliverOne(): boolean {
    const put = this.queue.shift();
    if (put === undefined) return false;
    // As in Chromium, a write that changes nothing fires no event.
    const unchanged = (this.items.get(put.key) ?? null) === put.value;
    if (put.value === null) this.items.delete(put.key);
    else this.items.set(put.key, put.value);
    for (const tab of this.tabs) {
      if (tab === put.from) continue;
      if (!tab.pending(put.key)) {
        if (put.value === null) tab.cache.delete(put.key);
        else tab.cache.set(put.key, put.value);
      }
      if (!unchanged) tab.onStorage(put.key, put.value);
    }
    return true;
  }

  /** Delivers everything, including what the deliveries cause; throws if it never settles. */
  settle(limit = 10_000): void {
    for (let i = 0; i < limit; i += 1) if (!this.deliverOne()) return;
    throw new Error(`storage did not settle after ${limit} deliveries`);
  }
}
