import { editDistance } from '@kontor/core';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import {
  fts5Row,
  searchDocument,
  splitCompound,
  stem,
  tsvectorLiteral,
  typoBudget,
  type QueryWord,
  type TermMatch,
  type WordMatch,
} from './search-analysis.js';

/**
 * The catalogue's search index on each database's own engine (migration 0011):
 * - SQLite: `product_search`, an FTS5 table of the search documents (one column per field, ranked
 *   by bm25), `product_search_terms` (fts5vocab) listing its terms, and `search_vocab_trigrams`, an
 *   FTS5 trigram table of those terms for typo look-ups.
 * - PostgreSQL: `product_search` with a weighted tsvector per product (GIN index, ranked by
 *   ts_rank), terms from ts_stat, typo look-ups by pg_trgm on `search_vocab` where the server has it.
 * Both keep `search_vocab(term, df)`: every indexed term and in how many products it occurs.
 */

// The index is written by the seed, the migration and test helpers with whatever Kysely they hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

const chunks = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/**
 * (Re)indexes products — `ids`, or all — and then the vocabulary. Call it after writing products'
 * texts (the seed, imports; ids of deleted products drop them); the product list reads only the index.
 */
export async function indexProducts(db: AnyDb, ids?: readonly string[]): Promise<void> {
  const pg = isPostgres(db);
  const categories = new Map(
    (await db.selectFrom('categories').select(['slug', 'name_de', 'name_en']).execute()).map((c: { slug: string; name_de: string; name_en: string }) => [c.slug, c]),
  );
  let query = db.selectFrom('products').select(['id', 'sku', 'ean', 'name_de', 'name_en', 'brand', 'description_de', 'description_en', 'category']);
  if (ids) query = query.where('id', 'in', ids.length ? ids : ['']);
  const rows = (await query.execute()) as {
    id: string; sku: string; ean: string | null; name_de: string; name_en: string; brand: string | null; description_de: string; description_en: string; category: string;
  }[];
  if (ids) {
    for (const batch of chunks([...ids], 500)) await db.deleteFrom('product_search').where('product_id', 'in', batch).execute();
  } else {
    await db.deleteFrom('product_search').execute();
  }
  const docs = rows.map((r) => {
    const c = categories.get(r.category);
    return {
      id: r.id,
      doc: searchDocument({
        sku: r.sku, ean: r.ean, brand: r.brand, name: { de: r.name_de, en: r.name_en }, description: { de: r.description_de, en: r.description_en },
        category: { de: c?.name_de ?? r.category, en: c?.name_en ?? r.category },
      }),
    };
  });
  for (const batch of chunks(docs, 200)) {
    if (pg) {
      await db
        .insertInto('product_search')
        .values(batch.map(({ id, doc }) => ({ product_id: id, document: sql`${tsvectorLiteral(doc)}::tsvector` })))
        .execute();
    } else {
      await db.insertInto('product_search').values(batch.map(({ id, doc }) => ({ product_id: id, ...fts5Row(doc) }))).execute();
    }
  }
  await refreshVocabulary(db);
}

/** Rebuilds `search_vocab` (and on SQLite its trigram table) from the engine's own term statistics. */
async function refreshVocabulary(db: AnyDb): Promise<void> {
  await db.deleteFrom('search_vocab').execute();
  if (isPostgres(db)) {
    await sql`insert into search_vocab (term, df) select word, ndoc from ts_stat('select document from product_search')`.execute(db);
  } else {
    await sql`insert into search_vocab (term, df) select term, doc from product_search_terms`.execute(db);
    await sql`delete from search_vocab_trigrams`.execute(db);
    await sql`insert into search_vocab_trigrams (term) select term from search_vocab where length(term) >= 3`.execute(db);
  }
}

const hasTrigramIndex = new WeakMap<object, Promise<boolean>>();
/** Whether migration 0011 could create pg_trgm's index on the vocabulary (asked once per pool). */
function pgTrigrams(db: AnyDb): Promise<boolean> {
  let known = hasTrigramIndex.get(db);
  if (!known) {
    known = sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'search_vocab_trgm'`.execute(db).then((r) => (r.rows[0]?.n ?? 0) > 0);
    hasTrigramIndex.set(db, known);
  }
  return known;
}

/** The vocabulary's words close to a misspelt term, best first: fewest edits, then most products. */
async function closeTerms(db: AnyDb, term: string): Promise<string[]> {
  const budget = typoBudget(term);
  if (!budget) return [];
  let candidates: { term: string; df: number }[];
  if (isPostgres(db)) {
    candidates = (await pgTrigrams(db))
      ? (await sql<{ term: string; df: number }>`select term, df from search_vocab where term % ${term} order by similarity(term, ${term}) desc limit 60`.execute(db)).rows
      : await db.selectFrom('search_vocab').select(['term', 'df']).where(sql`length(term)`, '>=', term.length - budget).where(sql`length(term)`, '<=', term.length + budget).limit(20_000).execute();
  } else {
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= term.length; i++) grams.add(term.slice(i, i + 3));
    if (!grams.size) return [];
    const match = [...grams].map((g) => `"${g}"`).join(' OR ');
    candidates = (
      await sql<{ term: string; df: number }>`select v.term, v.df from (select term from search_vocab_trigrams where search_vocab_trigrams match ${match} order by rank limit 60) t join search_vocab v on v.term = t.term`.execute(db)
    ).rows;
  }
  const scored = candidates
    .map((c) => ({ ...c, d: editDistance(term, c.term, budget) }))
    .filter((c) => c.d <= budget)
    .sort((a, b) => a.d - b.d || b.df - a.df || (a.term < b.term ? -1 : 1));
  const best = scored[0]?.d;
  return scored.filter((c) => c.d === best).slice(0, 3).map((c) => c.term);
}

/**
 * How each word of a query matches, from the vocabulary: see {@link TermMatch}. The leading tokens
 * of a phrase (`nym` of `nym-j`) must match as they are.
 */
export async function matchWords(db: AnyDb, words: readonly QueryWord[]): Promise<WordMatch[]> {
  const lasts = [...new Set(words.map((w) => w.tokens[w.tokens.length - 1]!))];
  const known = new Set(lasts.length ? (await db.selectFrom('search_vocab').select('term').where('term', 'in', lasts).execute()).map((r: { term: string }) => r.term) : []);
  const out: WordMatch[] = [];
  for (const w of words) {
    const phrase = w.tokens.slice(0, -1);
    const term = w.tokens[w.tokens.length - 1]!;
    out.push({ phrase, last: known.has(term) ? { kind: 'exact', term } : await unknownTerm(db, term, phrase.length === 0 ? w.folded : null) });
  }
  return out;
}

async function unknownTerm(db: AnyDb, term: string, folded: string | null): Promise<TermMatch> {
  // Typing: a term some word begins with. Bytewise range on both engines (search_vocab.term is collated "C" on PostgreSQL).
  const upper = term.slice(0, -1) + String.fromCharCode(term.charCodeAt(term.length - 1) + 1);
  const begun = await db.selectFrom('search_vocab').select('term').where('term', '>=', term).where('term', '<', upper).limit(1).executeTakeFirst();
  if (begun) return { kind: 'prefix', term };
  if (!/^[a-z]+$/.test(term)) return { kind: 'none' };
  const close = await closeTerms(db, term);
  if (close.length) return { kind: 'any', terms: close };
  const split = folded ? splitCompound(folded) : null;
  if (split) {
    const head = stem(split.head);
    const has = await db.selectFrom('search_vocab').select('term').where('term', '=', head).executeTakeFirst();
    if (has) return { kind: 'exact', term: head };
  }
  return { kind: 'none' };
}
