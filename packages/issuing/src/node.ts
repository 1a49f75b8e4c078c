/**
 * The database stores of @efapiao/issuing: SQLite (better-sqlite3, the embedded default) and PostgreSQL
 * (`pg`), and `openStore(url)` choosing between them.
 */
export { openSqliteStore, type SqliteOptions } from "./store/sqlite.js";
export { openPostgresStore, redact } from "./store/postgres.js";
export { defaultStorePath, openStore, type OpenStoreOptions } from "./store/open.js";
