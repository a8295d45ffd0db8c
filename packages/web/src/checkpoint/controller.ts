import {
  type CccdCardQr,
  type CryptoProvider,
  readCccdCardQr,
  splitQrText,
  type VerifyResult,
  verify,
} from '@thonghanh/core';
import { flushSync } from 'react-dom';
import { type CannotVerify, cannotVerify, cannotVerifyWarning } from '../shared/cannot-verify.js';
import type { Lists } from '../shared/lists.js';
import type { ListsStore } from '../shared/lists-store.js';
import {
  type AreaList,
  type AreaStaff,
  type AreaUnit,
  type Checkpoint,
  type CheckpointApi,
  fitScanRecord,
  type Me,
  type ScanRecord,
} from './api.js';
import { type AreaMatch, findStaff, findUnit, lookup } from './area.js';
import { signal, type Tone } from './feedback.js';
import { kvGet, kvSet } from './idb.js';
import { DEFAULT_STALE_AFTER_MS, listsStaleWarning } from './list-age.js';
import { RepeatFilter } from './repeat-filter.js';
import { newScanId, type QueueStatus, type ScanQueue } from './scan-queue.js';
import type { ScanHit } from './scanner.js';

/**
 * The checkpoint app's state and everything that changes it, apart from React: a decoded
 * text becomes a verdict on screen, a sound, a vibration and a line in the scan log.
 */

export interface Session {
  me: Me;
  checkpoint: Checkpoint;
}

export interface Settings {
  staleAfterHours: number;
  sound: boolean;
}

export const DEFAULT_SETTINGS: Settings = { staleAfterHours: DEFAULT_STALE_AFTER_MS / 3600_000, sound: true };

/** A CCCD card QR read by the camera. */
export interface CardScan {
  text: string;
  card: CccdCardQr;
  at: number;
  /** The verdict (its `n`) the card was checked against, null while waiting for a permit. */
  usedBy: number | null;
}

/** A person checked against a unit's approved staff list (typed number or scanned card). */
export interface StaffCheck {
  query: string;
  staff: AreaStaff | null;
  source: 'typed' | 'card';
  /** No area list on the device: the person could not be looked up at all. */
  noList: boolean;
}

export interface VerdictState {
  /** Scan number on this device since the app opened: the React key of the verdict. */
  n: number;
  text: string;
  result: VerifyResult;
  at: number;
  /** For a valid permit checked with a card: whether the card is the holder's. */
  identity: { match: boolean; card: CccdCardQr } | null;
  /** The permit's or unit's entry in the area list: undefined without a list, null when absent. */
  areaUnit: AreaUnit | null | undefined;
  /** For a permit whose unit is in the area list: whether the holder is on its approved list. */
  onStaffList: boolean | null;
  staffCheck: StaffCheck | null;
  staleWarning: ReturnType<typeof listsStaleWarning>;
  /**
   * Set when the device lacked the list this verdict depends on: the verdict says nothing
   * about the permit (neutral screen, logged as `cannot_verify`), never "forged" or "valid".
   */
  cannotVerify: CannotVerify | null;
}

export interface ManualState {
  query: string;
  matches: AreaMatch[] | null;
}

export type Screen = 'scan' | 'verdict' | 'manual' | 'settings' | 'history';

export interface ListsInfo {
  trustFetchedAt: number | null;
  revokedFetchedAt: number | null;
  areaFetchedAt: number | null;
  areaVersion: string | number | null;
  keys: number;
  revoked: number;
}

export interface State {
  screen: Screen;
  verdict: VerdictState | null;
  card: CardScan | null;
  manual: ManualState;
  lists: ListsInfo;
  queue: QueueStatus;
  online: boolean;
  refreshing: boolean;
  /** The server no longer knows this device's session: sign in again (scanning goes on). */
  sessionExpired: boolean;
  settings: Settings;
  /** Ticks every minute so ages on screen stay true. */
  clock: number;
}

export interface ScanTiming {
  n: number;
  verdict: string;
  captureTime: number;
  callbackAt: number;
  decodedAt: number;
  verifiedAt: number;
  committedAt: number;
  rafAt?: number;
  paintAt?: number;
}

interface StoredArea {
  fetchedAt: number;
  list: AreaList;
  etag?: string | null;
}

const TONE_OF = (v: VerdictState): Tone =>
  v.cannotVerify
    ? 'neutral'
    : v.result.verdict !== 'valid'
      ? 'bad'
      : v.result.warnings.length > 0 || v.identity?.match === false
        ? 'warn'
        : 'good';

const EMPTY_TRUST = { updated: 0, keys: [], ignored: [] };

/** A card waits this long for the permit scanned after it. */
const CARD_WAIT_MS = 2 * 60_000;

export interface ControllerOptions {
  api: CheckpointApi;
  queue: ScanQueue;
  crypto: CryptoProvider;
  /** The trust and revocation lists, kept current (polled, retried while missing). */
  lists: ListsStore;
  session: Session;
  settings: Settings;
  /** Record per-scan timings for the benchmark. */
  timings?: ScanTiming[];
  /** The clock (ms); verification uses it too. Default Date.now. */
  now?: () => number;
  /** Runs work after the verdict is painted (default: next frame, then a task). */
  afterPaint?: (fn: () => void) => void;
  /** Sound and vibration of a verdict (default feedback.ts). */
  signal?: (tone: Tone, sound: boolean) => void;
  /** Whether the device says it is online (default navigator.onLine). */
  isOnline?: () => boolean;
}

const paintThen = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

export class Controller {
  readonly api: CheckpointApi;
  readonly queue: ScanQueue;
  readonly session: Session;
  private readonly crypto: CryptoProvider;
  private readonly store: ListsStore;
  private readonly filter = new RepeatFilter(3_000);
  private readonly timings: ScanTiming[] | undefined;
  private readonly now: () => number;
  private readonly afterPaint: (fn: () => void) => void;
  private readonly signal: (tone: Tone, sound: boolean) => void;
  private readonly isOnline: () => boolean;
  private lists: Lists | null = null;
  private area: StoredArea | null = null;
  private n = 0;
  private listeners = new Set<() => void>();
  state: State;

  constructor(o: ControllerOptions) {
    this.api = o.api;
    this.queue = o.queue;
    this.crypto = o.crypto;
    this.store = o.lists;
    this.session = o.session;
    this.timings = o.timings;
    this.now = o.now ?? Date.now;
    this.afterPaint = o.afterPaint ?? paintThen;
    this.signal = o.signal ?? signal;
    this.isOnline = o.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    this.state = {
      screen: 'scan',
      verdict: null,
      card: null,
      manual: { query: '', matches: null },
      lists: {
        trustFetchedAt: null,
        revokedFetchedAt: null,
        areaFetchedAt: null,
        areaVersion: null,
        keys: 0,
        revoked: 0,
      },
      queue: o.queue.status,
      online: this.isOnline(),
      refreshing: false,
      sessionExpired: false,
      settings: o.settings,
      clock: this.now(),
    };
    o.queue.subscribe((queue) => this.set({ queue }, false));
    o.lists.subscribe((lists) => this.onLists(lists));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): State => this.state;

  /** Changes the state; `sync` commits to the DOM now (a verdict must not wait for a task). */
  set(patch: Partial<State>, sync = true): void {
    this.state = { ...this.state, ...patch };
    const notify = () => {
      for (const l of this.listeners) l();
    };
    if (sync) flushSync(notify);
    else notify();
  }

  get staleAfterMs(): number {
    return Math.max(1, this.state.settings.staleAfterHours) * 3600_000;
  }

  private listsInfo(): ListsInfo {
    return {
      trustFetchedAt: this.lists?.trustFetchedAt ?? null,
      revokedFetchedAt: this.lists?.revokedFetchedAt ?? null,
      areaFetchedAt: this.area?.fetchedAt ?? null,
      areaVersion: this.area?.list.version ?? null,
      keys: this.lists?.trust.keys.length ?? 0,
      revoked: this.lists?.revoked.revoked.size ?? 0,
    };
  }

  /** The lists kept on the device: enough to verify at once, with no network. */
  async loadCached(): Promise<void> {
    const [, area] = await Promise.all([
      this.store.loadCached(),
      kvGet<StoredArea>(`area:${this.session.checkpoint.id}`).catch(() => undefined),
    ]);
    this.area = area ?? null;
    this.set({ lists: this.listsInfo() }, false);
  }

  /**
   * New lists (read from the device, fetched, or a 304 that renews their age). A verdict on
   * screen that could not be verified is verified again at once: the officer holding a valid
   * permit sees HỢP LỆ as soon as the lists arrive, without scanning again.
   */
  private onLists(lists: Lists): void {
    this.lists = lists;
    this.set({ lists: this.listsInfo(), ...(lists.offline ? {} : { online: true }) }, false);
    const v = this.state.verdict;
    if (this.state.screen === 'verdict' && v?.cannotVerify) void this.reverify(v);
  }

  private async reverify(v: VerdictState): Promise<void> {
    const card = this.state.card?.usedBy === v.n ? this.state.card : null;
    const result = await this.verifyText(v.text, card?.text);
    const current = this.state.verdict;
    if (current?.n !== v.n || this.state.screen !== 'verdict') return; // the officer moved on
    if (this.assess(result)?.reason === v.cannotVerify?.reason) return; // nothing new to show
    const next = this.buildVerdict(v.text, result, card);
    this.set({ verdict: next, ...(card ? { card: { ...card, usedBy: next.n } } : {}) });
    this.afterVerdict(next, null, performance.now());
    this.logAfterPaint(this.recordOf(next));
  }

  /**
   * Fetches the area list and the session's CSRF token, and with `lists` fresh trust and
   * revocation lists too (ETag: usually a 304; they are also polled on their own).
   */
  async refresh(lists = true): Promise<void> {
    if (this.state.refreshing) return;
    this.set({ refreshing: true }, false);
    try {
      await Promise.all([
        lists ? this.store.refresh() : null,
        this.api
          .areaList(this.session.checkpoint.id, this.area?.etag)
          .then(async (answer) => {
            if (answer.notModified && this.area) this.area = { ...this.area, fetchedAt: this.now() };
            else if (answer.list) this.area = { fetchedAt: this.now(), list: answer.list, etag: answer.etag };
            else return;
            await kvSet(`area:${this.session.checkpoint.id}`, this.area);
          })
          .catch(() => {}),
        this.api
          .me()
          .then(async (me) => {
            if (me) {
              this.session.me = me;
              this.set({ sessionExpired: false }, false);
              await kvSet('session', this.session);
            } else {
              this.set({ sessionExpired: true }, false);
            }
          })
          .catch(() => {}),
      ]);
      this.set({ lists: this.listsInfo(), online: !this.lists?.offline || this.isOnline() }, false);
    } finally {
      this.set({ refreshing: false }, false);
    }
  }

  setOnline(online: boolean): void {
    this.set({ online }, false);
  }

  tick(): void {
    this.set({ clock: this.now() }, false);
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.set({ settings });
    await kvSet('settings', settings);
  }

  private checkpointWard(): string {
    return this.session.checkpoint.wardCode;
  }

  private async verifyText(text: string, cccdQr: string | undefined): Promise<VerifyResult> {
    const lists = this.lists;
    return verify(text, {
      crypto: this.crypto,
      trust: lists?.trust ?? EMPTY_TRUST,
      revoked: lists?.revoked,
      at: this.now(),
      checkpointWard: this.checkpointWard(),
      cccdQr,
    });
  }

  private staleWarning(result: VerifyResult) {
    if (result.verdict !== 'valid') return null;
    return listsStaleWarning(this.lists?.trustFetchedAt, this.lists?.revokedFetchedAt, this.now(), this.staleAfterMs);
  }

  /** Whether the lists on the device were enough for this result to mean anything. */
  private assess(result: VerifyResult): CannotVerify | null {
    const times = { trustFetchedAt: this.lists?.trustFetchedAt, revokedFetchedAt: this.lists?.revokedFetchedAt };
    return cannotVerify(result, times, this.now(), this.staleAfterMs);
  }

  private buildVerdict(text: string, result: VerifyResult, card: CardScan | null): VerdictState {
    const n = ++this.n;
    const permit = result.claims?.permit;
    const unit = result.claims?.unit;
    const taxCode = permit?.unitTaxCode ?? unit?.unitTaxCode;
    const areaUnit = this.area && taxCode ? findUnit(this.area.list, taxCode) : this.area ? null : undefined;
    const identity =
      card && permit && result.verdict === 'valid'
        ? { match: !result.warnings.includes('identity_mismatch'), card: card.card }
        : null;
    const unverifiable = this.assess(result);
    return {
      n,
      text,
      result,
      at: this.now(),
      identity,
      areaUnit,
      onStaffList: areaUnit && permit ? findStaff(areaUnit, permit.idNumber) !== null : null,
      staffCheck: null,
      staleWarning: unverifiable ? null : this.staleWarning(result),
      cannotVerify: unverifiable,
    };
  }

  /** A text from the camera. Repeats within a few seconds are ignored. */
  onHit = async (hit: ScanHit): Promise<void> => {
    if (!this.filter.accept(hit.text, hit.decodedAt)) return;
    const text = hit.text;
    if (!splitQrText(text)) {
      const card = readCccdCardQr(text);
      if (card) return this.onCard(text, card, hit);
    }
    const pending = this.state.card;
    const card = pending && pending.usedBy === null && this.now() - pending.at < CARD_WAIT_MS ? pending : null;
    const result = await this.verifyText(text, card?.text);
    const verifiedAt = performance.now();
    const verdict = this.buildVerdict(text, result, card);
    this.set({
      screen: 'verdict',
      verdict,
      card: card ? { ...card, usedBy: verdict.n } : null,
    });
    this.afterVerdict(verdict, hit, verifiedAt);
    this.logAfterPaint(this.recordOf(verdict));
  };

  /** Writing the log (IndexedDB, then maybe a request) waits until the verdict is on screen. */
  private logAfterPaint(record: ScanRecord) {
    this.afterPaint(() => void this.log(record));
  }

  private afterVerdict(v: VerdictState, hit: ScanHit | null, verifiedAt: number) {
    const committedAt = performance.now();
    this.signal(TONE_OF(v), this.state.settings.sound);
    if (!this.timings || !hit) return;
    const t: ScanTiming = {
      n: v.n,
      verdict: v.result.verdict,
      captureTime: hit.captureTime,
      callbackAt: hit.callbackAt,
      decodedAt: hit.decodedAt,
      verifiedAt,
      committedAt,
    };
    this.timings.push(t);
    requestAnimationFrame(() => {
      t.rafAt = performance.now();
    });
  }

  /** A CCCD card: checks the permit or unit on screen, or waits for the permit. */
  private async onCard(text: string, card: CccdCardQr, hit: ScanHit): Promise<void> {
    const v = this.state.verdict;
    const now = this.now();
    if (this.state.screen === 'verdict' && v?.result.claims?.permit) {
      const result = await this.verifyText(v.text, text);
      const verifiedAt = performance.now();
      const scan: CardScan = { text, card, at: now, usedBy: null };
      const next = this.buildVerdict(v.text, result, scan);
      this.set({ verdict: next, card: { ...scan, usedBy: next.n } });
      this.afterVerdict(next, hit, verifiedAt);
      this.logAfterPaint(this.recordOf(next));
      return;
    }
    if (this.state.screen === 'verdict' && v?.result.claims?.unit) {
      this.checkStaff(card.cccd, 'card', card.oldId);
      return;
    }
    this.set({
      card: { text, card, at: now, usedBy: null },
      screen: this.state.screen === 'manual' ? 'manual' : 'scan',
    });
    this.signal('good', false);
  }

  /** The unit on screen: is this document number on its approved staff list? */
  checkStaff(query: string, source: 'typed' | 'card' = 'typed', alternative?: string): void {
    const v = this.state.verdict;
    const unit = v?.result.claims?.unit;
    if (!v || !unit) return;
    const areaUnit = v.areaUnit;
    let staff: AreaStaff | null = null;
    if (areaUnit) staff = findStaff(areaUnit, query) ?? (alternative ? findStaff(areaUnit, alternative) : null);
    // Without an area list on the device nobody can say the person is not on the list.
    const noList = areaUnit === undefined;
    const staffCheck: StaffCheck = { query: query.trim(), staff, source, noList };
    this.set({ verdict: { ...v, staffCheck } });
    this.signal(
      noList
        ? 'neutral'
        : staff && areaUnit?.status === 'approved' && v.result.verdict === 'valid' && !v.cannotVerify
          ? 'good'
          : 'bad',
      this.state.settings.sound,
    );
    void this.log({
      id: newScanId(),
      scannedAt: new Date(this.now()).toISOString(),
      verdict: noList ? 'cannot_verify' : staff ? 'manual_found' : 'manual_not_found',
      warnings: noList ? ['lists_missing'] : [],
      kind: 'manual',
      idNumber: staff?.idNumber ?? query.trim(),
      unitTaxCode: unit.unitTaxCode,
    });
  }

  /** Manual fallback: a typed serial or document number looked up in the area list. */
  manualLookup(query: string): void {
    const q = query.trim();
    const matches = lookup(this.area?.list ?? null, q);
    this.set({ screen: 'manual', manual: { query: q, matches } });
    if (!q) return;
    const first = matches[0];
    // No area list on the device: "not found" would say nothing about the person.
    const noList = this.area === null;
    void this.log({
      id: newScanId(),
      scannedAt: new Date(this.now()).toISOString(),
      verdict: noList ? 'cannot_verify' : first ? 'manual_found' : 'manual_not_found',
      warnings: noList ? ['lists_missing'] : [],
      kind: 'manual',
      ...(first?.by === 'serial' ? { serial: first.serial } : {}),
      ...(first?.by === 'idNumber' || !first ? { idNumber: first?.staff.idNumber ?? q } : {}),
      ...(first ? { unitTaxCode: first.unit.taxCode } : {}),
    });
  }

  hasArea(): boolean {
    return this.area !== null;
  }

  /** "Quét tiếp": back to the camera, forgetting the person just checked. */
  next(): void {
    this.set({ screen: 'scan', verdict: null, card: null, manual: { query: '', matches: null } });
  }

  show(screen: Screen): void {
    this.set({ screen });
  }

  clearCard(): void {
    this.set({ card: null });
  }

  private recordOf(v: VerdictState): ScanRecord {
    const c = v.result.claims;
    const warnings: ScanRecord['warnings'] = v.cannotVerify ? [] : [...v.result.warnings];
    const lacking = v.cannotVerify ? cannotVerifyWarning(v.cannotVerify) : null;
    if (lacking) warnings.push(lacking);
    else if (v.staleWarning) warnings.push('lists_stale');
    const record: ScanRecord = {
      id: newScanId(),
      scannedAt: new Date(v.at).toISOString(),
      // Neither valid nor invalid: the supervisor sees it, the statistics of forgeries do not count it.
      verdict: v.cannotVerify ? 'cannot_verify' : v.result.verdict,
      warnings,
      kind: v.result.kind ?? 'other',
    };
    if (c?.cti) record.cti = c.cti;
    if (c?.permit) {
      record.serial = c.permit.serial;
      record.idNumber = c.permit.idNumber;
      record.unitTaxCode = c.permit.unitTaxCode;
    } else if (c?.unit) {
      record.unitTaxCode = c.unit.unitTaxCode;
    }
    return record;
  }

  private async log(record: ScanRecord): Promise<void> {
    try {
      await this.queue.log(this.session.checkpoint.id, fitScanRecord(record));
    } catch (e) {
      console.error('scan log', e);
    }
  }
}
