import type { KontorClient } from '@kontor/core';
import type { ErrorIssue, IssuePath, KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { SavedAddress } from '@kontor/core/orders';
import type { Occurrence, ScheduleForm, ScheduleInput, StandingOrderAction, StandingOrderRun, StandingOrdersClient, StandingOrderView, UpcomingRun, UpdateStandingOrderBody, WeekdayCode } from '@kontor/core/standing-orders';
import { formToRrule, localDay, rruleToForm } from '@kontor/core/standing-orders/schedule.rrule.js';
import { summarizeSchedule } from '@kontor/core/standing-orders/schedule.text.js';
import { DEFAULT_TIME_ZONE } from '@kontor/core/standing-orders/standing-order.schema.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { moveText, runResult } from '../../internal/standing-order-view.js';
import { standingOrdersOf } from '../../internal/standing-orders-client.js';
import type { StandingOrderChangeKind } from '../../events/kontor-standing-order-change.js';
import { common } from '../../translations/slices/common.js';
import { standingOrder } from '../../translations/slices/standingOrder.js';
import { standingOrderInfo } from '../../translations/slices/standingOrderInfo.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import { styles } from './standing-order.styles.js';

const standingOrderStrings = strings(common, standingOrderInfo, standingOrder);

const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const NTHS = [1, 2, 3, 4, -1] as const;
const UPCOMING = 12;
const HISTORY = 5;
const PREVIEW_DEBOUNCE_MS = 300;
type Payment = 'invoice' | 'prepayment';

/** What the form holds, as typed: numbers stay text until they are sent (the schemas say what is wrong). */
interface Draft {
  name: string;
  every: 'day' | 'week' | 'month';
  interval: string;
  weekdays: WeekdayCode[];
  on: 'day' | 'last_day' | 'nth_weekday';
  day: string;
  nth: string;
  weekday: WeekdayCode;
  start: string;
  end: 'none' | 'until' | 'count';
  until: string;
  count: string;
  /** Edit the schedule as RRULE text instead of the form. */
  text: boolean;
  rrule: string;
  lines: { sku: string; quantity: string }[];
  /** A saved address; `''`: keep the standing order's (a new one: the company's default). */
  addressId: string;
  /** `''`: keep the standing order's payment. */
  payment: Payment | '';
  scope: 'from_next_run' | 'one_run';
  occurrence: string;
}
const SCHEDULE_KEYS = new Set<keyof Draft>(['every', 'interval', 'weekdays', 'on', 'day', 'nth', 'weekday', 'start', 'end', 'until', 'count', 'text', 'rrule']);

/** The form's fields of a schedule (rrule: the text field). */
const SCHEDULE_FIELDS = ['interval', 'weekdays', 'on.day', 'nth', 'start', 'end.until', 'end.count', 'rrule'];

/** Where an issue of the API (or of the client's check before sending) is shown: the field's key, or `null` for the banner. */
function fieldOf(path: IssuePath): string | null {
  const p = path[0] === 'set' ? path.slice(1) : path;
  const [head, ...rest] = p;
  if (head === 'schedule') {
    if (rest[0] !== 'form') return 'rrule';
    const key = rest.slice(1).join('.');
    if (key.startsWith('weekdays')) return 'weekdays';
    if (key === 'on' || key.startsWith('on.')) return key === 'on.nth' || key === 'on.weekday' ? 'nth' : 'on.day';
    if (key === 'end') return 'end.until';
    return SCHEDULE_FIELDS.includes(key) ? key : 'rrule';
  }
  if (head === 'lines') return rest.length ? `lines.${String(rest[0])}` : 'lines';
  if (head === 'payment' || head === 'deliveryAddress' || head === 'name' || head === 'until' || head === 'occurrence') return head;
  return null;
}

const newKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * @summary One standing order: its schedule in words and the next 12 runs (each with why it moved), pause until a day or until resumed, resume, skip and unskip a run, order now, cancel with a confirmation, changes from the next run on or to one run; or a new one from a cart or a past order, with a schedule builder and RRULE text for what it cannot show.
 * @tag kontor-standing-order
 * @event kontor-standing-order-change - The server accepted a change made here. detail: `{ standingOrder, change, run }` (`change`: created, updated, paused, resumed, skipped, unskipped, ordered, cancelled; `run`: the run of order now).
 * @event kontor-order-select - The buyer chose the order a run placed (without `order-url`). detail: `{ orderId, number }`.
 * @event kontor-error - Loading or a change failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart title - The standing order's name (a heading; takes the focus after it was set up).
 * @csspart status - Its status as text (`data-status`).
 * @csspart notice - Why the current state is shown instead of a change (a stale version: 409).
 * @csspart error - The error banner.
 * @csspart facts - Schedule, next run, lines, delivery address and payment.
 * @csspart form - The form that sets it up or changes it.
 * @csspart schedule-builder - The schedule fields (or the RRULE text field).
 * @csspart summary - The schedule in words.
 * @csspart field-error - The error under a field.
 * @csspart runs - The list of the next runs.
 * @csspart run - One coming run (`data-status`: scheduled, skipped, paused).
 * @csspart moved - Why a run is not on the rule's day ("verschoben von Mo, 25.05. (Pfingstmontag)").
 * @csspart arrives - When a coming run's order would arrive ("Lieferung voraussichtlich Do, 02.07.2026"), planned with today's stock.
 * @csspart skip - A run's skip or unskip button.
 * @csspart actions - Pause, resume, order now and cancel.
 * @csspart confirm - The confirmation step of cancel and order now.
 * @csspart history - What past runs did.
 * @cssproperty --standing-order-border-color - Separators.
 * @cssproperty --standing-order-muted-color - Secondary text (moves, hints).
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-standing-order standing-order-id="sto_…"></kontor-standing-order>
 *   <kontor-standing-order from-cart="cart_…"></kontor-standing-order>
 * </kontor-shop>
 * ```
 */
export class KontorStandingOrder extends KontorElement<StringsOf<typeof standingOrderStrings>> {
  static override strings = standingOrderStrings;
  static override styles = [componentStyles, styles];

  private loadedKey?: unknown[];
  private abort?: AbortController;
  private previewAbort?: AbortController;
  private previewTimer?: ReturnType<typeof setTimeout>;
  /** The key of the create request being tried: a retry after a lost answer sends the same (the server answers with what it set up). */
  private createKey?: string;
  private actionKey?: { action: string; key: string };
  /** A selector to focus after the next render. */
  private focusNext?: string;

  @state() private so?: StandingOrderView;
  @state() private upcoming: UpcomingRun[] = [];
  @state() private history: StandingOrderRun[] = [];
  @state() private addresses: SavedAddress[] = [];
  @state() private status: 'initial' | 'loading' | 'ready' | 'error' = 'initial';
  @state() private error?: KontorError;
  /** A refused change or action: the banner. */
  @state() private actionError?: KontorError;
  /** Issues of the banner's error that no field shows. */
  @state() private actionIssues: ErrorIssue[] = [];
  @state() private fieldErrors: Record<string, string> = {};
  @state() private notice = '';
  @state() private announcement = '';
  @state() private busy: string | null = null;
  @state() private editing = false;
  @state() private confirming: 'cancel' | 'order_now' | null = null;
  @state() private pauseKind: 'open' | 'until' = 'until';
  @state() private pauseUntil = '';
  @state() private draft: Draft = this.emptyDraft();
  /** The next runs of the draft's schedule, from the preview endpoint. */
  @state() private preview: Occurrence[] | null = null;
  @state() private previewing = false;

  /** The standing order to show (`sto_…`). */
  @property({ attribute: 'standing-order-id', reflect: true }) standingOrderId = '';

  /** Set up a new one from this cart (`cart_…`); present but empty: the caller's current cart. */
  @property({ attribute: 'from-cart' }) fromCart: string | null = null;

  /** Set up a new one from this past order (`ord_…`): its lines, delivery address and payment. */
  @property({ attribute: 'source-order-id' }) sourceOrderId = '';

  /** Makes the number of an order a run placed a link: `{id}` and `{number}` are replaced. Without it the number fires `kontor-order-select`. */
  @property({ attribute: 'order-url' }) orderUrl?: string;

  /** Level of the title for the page's outline (1–6); the sections are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.previewAbort?.abort();
    clearTimeout(this.previewTimer);
    this.loadedKey = undefined;
  }

  /** The standing order shown now (after it was set up, the new one). */
  get value(): StandingOrderView | undefined {
    return this.so;
  }

  private get mode(): 'view' | 'create' | 'none' {
    if (this.standingOrderId) return 'view';
    return this.fromCart !== null || this.sourceOrderId ? 'create' : 'none';
  }

  private get client(): KontorClient | KontorError {
    return this.resolveClient();
  }

  private api(client: KontorClient): StandingOrdersClient {
    return standingOrdersOf(client);
  }

  override willUpdate(): void {
    const client = this.client;
    const key = [isKontorError(client) ? client.code : client, this.mode, this.standingOrderId, this.fromCart, this.sourceOrderId];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client);
    }
  }

  override updated(): void {
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = undefined;
    target?.focus();
  }

  /** Loads the standing order (or, to set one up, the addresses) again. */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  // ── loading ────────────────────────────────────────────────────────────────────────────────

  private emptyDraft(): Draft {
    // The first day the form offers: today where the runs are timed. Only a suggestion the buyer
    // sees and may change; which runs are due is the server's decision (`runsFrom`, `nextRun`).
    const start = localDay(Date.now(), DEFAULT_TIME_ZONE);
    return {
      name: '', every: 'month', interval: '1', weekdays: ['MO'], on: 'day', day: '1', nth: '1', weekday: 'MO', start,
      end: 'none', until: '', count: '', text: false, rrule: '', lines: [], addressId: '', payment: '', scope: 'from_next_run', occurrence: '',
    };
  }

  /** The form filled from a standing order: the schedule as the form shows it, or as text when it cannot. */
  private draftOf(so: StandingOrderView): Draft {
    const form = rruleToForm(so.schedule.rrule, { timeZone: so.schedule.timeZone });
    const lines = so.lines.map((l) => ({ sku: l.sku, quantity: String(l.quantity) }));
    return { ...this.emptyDraft(), ...(form ? formFields(form) : {}), name: so.name ?? '', rrule: so.schedule.rrule, text: !form, lines };
  }

  private async load(client: KontorClient | KontorError): Promise<void> {
    this.abort?.abort();
    this.actionError = undefined;
    this.notice = '';
    this.fieldErrors = {};
    this.editing = false;
    this.confirming = null;
    this.so = undefined;
    this.preview = null;
    if (this.mode === 'none') {
      this.status = 'ready';
      return;
    }
    if (isKontorError(client)) {
      this.status = 'error';
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    const signal = abort.signal;
    this.status = 'loading';
    this.error = undefined;
    try {
      if (this.mode === 'view') {
        const so = await this.api(client).get(this.standingOrderId, { signal });
        await this.show(client, so, signal);
      } else {
        this.draft = this.emptyDraft();
        this.createKey = undefined;
        if (this.fromCart !== null) {
          this.draft = { ...this.draft, payment: 'invoice' };
          this.addresses = await client.orders.addresses({ signal });
        }
        this.requestPreview(0);
      }
      if (signal.aborted) return;
      this.status = 'ready';
    } catch (error) {
      if (signal.aborted) return;
      this.status = 'error';
      this.error = this.reportError(error);
    }
  }

  /** Shows a standing order as the server answered it, with its next runs and past runs. */
  private async show(client: KontorClient, so: StandingOrderView, signal?: AbortSignal): Promise<void> {
    const api = this.api(client);
    const live = so.status === 'active' || so.status === 'paused';
    const [upcoming, runs] = await Promise.all([
      live ? api.upcoming(so.id, UPCOMING, { signal }) : Promise.resolve([]),
      api.runs(so.id, { limit: HISTORY }, { signal }),
    ]);
    if (signal?.aborted) return;
    this.so = so;
    this.upcoming = upcoming;
    this.history = runs.items;
    this.draft = this.draftOf(so);
    this.preview = null;
  }

  // ── the draft and its preview ──────────────────────────────────────────────────────────────

  /** The schedule as the request sends it (the schemas check it before anything is sent). */
  private scheduleInput(): ScheduleInput {
    const d = this.draft;
    if (d.text) return { rrule: d.rrule };
    const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
    const end = d.end === 'until' ? { kind: 'until', until: d.until } : d.end === 'count' ? { kind: 'count', count: num(d.count) } : { kind: 'none' };
    const on = d.on === 'day' ? { kind: 'day', day: num(d.day) } : d.on === 'last_day' ? { kind: 'last_day' } : { kind: 'nth_weekday', nth: Number(d.nth), weekday: d.weekday };
    const form = { every: d.every, interval: num(d.interval), start: d.start, end, ...(d.every === 'week' ? { weekdays: d.weekdays } : d.every === 'month' ? { on } : {}) };
    return { form: form as ScheduleForm };
  }

  /** The draft's RRULE text, or `null` while the form does not make a valid schedule. */
  private draftRrule(): string | null {
    const input = this.scheduleInput();
    try {
      return 'rrule' in input ? input.rrule : formToRrule(input.form);
    } catch {
      return null;
    }
  }

  private get scheduleChanged(): boolean {
    return this.mode === 'create' || (!!this.so && this.draftRrule() !== this.so.schedule.rrule);
  }

  /** Asks for the draft schedule's next runs after a pause in typing; the client checks the schedule first and sends nothing while it is not valid. */
  private requestPreview(delay = PREVIEW_DEBOUNCE_MS): void {
    clearTimeout(this.previewTimer);
    if (this.mode === 'none' || (this.mode === 'view' && !this.editing)) return;
    this.previewTimer = setTimeout(() => void this.runPreview(), delay);
  }

  private async runPreview(): Promise<void> {
    const client = this.client;
    if (isKontorError(client)) return;
    if (!this.scheduleChanged) {
      this.preview = null;
      this.setScheduleErrors([]);
      return;
    }
    this.previewAbort?.abort();
    const abort = (this.previewAbort = new AbortController());
    this.previewing = true;
    try {
      const warehouseId = this.so?.warehouseId;
      const preview = await this.api(client).preview(
        { schedule: { ...this.scheduleInput(), ...(this.so ? { timeZone: this.so.schedule.timeZone, roll: this.so.schedule.roll, time: this.so.schedule.time } : {}) }, ...(warehouseId ? { warehouseId } : {}), limit: UPCOMING },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.preview = preview.occurrences;
      this.setScheduleErrors([]);
      this.announcement = preview.occurrences.length ? this.t.runsShown(preview.occurrences.length) : this.t.noRuns;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.preview = null;
      if (isKontorError(error) && error.code === 'validation') this.setScheduleErrors(error.issues);
      // Any other failure shows at the next submit; the form stays usable.
    } finally {
      if (!abort.signal.aborted) this.previewing = false;
    }
  }

  /** Replaces the schedule fields' errors with these issues'. */
  private setScheduleErrors(issues: readonly ErrorIssue[]): void {
    const kept = Object.fromEntries(Object.entries(this.fieldErrors).filter(([k]) => !SCHEDULE_FIELDS.includes(k)));
    for (const issue of issues) {
      const key = fieldOf(issue.path);
      if (key && SCHEDULE_FIELDS.includes(key)) kept[key] ??= issue.message;
    }
    this.fieldErrors = kept;
  }

  private onDraftInput(event: Event): void {
    const el = event.target as HTMLInputElement;
    const name = el.name as keyof Draft;
    if (!name || !(name in this.draft) || name === 'lines') return;
    let value: unknown = el.value;
    if (name === 'weekdays') {
      const set = new Set(this.draft.weekdays);
      if (el.checked) set.add(el.value as WeekdayCode);
      else set.delete(el.value as WeekdayCode);
      value = WEEKDAYS.filter((d) => set.has(d));
    } else if (el.type === 'radio' && !el.checked) return;
    this.draft = { ...this.draft, [name]: value };
    if (name === 'scope' && value === 'one_run' && !this.draft.occurrence) {
      this.draft = { ...this.draft, occurrence: this.upcoming.find((r) => r.status === 'scheduled')?.occurrence.key ?? '' };
    }
    this.createKey = undefined;
    const { [name === 'end' ? 'end.until' : name]: _, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
    if (SCHEDULE_KEYS.has(name)) this.requestPreview();
  }

  private toggleText(): void {
    const d = this.draft;
    if (!d.text) {
      this.draft = { ...d, text: true, rrule: this.draftRrule() ?? d.rrule };
    } else {
      let form: ScheduleForm | null = null;
      try {
        form = rruleToForm(d.rrule, { timeZone: this.so?.schedule.timeZone ?? DEFAULT_TIME_ZONE });
      } catch {
        form = null;
      }
      if (!form) {
        this.fieldErrors = { ...this.fieldErrors, rrule: this.t.rruleOnly };
        return;
      }
      this.draft = { ...d, ...formFields(form), text: false };
    }
    this.focusNext = this.draft.text ? 'textarea[name=rrule]' : 'input[name=interval]';
    this.requestPreview(0);
  }

  private setLine(index: number, patch: Partial<{ sku: string; quantity: string }> | null): void {
    const lines = [...this.draft.lines];
    if (patch) lines[index] = { ...lines[index]!, ...patch };
    else lines.splice(index, 1);
    this.draft = { ...this.draft, lines };
    if (!patch) this.focusNext = lines.length ? `[name="qty-${Math.min(index, lines.length - 1)}"]` : '.add-line';
  }

  // ── sending ────────────────────────────────────────────────────────────────────────────────

  /** Shows a refusal: issues at their fields (the first invalid one focused), the rest in the banner; a 409 with the current state shows that state and says so. */
  private async refused(client: KontorClient, error: unknown): Promise<void> {
    const e = this.reportError(error);
    const current = e.code === 'conflict' ? (e.details?.standingOrder as StandingOrderView | undefined) : undefined;
    if (current) {
      this.editing = false;
      this.confirming = null;
      this.fieldErrors = {};
      this.notice = e.details?.reason === 'stale' ? this.t.staleShown : e.message;
      this.actionError = undefined;
      try {
        await this.show(client, current);
      } catch {
        this.so = current;
        this.draft = this.draftOf(current);
      }
      this.focusNext = '[part=notice]';
      return;
    }
    const fields: Record<string, string> = {};
    const rest: ErrorIssue[] = [];
    for (const issue of e.issues) {
      const key = fieldOf(issue.path);
      if (key && this.hasField(key)) fields[key] ??= issue.message;
      else rest.push(issue);
    }
    this.fieldErrors = fields;
    this.actionError = e;
    this.actionIssues = rest;
    this.focusNext = Object.keys(fields).length ? '[aria-invalid=true]' : '[part=error]';
  }

  /** Whether a field for this key is in the form now. */
  private hasField(key: string): boolean {
    const d = this.draft;
    if (key === 'until') return true;
    if (key === 'occurrence') return this.editing && d.scope === 'one_run';
    if (key.startsWith('lines')) return this.editing && key !== 'lines';
    if (key === 'payment' || key === 'deliveryAddress') return this.editing || this.fromCart !== null;
    if (key === 'name') return this.editing || this.mode === 'create';
    if (key === 'rrule') return this.editing || this.mode === 'create';
    return (this.editing || this.mode === 'create') && !d.text;
  }

  private clearErrors(): void {
    this.fieldErrors = {};
    this.actionError = undefined;
    this.actionIssues = [];
    this.notice = '';
  }

  private changed(so: StandingOrderView, change: StandingOrderChangeKind, run: StandingOrderRun | null = null): void {
    this.emit('kontor-standing-order-change', { standingOrder: so, change, run });
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (this.busy || isKontorError(client)) return;
    this.clearErrors();
    const d = this.draft;
    this.busy = 'create';
    const key = (this.createKey ??= newKey());
    try {
      const fromCart = this.fromCart !== null;
      const cartId = fromCart ? this.fromCart || (await client.cart.list()).find((c) => c.active)?.id || '' : '';
      const so = await this.api(client).create(
        {
          ...(d.name.trim() ? { name: d.name.trim() } : {}),
          from: fromCart ? { kind: 'cart', cartId } : { kind: 'order', orderId: this.sourceOrderId },
          schedule: this.scheduleInput(),
          ...(fromCart && d.payment ? { payment: { method: d.payment } } : {}),
          ...(fromCart && d.addressId ? { deliveryAddress: { addressId: d.addressId } } : {}),
        },
        { idempotencyKey: key },
      );
      this.createKey = undefined;
      // From now on this element shows the new standing order.
      this.fromCart = null;
      this.sourceOrderId = '';
      this.standingOrderId = so.id;
      this.loadedKey = [client, 'view', so.id, null, ''];
      await this.show(client, so);
      this.status = 'ready';
      this.announcement = this.t.created(this.t.standingOrderName(so.name));
      this.focusNext = '[part=title]';
      this.changed(so, 'created');
    } catch (error) {
      await this.refused(client, error);
    } finally {
      this.busy = null;
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const so = this.so;
    if (this.busy || !so || isKontorError(client)) return;
    this.clearErrors();
    const d = this.draft;
    const lines = d.lines.map((l) => ({ sku: l.sku.trim(), quantity: l.quantity.trim() === '' ? undefined : Number(l.quantity) }));
    const linesChanged = JSON.stringify(lines) !== JSON.stringify(so.lines);
    const address = d.addressId && d.addressId !== so.deliveryAddress.addressId ? { deliveryAddress: { addressId: d.addressId } } : {};
    const payment = d.payment && d.payment !== so.payment.method ? { payment: { method: d.payment } } : {};
    let body: UpdateStandingOrderBody;
    if (d.scope === 'one_run') {
      body = { version: so.version, scope: 'one_run', occurrence: d.occurrence, set: { ...(linesChanged ? { lines } : {}), ...address, ...payment } as never };
    } else {
      const name = d.name.trim() || null;
      body = {
        version: so.version,
        scope: 'from_next_run',
        set: {
          ...(name !== so.name ? { name } : {}),
          ...(linesChanged ? { lines } : {}),
          ...address,
          ...payment,
          ...(this.scheduleChanged ? { schedule: this.scheduleInput() } : {}),
        } as never,
      };
    }
    if (!Object.keys(body.set).length) {
      this.editing = false;
      this.focusNext = '.edit';
      return;
    }
    this.busy = 'save';
    try {
      const next = await this.api(client).update(so.id, body);
      await this.show(client, next);
      this.editing = false;
      this.announcement = this.t.saved;
      this.focusNext = '.edit';
      this.changed(next, 'updated');
    } catch (error) {
      await this.refused(client, error);
    } finally {
      this.busy = null;
    }
  }

  private async act(action: StandingOrderAction, change: StandingOrderChangeKind, focus: string): Promise<void> {
    const client = this.client;
    const so = this.so;
    if (this.busy || !so || isKontorError(client)) return;
    this.clearErrors();
    const id = JSON.stringify(action);
    // One key per action tried: a retry after a lost answer is the same request (order now places once).
    if (this.actionKey?.action !== id) this.actionKey = { action: id, key: newKey() };
    this.busy = id;
    try {
      const result = await this.api(client).action(so.id, so.version, action, { idempotencyKey: this.actionKey.key });
      this.actionKey = undefined;
      this.confirming = null;
      await this.show(client, result.standingOrder);
      const t = this.t;
      const next = result.standingOrder;
      this.announcement =
        action.action === 'pause'
          ? t.paused(next.pausedUntil ? t.fullDay(next.pausedUntil) : null)
          : action.action === 'resume'
            ? t.resumed
            : action.action === 'skip'
              ? t.skipped(t.runDay(action.occurrence))
              : action.action === 'unskip'
                ? t.unskipped(t.runDay(action.occurrence))
                : action.action === 'order_now'
                  ? t.ordered(result.run?.orderNumber ?? '')
                  : t.cancelled;
      this.focusNext = focus;
      this.changed(next, change, result.run);
    } catch (error) {
      await this.refused(client, error);
    } finally {
      this.busy = null;
    }
  }

  private pause(event: Event): void {
    event.preventDefault();
    void this.act(this.pauseKind === 'until' ? { action: 'pause', until: this.pauseUntil } : { action: 'pause' }, 'paused', '.resume');
  }

  private async startEditing(): Promise<void> {
    this.clearErrors();
    if (this.so) this.draft = this.draftOf(this.so);
    this.editing = true;
    this.focusNext = 'input[name=name]';
    const client = this.client;
    if (!isKontorError(client) && !this.addresses.length) {
      try {
        this.addresses = await client.orders.addresses();
      } catch {
        // the address stays as it is
      }
    }
  }

  private stopEditing(): void {
    clearTimeout(this.previewTimer);
    this.previewAbort?.abort();
    this.editing = false;
    this.preview = null;
    this.fieldErrors = {};
    if (this.so) this.draft = this.draftOf(this.so);
    this.focusNext = '.edit';
  }

  // ── rendering ──────────────────────────────────────────────────────────────────────────────

  private invalid(key: string) {
    return this.fieldErrors[key] ? 'true' : 'false';
  }

  private describedBy(key: string, hint?: string) {
    const ids = [hint, this.fieldErrors[key] ? `err-${key}` : undefined].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private fieldError(key: string) {
    const message = this.fieldErrors[key];
    return message ? html`<p class="field-error" part="field-error" id="err-${key}">${message}</p>` : nothing;
  }

  private heading(level: number, text: string, part?: string) {
    return html`<div class="heading" role="heading" aria-level=${Math.min(6, Math.max(1, level))} part=${part ?? nothing} tabindex=${part === 'title' ? '-1' : nothing}>${text}</div>`;
  }

  private renderSchedule() {
    const t = this.t;
    const d = this.draft;
    const rrule = this.draftRrule();
    let summary = '';
    if (rrule && !this.fieldErrors['interval'] && !this.fieldErrors['end.until']) {
      try {
        summary = summarizeSchedule({ rrule, ...(this.so ? { roll: this.so.schedule.roll, time: this.so.schedule.time } : {}) }, t.$lang);
      } catch {
        summary = '';
      }
    }
    const radio = (name: keyof Draft, value: string, label: string) =>
      html`<label class="choice"><input type="radio" name=${name} value=${value} .checked=${d[name] === value} /> ${label}</label>`;
    return html`<fieldset class="builder" part="schedule-builder">
      <legend>${t.scheduleBuilder}</legend>
      ${d.text
        ? html`<label class="field wide"
              >${t.rruleLabel}
              <textarea
                name="rrule"
                rows="4"
                spellcheck="false"
                .value=${d.rrule}
                aria-invalid=${this.invalid('rrule')}
                aria-describedby=${this.describedBy('rrule', 'rrule-hint')}
              ></textarea>
            </label>
            <p class="hint" id="rrule-hint">${t.rruleHint}</p>
            ${this.fieldError('rrule')}`
        : html`<div class="row">
              <label class="field"
                >${t.every}
                <input
                  type="number"
                  name="interval"
                  inputmode="numeric"
                  min="1"
                  max="1000"
                  .value=${d.interval}
                  aria-invalid=${this.invalid('interval')}
                  aria-describedby=${this.describedBy('interval')}
              /></label>
              <label class="field"
                >${t.unitLabel}
                <select name="every">
                  ${(['day', 'week', 'month'] as const).map((u) => html`<option value=${u} ?selected=${d.every === u}>${t.unitName(u)}</option>`)}
                </select>
              </label>
            </div>
            ${this.fieldError('interval')}
            ${d.every === 'week'
              ? html`<fieldset class="weekdays" aria-invalid=${this.invalid('weekdays')} aria-describedby=${this.describedBy('weekdays')}>
                    <legend>${t.onWeekdays}</legend>
                    ${WEEKDAYS.map(
                      (w) => html`<label class="choice"><input type="checkbox" name="weekdays" value=${w} .checked=${d.weekdays.includes(w)} /> ${t.weekdayName(w)}</label>`,
                    )}
                  </fieldset>
                  ${this.fieldError('weekdays')}`
              : nothing}
            ${d.every === 'month'
              ? html`<fieldset class="month-day">
                  <legend>${t.onMonthDay}</legend>
                  <div class="row">
                    ${radio('on', 'day', t.monthDayOption)}
                    <label class="field"
                      >${t.dayOfMonth}
                      <input
                        type="number"
                        name="day"
                        inputmode="numeric"
                        min="1"
                        max="31"
                        .value=${d.day}
                        ?disabled=${d.on !== 'day'}
                        aria-invalid=${this.invalid('on.day')}
                        aria-describedby=${this.describedBy('on.day')}
                    /></label>
                  </div>
                  ${this.fieldError('on.day')}
                  <div class="row">${radio('on', 'last_day', t.lastDayOption)}</div>
                  <div class="row">
                    ${radio('on', 'nth_weekday', t.nthWeekdayOption)}
                    <label class="field"
                      >${t.nthLabel}
                      <select name="nth" ?disabled=${d.on !== 'nth_weekday'}>
                        ${NTHS.map((n) => html`<option value=${n} ?selected=${d.nth === String(n)}>${t.nthName(n)}</option>`)}
                      </select>
                    </label>
                    <label class="field"
                      >${t.weekdayLabel}
                      <select name="weekday" ?disabled=${d.on !== 'nth_weekday'}>
                        ${WEEKDAYS.map((w) => html`<option value=${w} ?selected=${d.weekday === w}>${t.weekdayName(w)}</option>`)}
                      </select>
                    </label>
                  </div>
                  ${this.fieldError('nth')}
                </fieldset>`
              : nothing}
            <label class="field"
              >${t.startLabel}
              <input type="date" name="start" .value=${d.start} aria-invalid=${this.invalid('start')} aria-describedby=${this.describedBy('start')}
            /></label>
            ${this.fieldError('start')}
            <fieldset class="end">
              <legend>${t.endLabel}</legend>
              <div class="row">${radio('end', 'none', t.endNone)}</div>
              <div class="row">
                ${radio('end', 'until', t.endUntil)}
                <label class="field"
                  >${t.untilLabel}
                  <input
                    type="date"
                    name="until"
                    .value=${d.until}
                    min=${d.start || nothing}
                    ?disabled=${d.end !== 'until'}
                    aria-invalid=${this.invalid('end.until')}
                    aria-describedby=${this.describedBy('end.until')}
                /></label>
              </div>
              ${this.fieldError('end.until')}
              <div class="row">
                ${radio('end', 'count', t.endCount)}
                <label class="field"
                  >${t.countLabel}
                  <input
                    type="number"
                    name="count"
                    inputmode="numeric"
                    min="1"
                    .value=${d.count}
                    ?disabled=${d.end !== 'count'}
                    aria-invalid=${this.invalid('end.count')}
                    aria-describedby=${this.describedBy('end.count')}
                /></label>
              </div>
              ${this.fieldError('end.count')}
            </fieldset>`}
      <button type="button" class="link toggle-text" @click=${this.toggleText}>${d.text ? t.editWithForm : t.editAsRrule}</button>
      <p class="summary" part="summary"><span class="label">${t.summaryLabel}:</span> <span class="text">${summary || '—'}</span></p>
    </fieldset>`;
  }

  private renderAddressPayment() {
    const t = this.t;
    const d = this.draft;
    const so = this.so;
    const current = so?.deliveryAddress;
    const addressText = (a: { name: string; street: string; postcode: string; city: string }) => `${a.name}, ${a.street}, ${a.postcode} ${a.city}`;
    const keepsAddress = current && !this.addresses.some((a) => a.id === current.addressId);
    return html`<label class="field wide"
        >${t.deliveryAddress}
        <select name="addressId" aria-invalid=${this.invalid('deliveryAddress')} aria-describedby=${this.describedBy('deliveryAddress')}>
          ${keepsAddress ? html`<option value="" ?selected=${!d.addressId}>${addressText(current.address)}</option>` : nothing}
          ${this.addresses.map(
            (a) =>
              html`<option value=${a.id} ?selected=${d.addressId ? d.addressId === a.id : so ? current?.addressId === a.id : a.isDefault}>${a.label}: ${addressText(a.address)}</option>`,
          )}
        </select>
      </label>
      ${this.fieldError('deliveryAddress')}
      <label class="field"
        >${t.paymentLabel}
        <select name="payment" aria-invalid=${this.invalid('payment')} aria-describedby=${this.describedBy('payment')}>
          ${so?.payment.method === 'sepa_debit' ? html`<option value="" ?selected=${!d.payment}>${t.keepDirectDebit(so.payment.ibanMasked)}</option>` : nothing}
          ${(['invoice', 'prepayment'] as const).map(
            (m) => html`<option value=${m} ?selected=${(d.payment || so?.payment.method) === m}>${t.paymentName(m)}</option>`,
          )}
        </select>
      </label>
      ${this.fieldError('payment')}`;
  }

  private renderLinesEditor() {
    const t = this.t;
    return html`<fieldset class="lines">
      <legend>${t.linesLabel}</legend>
      ${this.draft.lines.map(
        (line, i) => html`<div class="row line">
            <label class="field"
              >${t.sku}
              <input name="sku-${i}" .value=${line.sku} maxlength="64" autocomplete="off" @input=${(e: Event) => this.setLine(i, { sku: (e.target as HTMLInputElement).value })}
            /></label>
            <label class="field"
              >${t.quantity}
              <input
                type="number"
                name="qty-${i}"
                inputmode="numeric"
                min="1"
                .value=${line.quantity}
                aria-invalid=${this.invalid(`lines.${i}`)}
                aria-describedby=${this.describedBy(`lines.${i}`)}
                @input=${(e: Event) => this.setLine(i, { quantity: (e.target as HTMLInputElement).value })}
            /></label>
            <button type="button" class="remove-line" aria-label=${t.removeLine(line.sku)} @click=${() => this.setLine(i, null)}>×</button>
          </div>
          ${this.fieldError(`lines.${i}`)}`,
      )}
      <button
        type="button"
        class="add-line"
        @click=${() => {
          this.draft = { ...this.draft, lines: [...this.draft.lines, { sku: '', quantity: '1' }] };
          this.focusNext = `[name="sku-${this.draft.lines.length - 1}"]`;
        }}
      >
        ${t.addLine}
      </button>
      ${this.fieldError('lines')}
    </fieldset>`;
  }

  private renderForm() {
    const t = this.t;
    const d = this.draft;
    const create = this.mode === 'create';
    const oneRun = !create && d.scope === 'one_run';
    const runs = this.upcoming.filter((r) => r.status === 'scheduled');
    return html`<form class="form" part="form" novalidate @input=${this.onDraftInput} @submit=${create ? this.create : this.save}>
      ${create ? html`<p class="hint">${t.sourceHint(this.fromCart !== null ? 'cart' : 'order')}</p>` : nothing}
      ${create
        ? nothing
        : html`<fieldset class="scope">
            <legend>${t.scopeLabel}</legend>
            <div class="row">
              <label class="choice"><input type="radio" name="scope" value="from_next_run" .checked=${!oneRun} /> ${t.scopeFromNext}</label>
            </div>
            <div class="row">
              <label class="choice"><input type="radio" name="scope" value="one_run" .checked=${oneRun} ?disabled=${!runs.length} /> ${t.scopeOneRun}</label>
              ${oneRun
                ? html`<label class="field"
                    >${t.runLabel}
                    <select name="occurrence" aria-invalid=${this.invalid('occurrence')} aria-describedby=${this.describedBy('occurrence')}>
                      ${runs.map((r) => html`<option value=${r.occurrence.key} ?selected=${d.occurrence === r.occurrence.key}>${t.runDay(r.occurrence.day)}</option>`)}
                    </select>
                  </label>`
                : nothing}
            </div>
            ${this.fieldError('occurrence')}
          </fieldset>`}
      ${oneRun
        ? nothing
        : html`<label class="field wide"
              >${create ? t.nameOptional : t.nameField}
              <input name="name" maxlength="100" autocomplete="off" .value=${d.name} aria-invalid=${this.invalid('name')} aria-describedby=${this.describedBy('name')}
            /></label>
            ${this.fieldError('name')}`}
      ${create ? nothing : this.renderLinesEditor()} ${create && this.fromCart === null ? nothing : this.renderAddressPayment()}
      ${oneRun ? nothing : this.renderSchedule()}
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${create ? (this.busy === 'create' ? t.creating : t.create) : this.busy === 'save' ? t.saving : t.save}
        </button>
        ${create ? nothing : html`<button type="button" @click=${this.stopEditing}>${t.back}</button>`}
      </div>
    </form>`;
  }

  private renderRuns() {
    const t = this.t;
    const previewing = this.preview !== null && (this.mode === 'create' || this.editing);
    const live = this.so && (this.so.status === 'active' || this.so.status === 'paused');
    if (!previewing && !live) return nothing;
    const items: { occurrence: Occurrence; status: UpcomingRun['status']; override: boolean; arrives: string | null }[] = previewing
      ? this.preview!.filter((o) => o.sameDayAs === null).map((o) => ({ occurrence: o, status: o.skipped ? 'skipped' : 'scheduled', override: false, arrives: null }))
      : this.upcoming.map((r) => ({ occurrence: r.occurrence, status: r.status, override: r.override !== null, arrives: r.arrives ?? null }));
    const actions = !previewing && !this.editing;
    return html`<section class="runs-section" aria-labelledby="runs-title" aria-busy=${this.previewing ? 'true' : 'false'}>
      <div id="runs-title">${this.heading(this.headingLevel + 1, previewing ? t.previewTitle : t.upcomingTitle)}</div>
      ${items.length
        ? html`<ol class="runs" part="runs">
            ${items.map(({ occurrence: o, status, override, arrives }) => {
              const day = t.runDay(o.day);
              return html`<li part="run" data-key=${o.key} data-day=${o.day} data-status=${status}>
                <time datetime=${o.day}>${day}</time>
                ${o.moved ? html`<span class="moved" part="moved">${moveText(o, t)}</span>` : nothing}
                <span class="run-status">${t.upcomingStatus(status)}${override ? html` · ${t.changedForRun}` : nothing}</span>
                ${arrives ? html`<span class="arrives" part="arrives">${t.arrivesOn(t.runDay(arrives))}</span>` : nothing}
                ${actions && status !== 'paused'
                  ? html`<button
                      type="button"
                      class="skip-run"
                      part="skip"
                      data-key=${o.key}
                      aria-label=${status === 'skipped' ? t.unskipRunOf(day) : t.skipRunOf(day)}
                      aria-disabled=${this.busy ? 'true' : 'false'}
                      @click=${() =>
                        void this.act(
                          { action: status === 'skipped' ? 'unskip' : 'skip', occurrence: o.key },
                          status === 'skipped' ? 'unskipped' : 'skipped',
                          `.skip-run[data-key="${o.key}"]`,
                        )}
                    >
                      ${status === 'skipped' ? t.unskipRun : t.skipRun}
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ol>`
        : html`<p class="muted">${t.noRuns}</p>`}
    </section>`;
  }

  private renderActions(so: StandingOrderView) {
    const t = this.t;
    if (so.status !== 'active' && so.status !== 'paused') return nothing;
    const busy = this.busy ? 'true' : 'false';
    if (this.confirming) {
      const cancel = this.confirming === 'cancel';
      const next = so.nextRun ? t.runDay(so.nextRun.day) : null;
      return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-text">
        <p id="confirm-text">${cancel ? t.cancelConfirm : t.orderNowConfirm(next)}</p>
        <div class="buttons">
          <button
            type="button"
            class="primary confirm-yes"
            aria-disabled=${busy}
            @click=${() => void this.act(cancel ? { action: 'cancel' } : { action: 'order_now' }, cancel ? 'cancelled' : 'ordered', cancel ? '[part=title]' : '.order-now')}
          >
            ${cancel ? t.confirmCancel : t.confirmOrderNow}
          </button>
          <button
            type="button"
            class="confirm-no"
            @click=${() => {
              this.focusNext = cancel ? '.cancel' : '.order-now';
              this.confirming = null;
            }}
          >
            ${cancel ? t.keepStandingOrder : t.back}
          </button>
        </div>
      </div>`;
    }
    const paused = so.status === 'paused';
    return html`<div class="actions" part="actions" role="group" aria-label=${t.actions}>
      ${paused
        ? html`<button type="button" class="resume" aria-disabled=${busy} @click=${() => void this.act({ action: 'resume' }, 'resumed', '.pause-submit')}>${t.resume}</button>`
        : html`<form class="pause" @submit=${this.pause} novalidate>
            <fieldset>
              <legend>${t.pause}</legend>
              <div class="row">
                <label class="choice"
                  ><input type="radio" name="pause-kind" value="until" .checked=${this.pauseKind === 'until'} @change=${() => (this.pauseKind = 'until')} /> ${t.pauseUntil}</label
                >
                <label class="field"
                  >${t.pauseUntilDate}
                  <input
                    type="date"
                    name="until"
                    .value=${this.pauseUntil}
                    ?disabled=${this.pauseKind !== 'until'}
                    aria-invalid=${this.invalid('until')}
                    aria-describedby=${this.describedBy('until')}
                    @input=${(e: Event) => {
                      this.pauseUntil = (e.target as HTMLInputElement).value;
                      const { until: _, ...rest } = this.fieldErrors;
                      this.fieldErrors = rest;
                    }}
                /></label>
              </div>
              ${this.fieldError('until')}
              <div class="row">
                <label class="choice"
                  ><input type="radio" name="pause-kind" value="open" .checked=${this.pauseKind === 'open'} @change=${() => (this.pauseKind = 'open')} /> ${t.pauseOpen}</label
                >
              </div>
              <button type="submit" class="pause-submit" aria-disabled=${busy}>${t.pause}</button>
            </fieldset>
          </form>`}
      ${paused
        ? nothing
        : html`<button
            type="button"
            class="order-now"
            @click=${() => {
              this.focusNext = '.confirm-yes';
              this.confirming = 'order_now';
            }}
          >
            ${t.orderNow}
          </button>`}
      <button
        type="button"
        class="cancel"
        @click=${() => {
          this.focusNext = '.confirm-yes';
          this.confirming = 'cancel';
        }}
      >
        ${t.cancelStandingOrder}
      </button>
    </div>`;
  }

  private renderFacts(so: StandingOrderView) {
    const t = this.t;
    let summary: string;
    try {
      summary = summarizeSchedule(so.schedule, t.$lang);
    } catch {
      summary = so.schedule.rrule;
    }
    const next = so.nextRun;
    const a = so.deliveryAddress.address;
    const live = so.status === 'active' || so.status === 'paused';
    return html`<dl class="facts" part="facts">
        <div><dt>${t.scheduleLabel}</dt><dd class="schedule">${summary}</dd></div>
        <div>
          <dt>${t.nextRun}</dt>
          <dd class="next-run">
            ${next && live
              ? html`<time datetime=${next.day}>${t.runDay(next.day)}</time>${next.moved ? html` <span class="moved">${moveText(next, t)}</span>` : nothing}`
              : t.noNextRun}
          </dd>
        </div>
        <div><dt>${t.linesLabel}</dt><dd class="lines">${so.lines.map((l) => html`<span class="line">${l.sku} × ${l.quantity.toLocaleString(t.$locale)}</span>`)}</dd></div>
        <div><dt>${t.deliveryAddress}</dt><dd>${a.name}, ${a.street}, ${a.postcode} ${a.city}</dd></div>
        <div>
          <dt>${t.paymentLabel}</dt>
          <dd>${so.payment.method === 'sepa_debit' ? t.keepDirectDebit(so.payment.ibanMasked) : t.paymentName(so.payment.method)}</dd>
        </div>
      </dl>
      ${live ? html`<button type="button" class="edit" @click=${() => void this.startEditing()}>${t.edit}</button>` : nothing}`;
  }

  private renderHistory() {
    const t = this.t;
    return html`<section class="history" part="history" aria-labelledby="history-title">
      <div id="history-title">${this.heading(this.headingLevel + 1, t.history)}</div>
      ${this.history.length
        ? html`<ul>
            ${this.history.map((run) => html`<li>${runResult(run, t, this.orderUrl, (orderId, number) => this.emit('kontor-order-select', { orderId, number }))}</li>`)}
          </ul>`
        : html`<p class="muted">${t.noHistory}</p>`}
    </section>`;
  }

  private renderError() {
    const t = this.t;
    const e = this.actionError;
    if (!e) return nothing;
    const fields = Object.keys(this.fieldErrors).length > 0;
    // Validation: the issues no field shows (or the message); anything else: its code's text.
    const issues = this.actionIssues.map((i) => i.message);
    const detail = e.code === 'validation' ? (issues.length || fields ? issues : [e.message]) : [this.errorText(e)];
    return html`<div class="error" part="error" role="alert" tabindex="-1">
      <span>${fields ? t.checkFields : t.errorTitle}</span>
      ${detail.length === 1 ? html`<span>${detail[0]}</span>` : detail.length ? html`<ul>${detail.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
    </div>`;
  }

  override render() {
    const t = this.t;
    const so = this.so;
    const loading = this.status === 'loading' || this.status === 'initial';
    const create = this.mode === 'create';
    const title = so ? t.standingOrderName(so.name) : create ? t.newStandingOrder : t.standingOrderName(null);
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <header class="header">
        <div id="title">${this.heading(this.headingLevel, title, 'title')}</div>
        ${so ? html`<span class="status" part="status" data-status=${so.status}>${t.standingOrderStatus(so.status, so.pausedUntil)}</span>` : nothing}
      </header>
      ${this.status === 'error' && this.error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured' || this.error.code === 'not_found'
              ? nothing
              : html`<button type="button" class="retry" @click=${() => this.reload()}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${this.notice ? html`<p class="notice" part="notice" role="alert" tabindex="-1">${this.notice}</p>` : nothing} ${this.renderError()}
      ${loading
        ? html`<p class="muted">${t.loading}</p>`
        : this.status === 'error'
          ? nothing
          : this.mode === 'none'
            ? html`<p class="muted">${t.nothingChosen}</p>`
            : html`${so && !this.editing ? this.renderFacts(so) : nothing} ${create || this.editing ? this.renderForm() : nothing} ${this.renderRuns()}
              ${so && !this.editing ? this.renderActions(so) : nothing} ${so ? this.renderHistory() : nothing}`}
    </section>`;
  }
}

/** The schedule fields of the form as the draft holds them. */
function formFields(form: ScheduleForm): Partial<Draft> {
  const d: Partial<Draft> = { every: form.every, interval: String(form.interval), start: form.start, end: form.end.kind };
  if (form.end.kind === 'until') d.until = form.end.until;
  if (form.end.kind === 'count') d.count = String(form.end.count);
  if (form.every === 'week') d.weekdays = [...form.weekdays];
  if (form.every === 'month') {
    d.on = form.on.kind;
    if (form.on.kind === 'day') d.day = String(form.on.day);
    if (form.on.kind === 'nth_weekday') Object.assign(d, { nth: String(form.on.nth), weekday: form.on.weekday });
  }
  return d;
}
