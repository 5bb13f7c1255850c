import type { Address, Order, OrderEvent, OrderLine, OrderPayment, OrderSummary, SavedAddress, Tracking } from '@kontor/core';
import type { AddressRow, OrderEventRow, OrderLineRow, OrderRow } from '../db/order.queries.js';

/** An order's head as the history lists it. */
export function summaryOf(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    placedAt: row.placed_at,
    placedBy: { userId: row.placed_by_user_id, name: row.placed_by_name, ...(row.partner_user_ref ? { externalUserRef: row.partner_user_ref } : {}) },
    via: { channel: row.channel, partnerId: row.partner_id },
    currency: row.currency,
    totals: JSON.parse(row.totals) as OrderSummary['totals'],
    lineCount: Number(row.line_count),
    purchaseOrderNumber: row.po_number,
    costCenter: row.cost_center,
    requestedDeliveryDate: row.requested_delivery_date,
    promisedDelivery: row.promised_delivery,
    tracking: row.tracking ? (JSON.parse(row.tracking) as Tracking) : null,
    updatedAt: row.updated_at,
  };
}

export function lineOf(row: OrderLineRow): OrderLine {
  return {
    sku: row.sku,
    name: { de: row.name_de, en: row.name_en },
    unit: row.unit,
    quantity: Number(row.quantity),
    priceUnit: Number(row.price_unit),
    unitPrice: { amount: Number(row.unit_amount), currency: '' },
    net: { amount: Number(row.net_amount), currency: '' },
    taxClass: row.tax_class,
    taxRate: Number(row.tax_rate),
    promisedDelivery: row.promised_delivery,
  };
}

export function eventOf(row: Pick<OrderEventRow, 'status' | 'at' | 'note' | 'carrier' | 'tracking_number'>): OrderEvent {
  return { status: row.status, at: row.at, note: row.note, carrier: row.carrier, trackingNumber: row.tracking_number };
}

/** The whole order from its rows (lines in position order, events in sequence). */
export function orderOf(row: OrderRow, lines: readonly OrderLineRow[], events: readonly Pick<OrderEventRow, 'status' | 'at' | 'note' | 'carrier' | 'tracking_number'>[]): Order {
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    ...summaryOf(row),
    lines: lines.map((l) => {
      const line = lineOf(l);
      return { ...line, unitPrice: money(line.unitPrice.amount), net: money(line.net.amount) };
    }),
    deliveryAddress: JSON.parse(row.delivery_address) as Address,
    comment: row.comment,
    payment: JSON.parse(row.payment) as OrderPayment,
    timeline: events.map(eventOf),
  };
}

export function addressOf(row: AddressRow): Address {
  return {
    name: row.name,
    ...(row.addition ? { addition: row.addition } : {}),
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
  };
}

export function savedAddressOf(row: AddressRow): SavedAddress {
  return { id: row.id, label: row.label, address: addressOf(row), isDefault: Number(row.is_default) === 1 };
}

/** `DE89370400440532013000` → `DE89 3704 0044 0532 0130 00`. */
export const formatIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();
