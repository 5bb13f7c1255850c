import type { AssistantReply, AssistantTurn } from '@kontor/core';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

// The assistant's own tables. Every query names the company and the user (`user_key`): a
// conversation, an action or a hand-off of another user is not found.

type Tx = Db | Transaction<Database>;
export type ActionRow = Database['assistant_actions'];

export interface UserScope {
  companyId: string;
  userKey: string;
}

export async function findConversation(db: Tx, scope: UserScope, id: string) {
  return db.selectFrom('assistant_conversations').selectAll().where('company_id', '=', scope.companyId).where('user_key', '=', scope.userKey).where('id', '=', id).executeTakeFirst();
}

export async function insertConversation(db: Tx, scope: UserScope, id: string, at: string): Promise<void> {
  await db.insertInto('assistant_conversations').values({ id, company_id: scope.companyId, user_key: scope.userKey, created_at: at, updated_at: at }).execute();
}

/** Appends turns to a conversation (numbered after the last) and touches it. */
export async function appendTurns(db: Tx, scope: UserScope, conversationId: string, turns: readonly AssistantTurn[], at: string): Promise<void> {
  const last = await db.selectFrom('assistant_turns').select((eb) => eb.fn.max('seq').as('last')).where('conversation_id', '=', conversationId).executeTakeFirst();
  let seq = Number(last?.last ?? 0);
  await db
    .insertInto('assistant_turns')
    .values(turns.map((t) => ({ conversation_id: conversationId, seq: ++seq, company_id: scope.companyId, role: t.role, text: t.text, reply: t.reply ? JSON.stringify(t.reply) : null, at: t.at })))
    .execute();
  await db.updateTable('assistant_conversations').set({ updated_at: at }).where('company_id', '=', scope.companyId).where('id', '=', conversationId).execute();
}

export async function conversationTurns(db: Tx, scope: UserScope, conversationId: string, limit = 200): Promise<AssistantTurn[]> {
  const rows = await db
    .selectFrom('assistant_turns')
    .selectAll()
    .where('company_id', '=', scope.companyId)
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ role: r.role, text: r.text, at: r.at, ...(r.reply ? { reply: JSON.parse(r.reply) as AssistantReply } : {}) }));
}

export async function insertAction(db: Tx, row: ActionRow): Promise<void> {
  await db.insertInto('assistant_actions').values(row).execute();
}

export async function findAction(db: Tx, scope: UserScope, id: string): Promise<ActionRow | undefined> {
  return db.selectFrom('assistant_actions').selectAll().where('company_id', '=', scope.companyId).where('user_key', '=', scope.userKey).where('id', '=', id).executeTakeFirst();
}

/**
 * Claims an action for its one execution, in the transaction of its effect: only while unused
 * and unexpired. `false` when another confirmation took it first (PostgreSQL: the row lock makes
 * the second wait and then see `used_at`) or it expired.
 */
export async function claimAction(trx: Transaction<Database>, row: Pick<ActionRow, 'id' | 'company_id'>, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('assistant_actions')
    .set({ used_at: at })
    .where('company_id', '=', row.company_id)
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function storeActionResult(db: Tx, row: Pick<ActionRow, 'id' | 'company_id'>, result: unknown): Promise<void> {
  await db.updateTable('assistant_actions').set({ result: JSON.stringify(result) }).where('company_id', '=', row.company_id).where('id', '=', row.id).execute();
}

export async function insertHandoff(db: Tx, row: Database['assistant_handoffs']): Promise<void> {
  await db.insertInto('assistant_handoffs').values(row).execute();
}

/** The id of the company's order with this number; another company's number is not found. */
export async function findCompanyOrderId(db: Tx, companyId: string, number: string): Promise<string | undefined> {
  const row = await db.selectFrom('orders').select('id').where('company_id', '=', companyId).where('number', '=', number).executeTakeFirst();
  return row?.id;
}

/** The country of the company's default delivery address (else its first; `DE` without any). */
export async function destinationOf(db: Tx, companyId: string): Promise<string> {
  const rows = await db.selectFrom('company_addresses').select(['country', 'is_default']).where('company_id', '=', companyId).execute();
  return (rows.find((r) => Number(r.is_default) === 1) ?? rows[0])?.country ?? 'DE';
}
