import type { AvailabilityAnswer, AvailabilityItem } from '@kontor/core/availability';
import type { ErrorIssue, KontorError } from '@kontor/core/errors';
import { availabilityIssues } from '@kontor/core/errors/issues/availability.js';
import { quantityIssues } from '@kontor/core/errors/issues/quantity.js';
import { validationIssues } from '@kontor/core/errors/issues/validation.js';
import { messageIn } from '@kontor/core/errors/messages.js';
import type { AvailabilityStrings, CommonStrings } from '../../translations/translation.js';

/** What the promise texts read. */
type Translation = CommonStrings & AvailabilityStrings;

/**
 * What a promise means at a glance, for an icon and a colour that add to the text (never replace
 * it): `available` ships the whole quantity from stock, `partial` some of it, `later` all of it
 * later, `unavailable` not all of it ever, `error` no answer.
 */
export type PromiseTone = 'available' | 'partial' | 'later' | 'unavailable' | 'error';

export interface PromiseText {
  text: string;
  tone: PromiseTone;
}

/** The issues an availability answer can carry. */
const tables = [availabilityIssues, quantityIssues, validationIssues];

/**
 * The message of an issue in the reader's language: from core's messages when it knows the code
 * (the batch may have been asked in another language), else the server's own message.
 */
export function issueText(issue: Pick<ErrorIssue, 'code' | 'message' | 'params'>, t: Translation): string {
  const fallback = messageIn(tables, 'invalid', {}, t.$lang);
  const localized = messageIn(tables, issue.code, issue.params ?? {}, t.$lang);
  return localized === fallback && issue.code !== 'invalid' ? issue.message : localized;
}

/** A failed request as text: its first issue (e.g. `unsupported_destination` naming the countries served), else `fallback`. */
export function requestErrorText(error: KontorError, t: Translation, fallback: string): string {
  const issue = error.issues?.[0];
  return issue ? issueText(issue, t) : fallback;
}

function itemText(item: AvailabilityItem, t: Translation, numbers: Intl.NumberFormat): PromiseText {
  const n = (q: number) => numbers.format(q);
  const replacement = item.replacementSku ?? null;
  // A discontinued article cannot be ordered (the cart refuses it), whatever stock is left: no promise, the replacement.
  if (item.status === 'discontinued') return { text: t.availabilityDiscontinued(replacement), tone: 'unavailable' };
  const { split, shortfall } = item;
  if (!split.length) return { text: t.availabilityNone, tone: 'unavailable' };
  if (split.length === 1 && shortfall === 0) {
    const day = split[0]!.delivery;
    if (item.availableNow >= item.quantity) {
      return { text: t.availabilityInStock(t.deliveryDay(day, true)), tone: 'available' };
    }
    return { text: t.availabilityOnOrder(t.deliveryDay(day, false)), tone: 'later' };
  }
  if (item.status === 'on_order' && shortfall === 0 && item.earliestDelivery) {
    // Nothing ships now: the day the whole quantity is there is the promise.
    return { text: t.availabilityOnOrder(t.deliveryDay(item.earliestDelivery, false)), tone: 'later' };
  }
  // A split: what ships now, what follows on which day, what never comes.
  let fromStock = Math.min(item.availableNow, item.quantity);
  const parts: string[] = [];
  split.forEach((part, i) => {
    if (i === 0 && fromStock > 0 && part.quantity <= fromStock) {
      parts.push(t.availabilityNow(n(part.quantity)));
      fromStock -= part.quantity;
    } else {
      parts.push(t.availabilityFrom(n(part.quantity), t.deliveryDay(part.delivery, false)));
    }
  });
  if (shortfall > 0) parts.push(t.availabilityShortfall(n(shortfall)));
  return { text: parts.join(', '), tone: shortfall > 0 ? 'unavailable' : 'partial' };
}

/**
 * The delivery promise of one answer as one line of text in the reader's language, e.g.
 * "Auf Lager – Lieferung Do, 26.11.", "3 sofort, 7 ab 04.12.", "Lieferbar ab 04.12.",
 * "Nicht mehr lieferbar – Ersatz: LM-1004", or the item's error ("Es gibt keinen Artikel …").
 * Shared by `<kontor-availability>` and the cart, which renders it per line without an element.
 */
export function promiseText(answer: AvailabilityAnswer, t: Translation, numbers: Intl.NumberFormat): PromiseText {
  if ('error' in answer) return { text: issueText(answer.error, t), tone: 'error' };
  return itemText(answer, t, numbers);
}
