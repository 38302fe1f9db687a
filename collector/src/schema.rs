//! The database schema and its migrations. A database records how many steps it has had
//! (SQLite in `PRAGMA user_version`, PostgreSQL in the `wallet_help_schema` table); opening
//! runs the missing ones, so a database written by any earlier collector keeps working,
//! with its reports, after an upgrade.
//!
//! Steps are only ever appended, never edited: databases in the field may be at any
//! earlier version, and each step must find exactly what the previous one left. Both
//! databases count the same versions. PostgreSQL arrived at version 6, so its first step
//! creates version 6 whole; a later step is appended to both lists, in each one's SQL.

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde_json::Value;

use crate::db::{Dialect, Tx};
use crate::store::Result;

/// Version 1: reports. Version 2: the decoded bytes of their attachments. Version 3: each
/// report's status, status token and thread (messages), and the audit of who changed what.
/// Version 4: the inbox's agents and sessions, and the search index over subject and
/// description. Version 5: the webhook queue. Version 6: each file kept once.
pub const SCHEMA_VERSION: i64 = 6;

type Step = fn(&Transaction) -> rusqlite::Result<()>;

/// `STEPS[n]` brings a database from version `n` to `n + 1`.
const STEPS: [Step; SCHEMA_VERSION as usize] =
    [create_reports, create_attachments, create_threads, create_inbox, create_webhook_queue, files_once];

/// Brings an empty or older database up to `SCHEMA_VERSION`, all steps in one
/// transaction: a failure leaves the database as it was, never half-migrated.
/// A database from a newer collector is left alone.
pub fn migrate_sqlite(conn: &mut Connection) -> Result<()> {
    if user_version(conn)? >= SCHEMA_VERSION {
        return Ok(());
    }
    // IMMEDIATE takes the write lock first, and the version is read again under it:
    // two collectors starting on one file must not both run a step.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = user_version(&tx)?.max(0);
    for step in STEPS.iter().skip(from as usize) {
        step(&tx)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    Ok(tx.commit()?)
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// The version PostgreSQL's first step creates.
const POSTGRES_FROM: i64 = 6;

/// `POSTGRES_STEPS[n]` brings a PostgreSQL database from version `POSTGRES_FROM + n - 1`
/// (none for the first) to the next.
const POSTGRES_STEPS: [&str; (SCHEMA_VERSION - POSTGRES_FROM + 1) as usize] = [POSTGRES_V6];

/// Brings an empty or older PostgreSQL database up to `SCHEMA_VERSION` in the caller's
/// transaction. An advisory lock makes instances that start together take turns: the
/// first migrates, the others find it done.
pub fn migrate_postgres(tx: &mut dyn Tx) -> Result<()> {
    tx.batch(
        "SELECT pg_advisory_xact_lock(7239150411);
         CREATE TABLE IF NOT EXISTS wallet_help_schema (version BIGINT NOT NULL);",
    )?;
    let version = tx.row("SELECT version FROM wallet_help_schema", &[])?.map(|r| r.int(0)).transpose()?;
    let from = version.unwrap_or(POSTGRES_FROM - 1);
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    for step in POSTGRES_STEPS.iter().skip((from - (POSTGRES_FROM - 1)) as usize) {
        tx.batch(step)?;
    }
    tx.exec("DELETE FROM wallet_help_schema", &[])?;
    tx.exec("INSERT INTO wallet_help_schema (version) VALUES (?1)", crate::db::params![SCHEMA_VERSION])?;
    Ok(())
}

/// Writes the schema version over itself: a committed write that changes nothing.
pub fn touch(tx: &mut dyn Tx) -> Result<()> {
    match tx.dialect() {
        Dialect::Sqlite => {
            let version = tx.int("PRAGMA user_version", &[])?;
            tx.batch(&format!("PRAGMA user_version = {version}"))
        }
        Dialect::Postgres => tx.exec("UPDATE wallet_help_schema SET version = version", &[]).map(drop),
    }
}

/// Version 6 in PostgreSQL: the tables SQLite has after its six steps, with PostgreSQL's
/// types (identity columns, BYTEA). The search table keeps SQLite's column name `rowid`, so
/// the store's SQL is one for both. Its trigram indexes (pg_trgm, shipped with PostgreSQL)
/// make a search for any three characters fast; where the extension may not be installed
/// the search still works, by scanning.
const POSTGRES_V6: &str = "
CREATE TABLE reports (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    reference    TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    category     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'received',
    status_token TEXT,
    updated_at   TEXT
);
CREATE INDEX reports_received ON reports (received_at);
CREATE TABLE attachments (
    report_id TEXT NOT NULL REFERENCES reports (id),
    idx       BIGINT NOT NULL,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    size      BIGINT NOT NULL,
    sha256    TEXT NOT NULL,
    data      BYTEA NOT NULL,
    PRIMARY KEY (report_id, idx)
);
CREATE TABLE messages (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL REFERENCES reports (id),
    author    TEXT NOT NULL,
    agent     TEXT,
    at        TEXT NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX messages_report ON messages (report_id, seq);
CREATE TABLE events (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id),
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_report ON events (report_id, seq);
CREATE TABLE agents (
    name       TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    agent      TEXT NOT NULL,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE reports_text (
    rowid       BIGINT PRIMARY KEY,
    subject     TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE webhook_events (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL,
    body         TEXT NOT NULL,
    attempts     BIGINT NOT NULL DEFAULT 0,
    next_at      BIGINT NOT NULL,
    delivered_at TEXT,
    last_error   TEXT
);
CREATE INDEX webhook_events_due ON webhook_events (next_at) WHERE delivered_at IS NULL;
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
    CREATE INDEX reports_text_subject ON reports_text USING gin (subject gin_trgm_ops);
    CREATE INDEX reports_text_description ON reports_text USING gin (description gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'no trigram indexes (%): the inbox search scans', SQLERRM;
END
$$;
";

/// Exactly the SQL that version 1 databases were created with.
fn create_reports(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS reports (
             seq         INTEGER PRIMARY KEY AUTOINCREMENT,
             id          TEXT NOT NULL UNIQUE,
             reference   TEXT NOT NULL UNIQUE,
             kind        TEXT NOT NULL,
             category    TEXT NOT NULL,
             created_at  TEXT NOT NULL,
             received_at TEXT NOT NULL,
             body        TEXT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS reports_received ON reports (received_at);",
    )
}

/// The bytes live beside the report, not only inside its body text, so an operator's
/// tools can fetch a file without decoding base64 out of JSON. `report_id` is the
/// report's `id`; `idx` its position in the payload's list.
fn create_attachments(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE attachments (
             report_id TEXT NOT NULL REFERENCES reports (id),
             idx       INTEGER NOT NULL,
             name      TEXT NOT NULL,
             type      TEXT NOT NULL,
             size      INTEGER NOT NULL,
             sha256    TEXT NOT NULL,
             data      BLOB NOT NULL,
             PRIMARY KEY (report_id, idx)
         );",
    )?;
    backfill_attachments(tx)
}

/// Reports stored before version 2 were accepted without attachment checks. Those
/// whose attachments pass the checks version 2 made get their rows; the others keep their
/// files in the body text only, as before: a migration must not drop a stored report.
fn backfill_attachments(tx: &Transaction) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare("SELECT id, body FROM reports WHERE body LIKE '%\"attachments\"%'")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut insert = tx.prepare(
        "INSERT INTO attachments (report_id, idx, name, type, size, sha256, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for row in rows {
        let (id, body) = row?;
        let Ok(body) = serde_json::from_str::<Value>(&body) else { continue };
        if let Some(files) = v2::files(&body) {
            for (idx, (name, mime, sha256, data)) in files.into_iter().enumerate() {
                insert.execute(rusqlite::params![id, idx as i64, name, mime, data.len() as i64, sha256, data])?;
            }
        }
    }
    Ok(())
}

/// The attachment rules as version 2 had them, frozen here: the collector's checks may
/// grow stricter later, and this step must keep doing what it did when it was written.
mod v2 {
    use base64::Engine;
    use serde_json::Value;
    use sha2::{Digest, Sha256};

    /// One file: name, type, sha256 and bytes.
    pub type File = (String, String, String, Vec<u8>);

    /// Every file of the body, or `None` if any breaks a rule.
    pub fn files(body: &Value) -> Option<Vec<File>> {
        let list = match body.get("attachments") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(list)) if list.len() <= 3 => list,
            Some(_) => return None,
        };
        list.iter().map(file).collect()
    }

    fn file(item: &Value) -> Option<File> {
        let text = |k: &str| item.get(k).and_then(Value::as_str);
        let name = text("name")?;
        let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let bad_name = name.trim().is_empty()
            || name.chars().count() > 200
            || name.contains(['/', '\\'])
            || name.chars().any(|c| c.is_control() || bidi(c))
            || name == "."
            || name == "..";
        let mime = text("type")?;
        let magic: &[u8] = match mime {
            "image/png" => b"\x89PNG\r\n\x1a\n",
            "image/jpeg" => b"\xFF\xD8\xFF",
            "image/webp" => b"RIFF",
            _ => return None,
        };
        let size = item.get("size").and_then(Value::as_u64)?;
        let sha256 = text("sha256")?;
        let data = text("data")?;
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        let bytes = engine.decode(data).ok()?;
        let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        let webp_ok = mime != "image/webp" || bytes.get(8..12) == Some(b"WEBP");
        let ok = !bad_name
            && size <= 2 * 1024 * 1024
            && bytes.len() as u64 == size
            && hash == sha256
            && bytes.starts_with(magic)
            && webp_ok;
        ok.then(|| (name.to_owned(), mime.to_owned(), sha256.to_owned(), bytes))
    }
}

/// A report's life after it arrived. Reports stored before version 3 have no status token
/// (NULL): their status can be read in the inbox but by no widget. `updated_at` NULL means
/// "as received". `messages.author` is `support`, `you` (the user) or `note` (internal, never
/// shown to the user); `id` is the sender's idempotency key. `events` is the audit: one row
/// per change, with who made it.
fn create_threads(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "ALTER TABLE reports ADD COLUMN status TEXT NOT NULL DEFAULT 'received';
         ALTER TABLE reports ADD COLUMN status_token TEXT;
         ALTER TABLE reports ADD COLUMN updated_at TEXT;
         CREATE TABLE messages (
             seq       INTEGER PRIMARY KEY AUTOINCREMENT,
             id        TEXT NOT NULL UNIQUE,
             report_id TEXT NOT NULL REFERENCES reports (id),
             author    TEXT NOT NULL,
             agent     TEXT,
             at        TEXT NOT NULL,
             text      TEXT NOT NULL
         );
         CREATE INDEX messages_report ON messages (report_id, seq);
         CREATE TABLE events (
             seq       INTEGER PRIMARY KEY AUTOINCREMENT,
             report_id TEXT NOT NULL REFERENCES reports (id),
             at        TEXT NOT NULL,
             actor     TEXT NOT NULL,
             action    TEXT NOT NULL,
             detail    TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX events_report ON events (report_id, seq);",
    )
}

/// Agents sign in to the inbox with a token of their own; only its SHA-256 is stored, so the
/// database does not hand out sign-ins. A session is a random id (stored hashed too) with
/// its own token against cross-site forms. The search index is FTS5 with trigrams, which
/// finds any three characters in a row, Chinese included; it is filled here from the stored
/// bodies with SQL alone, so this step stays as it is whatever later code does.
fn create_inbox(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE agents (
             name       TEXT PRIMARY KEY,
             token_hash TEXT NOT NULL UNIQUE,
             created_at TEXT NOT NULL
         );
         CREATE TABLE sessions (
             id_hash    TEXT PRIMARY KEY,
             agent      TEXT NOT NULL,
             csrf       TEXT NOT NULL,
             created_at TEXT NOT NULL,
             expires_at TEXT NOT NULL
         );
         CREATE VIRTUAL TABLE reports_text USING fts5 (subject, description, tokenize = 'trigram');
         INSERT INTO reports_text (rowid, subject, description)
             SELECT seq, coalesce(json_extract(body, '$.subject'), ''), coalesce(json_extract(body, '$.description'), '')
               FROM reports WHERE json_valid(body);",
    )
}

/// v5: the webhook queue. An event is written in the transaction that made it, so a
/// receiver that is down (or a collector that stops) loses nothing; `next_at` is when the
/// next attempt is due, in Unix milliseconds.
fn create_webhook_queue(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE webhook_events (
             seq INTEGER PRIMARY KEY,
             id TEXT NOT NULL UNIQUE,
             type TEXT NOT NULL,
             body TEXT NOT NULL,
             attempts INTEGER NOT NULL DEFAULT 0,
             next_at INTEGER NOT NULL,
             delivered_at TEXT,
             last_error TEXT
         );
         CREATE INDEX webhook_events_due ON webhook_events (next_at) WHERE delivered_at IS NULL;",
    )
}

/// v6: a file's bytes are kept once, in `attachments`; the body keeps its name, size and
/// hash. Bodies stored earlier lose their base64 where every file has its row (those whose
/// files failed the v2 checks keep it: it is the only copy). SQL alone, so this step
/// stays as it is whatever later code does.
fn files_once(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "UPDATE reports SET body = json_remove(body, '$.attachments[0].data', '$.attachments[1].data',
                                                '$.attachments[2].data')
          WHERE json_valid(body) AND json_type(body, '$.attachments') = 'array'
            AND json_array_length(body, '$.attachments') BETWEEN 1 AND 3
            AND json_array_length(body, '$.attachments') =
                (SELECT count(*) FROM attachments WHERE report_id = reports.id);",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attachments::sha256_hex;

    /// A database as version 1 of the collector left it, with one report.
    fn version_1(body: &str) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        create_reports(&tx).unwrap();
        tx.execute(
            "INSERT INTO reports (id, reference, kind, category, created_at, received_at, body)
             VALUES ('a', 'WH-00000000', 'feedback', 'other', 't', 't', ?1)",
            [body],
        )
        .unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.commit().unwrap();
        conn
    }

    fn attachment_rows(conn: &Connection) -> Vec<(String, i64, String, Vec<u8>)> {
        let mut stmt = conn.prepare("SELECT report_id, idx, type, data FROM attachments ORDER BY idx").unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)));
        rows.unwrap().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn an_empty_database_gets_every_step() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_sqlite(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        assert!(attachment_rows(&conn).is_empty());
        // Running again is a no-op, not an error ("table already exists").
        migrate_sqlite(&mut conn).unwrap();
    }

    #[test]
    fn a_version_1_database_keeps_its_reports_and_gains_valid_attachments() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let body = serde_json::json!({ "attachments": [{
            "name": "a.png", "type": "image/png", "size": png.len(),
            "sha256": sha256_hex(png), "data": "iVBORw0KGgoAAAANSUhEUg==",
        }]});
        let mut conn = version_1(&body.to_string());
        migrate_sqlite(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let count: i64 = conn.query_row("SELECT count(*) FROM reports", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 1);
        let expected = ("a".to_owned(), 0, "image/png".to_owned(), png.to_vec());
        assert_eq!(attachment_rows(&conn), vec![expected]);
        // Kept once: the body no longer carries the base64, only what names the file.
        let stored: String = conn.query_row("SELECT body FROM reports", [], |r| r.get(0)).unwrap();
        let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(stored["attachments"][0].get("data"), None);
        assert_eq!(stored["attachments"][0]["sha256"], sha256_hex(png));
    }

    #[test]
    fn attachments_that_fail_the_v2_checks_stay_in_the_body_only() {
        let body = r#"{"attachments":[{"name":"a.gif","type":"image/gif","size":1,"sha256":"x","data":"AA=="}]}"#;
        let mut conn = version_1(body);
        migrate_sqlite(&mut conn).unwrap();
        assert!(attachment_rows(&conn).is_empty());
        let stored: String = conn.query_row("SELECT body FROM reports", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, body);
    }

    #[test]
    fn a_database_from_a_newer_collector_is_left_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        migrate_sqlite(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION + 1);
    }
}
