//! The report store: opening the database (migrations live in `schema`), idempotent insert
//! (one report row per `id`, whatever the number of retries or racing posts, even from
//! several collector instances, with its attachment rows in the same transaction), the admin
//! listing and deletion.
//!
//! It runs on SQLite (a file: one `Connection` behind a `Mutex`, as every statement is short
//! and a single writer is what SQLite wants anyway) or on PostgreSQL (a pool, for several
//! instances on one server); the SQL is written once, against `db::Tx`. The methods block:
//! callers in async code run them on a blocking thread.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, TransactionBehavior};

use crate::attachments::Attachment;
use crate::db::{params, Dialect, SqliteTx, Tx};
pub use crate::db::{Error, Result};
use crate::random;
use crate::validate::ValidReport;

/// How many fresh references to try when a random one is already taken. A clash is
/// about one in a trillion per report, so running out means something else is wrong.
const REFERENCE_ATTEMPTS: usize = 8;

/// Where the reports are kept, as `--db` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file, created with its folder if missing.
    File(PathBuf),
    /// A PostgreSQL server: `postgres://` or `postgresql://` and the rest of a libpq URL.
    Postgres(String),
}

impl Location {
    pub fn parse(text: &str) -> Location {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Location::Postgres(text.to_owned())
        } else {
            Location::File(PathBuf::from(text))
        }
    }

    /// The file, for SQLite.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }
}

impl std::fmt::Display for Location {
    /// The file, or the server without its password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => write!(f, "{}://…{}", &url[..scheme], &url[at..]),
                _ => f.write_str(url),
            },
        }
    }
}

enum Backend {
    Sqlite(Mutex<Connection>),
    Postgres(crate::pg::Pool),
}

pub struct Store {
    backend: Backend,
    /// Whether new reports and messages queue webhook events (only with a webhook set).
    events: bool,
}

/// What `insert_or_get` did: only `created` reports are new rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub reference: String,
    pub created: bool,
    /// The secret that lets the sender read the report's status and thread: given for a new
    /// report and for a repeat of exactly the same body (a retry whose first answer was
    /// lost), never to a different body under a known id. `None` for reports stored before
    /// there were status tokens.
    pub status_token: Option<String>,
    /// Whether the stored body is this one (always for a new report).
    pub same_body: bool,
}

/// One row of the admin listing; `body` is the JSON text exactly as it was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub attachments: Vec<AttachmentSummary>,
    pub reference: String,
    pub id: String,
    pub kind: String,
    pub category: String,
    pub created_at: String,
    pub received_at: String,
    pub body: String,
}

/// What the listing says about one stored attachment: everything but the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentSummary {
    pub name: String,
    /// The MIME type, as declared and verified.
    pub mime: String,
    pub size: i64,
    pub sha256: String,
}

impl Store {
    /// Opens the database at `location` and migrates it. The error is a sentence for the
    /// operator: this only runs at startup.
    pub fn open_at(location: &Location) -> std::result::Result<Store, String> {
        match location {
            Location::File(path) => Store::open(path),
            Location::Postgres(url) => {
                let store = Store { backend: Backend::Postgres(crate::pg::Pool::connect(url)?), events: false };
                store
                    .write(crate::schema::migrate_postgres)
                    .map_err(|e| format!("cannot prepare the database at {location}: {e}"))?;
                Ok(store)
            }
        }
    }

    /// Opens (creating the file and its parent folders if needed) a SQLite database and migrates.
    pub fn open(path: &Path) -> std::result::Result<Store, String> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create folder {}: {e}", parent.display()))?;
        }
        let open = || -> Result<Store> {
            let conn = Connection::open(path)?;
            // WAL lets the admin listing read while a report is written; the busy
            // timeout covers a second process (e.g. a backup) holding the lock briefly.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            Store::with_connection(conn)
        };
        open().map_err(|e| format!("cannot open database {}: {e}", path.display()))
    }

    /// A private in-memory SQLite database, for tests and throwaway runs.
    pub fn open_in_memory() -> Result<Store> {
        Store::with_connection(Connection::open_in_memory()?)
    }

    /// A private, empty store for a test: in memory, or, when `WALLET_HELP_SCRATCH=postgres`,
    /// in a schema of its own on the test server (see [`scratch_postgres_url`]). `make test`
    /// runs the collector's tests once each way, so the same tests cover both databases.
    pub fn scratch() -> Result<Store> {
        match std::env::var("WALLET_HELP_SCRATCH").as_deref() {
            Ok("postgres") => Store::open_at(&Location::Postgres(scratch_postgres_url()?)).map_err(Error::Message),
            _ => Store::open_in_memory(),
        }
    }

    fn with_connection(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // The migration takes the write lock itself (IMMEDIATE), so it runs outside `write`.
        crate::schema::migrate_sqlite(&mut conn)?;
        Ok(Store { backend: Backend::Sqlite(Mutex::new(conn)), events: false })
    }

    /// Makes new reports and messages queue `webhook` events from now on.
    pub fn queue_events(mut self, on: bool) -> Store {
        self.events = on;
        self
    }

    pub(crate) fn events(&self) -> bool {
        self.events
    }

    pub fn dialect(&self) -> Dialect {
        match self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `f` in one write transaction, committed if it returns `Ok` and rolled back
    /// otherwise. SQLite's is IMMEDIATE: it takes the write lock up front rather than
    /// upgrading a read lock, which SQLite may refuse (SQLITE_BUSY) without waiting when
    /// another writer races.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => {
                let mut conn = lock(conn);
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&mut SqliteTx(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Backend::Postgres(pool) => pool.transaction(false, f),
        }
    }

    /// Runs `f` in one read transaction: every statement in it sees the same data.
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => {
                let conn = lock(conn);
                let tx = conn.unchecked_transaction()?;
                f(&mut SqliteTx(&tx))
            }
            Backend::Postgres(pool) => pool.transaction(true, f),
        }
    }

    /// Stores `body` and the attachments under `report.id` unless that id is already
    /// stored, and returns the reference of the one row either way. `ON CONFLICT DO
    /// NOTHING` on the UNIQUE `id` plus a re-read makes two racing identical posts (even
    /// from two processes, or two instances on one PostgreSQL) end with one row and one
    /// reference. One transaction: a report is never listed without its attachments, and a
    /// failure stores neither.
    pub fn insert_or_get(&self, report: &ValidReport, body: &str) -> Result<Stored> {
        let received = serde_json::from_str::<serde_json::Value>(body).ok().map(without_attachment_data);
        // Each file once: its bytes go to `attachments`, the body keeps its name, size and hash.
        let stored_text = received.as_ref().map_or_else(|| body.to_owned(), ToString::to_string);
        let field = |name: &str| received.as_ref().and_then(|b| b[name].as_str()).unwrap_or("").to_owned();
        let (subject, description) = (field("subject"), field("description"));
        let events = self.events;
        self.write(|tx| {
            for _ in 0..REFERENCE_ATTEMPTS {
                let reference = random::reference();
                let now = tx.dialect().now();
                let inserted = tx.exec(
                    &format!(
                        "INSERT INTO reports
                           (id, reference, kind, category, created_at, received_at, body, status_token)
                         VALUES (?1, ?2, ?3, ?4, ?5, {now}, ?6, ?7) ON CONFLICT DO NOTHING"
                    ),
                    params![
                        &report.id,
                        reference,
                        &report.kind,
                        &report.category,
                        &report.created_at,
                        &stored_text,
                        random::token()
                    ],
                )?;
                let Some((existing, stored_body, token)) = stored_row(tx, &report.id)? else {
                    // Ignored, yet no row has this id: the random reference clashed. Draw again.
                    continue;
                };
                let created = inserted == 1;
                // A repeat stores nothing new: the first post's files stand.
                if created {
                    insert_attachments(tx, &report.id, &report.attachments)?;
                    tx.exec(
                        "INSERT INTO reports_text (rowid, subject, description)
                         SELECT seq, ?2, ?3 FROM reports WHERE id = ?1",
                        params![&report.id, &subject, &description],
                    )?;
                    let at = tx.row("SELECT received_at FROM reports WHERE id = ?1", params![&report.id])?;
                    let at = at.ok_or_else(|| Error::Message("the new report is gone".into()))?.text(0)?;
                    crate::thread::audit(tx, &report.id, &at, "user", "received", "")?;
                    if events {
                        let event = report_event(tx, &report.id)?;
                        crate::webhook::enqueue(tx, "report.created", event)?;
                    }
                }
                // Compared as JSON without the file data (a report stored before files were
                // kept apart still has it): the hashes in both still name the same bytes.
                let stored = serde_json::from_str::<serde_json::Value>(&stored_body).ok().map(without_attachment_data);
                let same_body = match (&stored, &received) {
                    (Some(a), Some(b)) => a == b,
                    _ => stored_body == body,
                };
                let status_token = token.filter(|_| same_body);
                return Ok(Stored { created, reference: existing, status_token, same_body });
            }
            Err(Error::Message("could not draw an unused report reference".into()))
        })
    }

    /// Up to `limit` reports, newest first (in order of arrival), after the one `cursor`
    /// names; and the cursor for the next page, if there is one. A page never holds file
    /// bytes, so its size is bounded by the limits on the texts.
    pub fn list(&self, limit: usize, cursor: Option<i64>) -> Result<(Vec<Row>, Option<i64>)> {
        // One read transaction, so the summaries belong to exactly the reports read.
        self.read(|tx| {
            let found = tx.rows(
                &format!("SELECT {ROW_COLUMNS}, seq FROM reports WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2"),
                params![cursor.unwrap_or(i64::MAX), limit as i64 + 1],
            )?;
            let mut rows = found.iter().map(read_row).collect::<Result<Vec<_>>>()?;
            let next = (rows.len() > limit).then(|| rows[limit - 1].1);
            rows.truncate(limit);
            with_summaries(tx, rows).map(|rows| (rows, next))
        })
    }

    /// One report's row, or `None` for an unknown id.
    pub fn report(&self, id: &str) -> Result<Option<Row>> {
        self.read(|tx| {
            let found = tx.rows(&format!("SELECT {ROW_COLUMNS}, seq FROM reports WHERE id = ?1"), params![id])?;
            let rows = found.iter().map(read_row).collect::<Result<Vec<_>>>()?;
            Ok(with_summaries(tx, rows)?.pop())
        })
    }

    /// One attachment's name, type and bytes.
    pub fn attachment(&self, report_id: &str, idx: i64) -> Result<Option<(String, String, Vec<u8>)>> {
        self.read(|tx| {
            let row = tx.row(
                "SELECT name, type, data FROM attachments WHERE report_id = ?1 AND idx = ?2",
                params![report_id, idx],
            )?;
            row.map(|r| Ok((r.text(0)?, r.text(1)?, r.bytes(2)?))).transpose()
        })
    }

    /// The stored bytes of one attachment, for an operator's tools (and the tests).
    pub fn attachment_data(&self, report_id: &str, idx: i64) -> Result<Option<Vec<u8>>> {
        Ok(self.attachment(report_id, idx)?.map(|(_, _, data)| data))
    }

    /// Deletes a report and everything kept with it: its files, thread, history, search
    /// entry and undelivered events. `false` when there was no such report.
    pub fn delete(&self, id: &str) -> Result<bool> {
        self.write(|tx| Ok(delete_reports(tx, "id = ?1", params![id])? == 1))
    }

    /// Deletes every report received more than `days` days ago, with all it holds; how many.
    pub fn delete_older_than(&self, days: u32) -> Result<u64> {
        self.write(|tx| {
            let cutoff = tx.dialect().hours_from_now(-24 * i64::from(days));
            delete_reports(tx, &format!("received_at < {cutoff}"), &[])
        })
    }

    /// A real committed write that changes nothing (the schema version, set to itself): it
    /// fails when a report could not be stored now (a full or read-only disk, a lost lock,
    /// a server gone).
    pub fn check_writable(&self) -> Result<()> {
        self.write(|tx| crate::schema::touch(tx))
    }

    pub fn count(&self) -> Result<i64> {
        self.read(|tx| tx.int("SELECT count(*) FROM reports", &[]))
    }
}

/// The address of a new, empty schema of its own on the test server that
/// `WALLET_HELP_TEST_POSTGRES` names (`scripts/with-postgres.sh` starts one): a store opened
/// there, by this process or another, sees only what the test puts in. Nobody drops it:
/// the whole server is thrown away after the tests.
pub fn scratch_postgres_url() -> Result<String> {
    let url = std::env::var("WALLET_HELP_TEST_POSTGRES").ok().filter(|u| !u.is_empty()).ok_or_else(|| {
        Error::Message("WALLET_HELP_TEST_POSTGRES is not set: run the tests through scripts/with-postgres.sh".into())
    })?;
    let schema = format!("t_{}", &random::token()[..16]);
    let server = crate::pg::Pool::connect(&url).map_err(Error::Message)?;
    server.transaction(false, |tx| tx.batch(&format!("CREATE SCHEMA {schema}")))?;
    let separator = if url.contains('?') { '&' } else { '?' };
    // Tables go to the test's schema; `public` stays on the path for pg_trgm's operators.
    Ok(format!("{url}{separator}options=-csearch_path%3D{schema},public"))
}

/// Locks the SQLite connection. A panic while holding the lock cannot leave SQLite
/// half-written (statements are atomic, transactions roll back), so a poisoned lock is
/// still safe to use.
fn lock(conn: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Deletes the reports matching `condition` (over `reports`) and every row that belongs to
/// them; the caller owns the transaction.
fn delete_reports(tx: &mut dyn Tx, condition: &str, params: &[crate::db::Value]) -> Result<u64> {
    let chosen = format!("SELECT id FROM reports WHERE {condition}");
    for table in ["attachments", "messages", "events"] {
        tx.exec(&format!("DELETE FROM {table} WHERE report_id IN ({chosen})"), params)?;
    }
    tx.exec(&format!("DELETE FROM reports_text WHERE rowid IN (SELECT seq FROM reports WHERE {condition})"), params)?;
    // The queue keeps each event's text: sent or not, it goes with the report.
    let d = tx.dialect();
    let (message_event, report_event) =
        (d.json_text("body", &["data", "report_id"]), d.json_text("body", &["data", "id"]));
    tx.exec(
        &format!("DELETE FROM webhook_events WHERE coalesce({message_event}, {report_event}) IN ({chosen})"),
        params,
    )?;
    tx.exec(&format!("DELETE FROM reports WHERE {condition}"), params)
}

/// The body with each attachment's `data` left out: the bytes are kept once, in the
/// `attachments` table.
pub fn without_attachment_data(mut body: serde_json::Value) -> serde_json::Value {
    if let Some(list) = body.get_mut("attachments").and_then(serde_json::Value::as_array_mut) {
        for item in list {
            if let Some(fields) = item.as_object_mut() {
                fields.remove("data");
            }
        }
    }
    body
}

/// What a `report.created` event tells: enough to triage in a chat, never the files.
fn report_event(tx: &mut dyn Tx, id: &str) -> Result<serde_json::Value> {
    let row = tx.row(
        "SELECT id, reference, kind, category, body, created_at, received_at,
                (SELECT count(*) FROM attachments WHERE report_id = reports.id)
           FROM reports WHERE id = ?1",
        params![id],
    )?;
    let r = row.ok_or_else(|| Error::Message(format!("no report {id}")))?;
    let body: serde_json::Value = serde_json::from_str(&r.text(4)?).unwrap_or_default();
    Ok(serde_json::json!({
        "id": r.text(0)?, "reference": r.text(1)?, "kind": r.text(2)?, "category": r.text(3)?,
        "locale": body["locale"], "subject": body["subject"], "description": body["description"],
        "created_at": r.text(5)?, "received_at": r.text(6)?, "attachments": r.int(7)?,
    }))
}

/// The reference, body and status token stored under `id`.
fn stored_row(tx: &mut dyn Tx, id: &str) -> Result<Option<(String, String, Option<String>)>> {
    let row = tx.row("SELECT reference, body, status_token FROM reports WHERE id = ?1", params![id])?;
    row.map(|r| Ok((r.text(0)?, r.text(1)?, r.opt_text(2)?))).transpose()
}

/// Writes the rows of one report's attachments; the caller owns the transaction.
fn insert_attachments(tx: &mut dyn Tx, report_id: &str, attachments: &[Attachment]) -> Result<()> {
    for (idx, a) in attachments.iter().enumerate() {
        tx.exec(
            "INSERT INTO attachments (report_id, idx, name, type, size, sha256, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![report_id, idx as i64, &a.name, a.image_type.mime(), a.data.len() as i64, &a.sha256, &a.data[..]],
        )?;
    }
    Ok(())
}

/// The columns [`read_row`] reads, in its order (and `seq` after them).
const ROW_COLUMNS: &str = "reference, id, kind, category, created_at, received_at, body";

fn read_row(r: &crate::db::Row) -> Result<(Row, i64)> {
    let row = Row {
        attachments: Vec::new(),
        reference: r.text(0)?,
        id: r.text(1)?,
        kind: r.text(2)?,
        category: r.text(3)?,
        created_at: r.text(4)?,
        received_at: r.text(5)?,
        body: r.text(6)?,
    };
    Ok((row, r.int(7)?))
}

/// The rows (with their `seq`, newest first) with their files' summaries filled in.
fn with_summaries(tx: &mut dyn Tx, rows: Vec<(Row, i64)>) -> Result<Vec<Row>> {
    let mut summaries = attachment_summaries(tx, rows.first().map(|r| r.1), rows.last().map(|r| r.1))?;
    Ok(rows
        .into_iter()
        .map(|(mut row, _)| {
            row.attachments = summaries.remove(&row.id).unwrap_or_default();
            row
        })
        .collect())
}

/// The summaries of the files of reports `newest` down to `oldest` (by `seq`).
fn attachment_summaries(
    tx: &mut dyn Tx,
    newest: Option<i64>,
    oldest: Option<i64>,
) -> Result<HashMap<String, Vec<AttachmentSummary>>> {
    let rows = tx.rows(
        "SELECT a.report_id, a.name, a.type, a.size, a.sha256 FROM attachments a
           JOIN reports r ON r.id = a.report_id WHERE r.seq BETWEEN ?1 AND ?2 ORDER BY a.report_id, a.idx",
        params![oldest.unwrap_or(0), newest.unwrap_or(-1)],
    )?;
    let mut grouped: HashMap<String, Vec<AttachmentSummary>> = HashMap::new();
    for r in rows {
        grouped.entry(r.text(0)?).or_default().push(AttachmentSummary {
            name: r.text(1)?,
            mime: r.text(2)?,
            size: r.int(3)?,
            sha256: r.text(4)?,
        });
    }
    Ok(grouped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str) -> ValidReport {
        ValidReport {
            id: id.to_owned(),
            created_at: "2025-03-04T05:06:07Z".to_owned(),
            kind: "feedback".to_owned(),
            category: "other".to_owned(),
            attachments: Vec::new(),
        }
    }

    fn rows(store: &Store) -> Vec<i64> {
        ["reports", "attachments", "messages", "events", "reports_text", "webhook_events"]
            .iter()
            .map(|t| store.read(|tx| tx.int(&format!("SELECT count(*) FROM {t}"), &[])).unwrap())
            .collect()
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    /// Report `id` with one checked PNG.
    fn with_png(id: &str) -> ValidReport {
        let file = Attachment {
            name: "a.png".into(),
            image_type: crate::sniff::ImageType::Png,
            sha256: crate::attachments::sha256_hex(PNG),
            data: PNG.to_vec(),
        };
        ValidReport { attachments: vec![file], ..report(id) }
    }

    #[test]
    fn deleting_a_report_leaves_nothing_of_it_and_retention_deletes_the_old_ones() {
        let store = Store::scratch().unwrap().queue_events(true);
        let with_file = with_png("a");
        let body = r#"{"subject":"lost","description":"my USDT"}"#;
        store.insert_or_get(&with_file, body).unwrap();
        store.insert_or_get(&report("b"), body).unwrap();
        store.add_message("a", "m1", crate::thread::Author::Support, "ana", "Which network?").unwrap();
        store.add_message("a", "m2", crate::thread::Author::You, "user", "TRON").unwrap();
        assert_eq!(rows(&store), [2, 1, 2, 4, 2, 4]);

        assert!(store.delete("a").unwrap());
        assert!(!store.delete("a").unwrap(), "only once");
        assert_eq!(rows(&store), [1, 0, 0, 1, 1, 1], "only b's rows are left");

        store
            .write(|tx| tx.exec("UPDATE reports SET received_at = '2020-01-01T00:00:00.000Z' WHERE id = 'b'", &[]))
            .unwrap();
        store.insert_or_get(&report("c"), body).unwrap();
        assert_eq!(store.delete_older_than(30).unwrap(), 1);
        assert_eq!(rows(&store), [1, 0, 0, 1, 1, 1], "c stays, b has gone with its event");
        assert!(store.report("c").unwrap().is_some());
    }

    #[test]
    fn insert_is_idempotent_per_id() {
        let store = Store::scratch().unwrap();
        let first = store.insert_or_get(&report("a"), "{\"n\":1}").unwrap();
        assert!(first.created);
        let token = first.status_token.clone().unwrap();
        assert_eq!(token.len(), 64);
        let again = store.insert_or_get(&report("a"), "{\"n\":2}").unwrap();
        assert_eq!(
            again,
            Stored { created: false, reference: first.reference.clone(), status_token: None, same_body: false }
        );
        let repeat = store.insert_or_get(&report("a"), "{\"n\":1}").unwrap();
        assert_eq!(repeat.status_token, Some(token), "an identical retry learns the token its first answer carried");
        let (rows, next) = store.list(10, None).unwrap();
        assert_eq!((rows.len(), next), (1, None));
        // The first body wins: a retry cannot rewrite what was received.
        assert_eq!(rows[0].body, "{\"n\":1}");
    }

    #[test]
    fn a_file_database_creates_its_folder_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/data/reports.sqlite3");
        let reference = {
            let store = Store::open(&path).unwrap();
            store.insert_or_get(&report("a"), "{}").unwrap().reference
        };
        assert!(path.is_file());
        let store = Store::open(&path).unwrap();
        assert_eq!(store.count().unwrap(), 1);
        assert_eq!(store.insert_or_get(&report("a"), "{}").unwrap().reference, reference);
        assert!(store.insert_or_get(&report("b"), "{}").unwrap().created);
        assert_eq!(store.list(10, None).unwrap().0[0].id, "b");
    }

    #[test]
    fn the_listing_comes_a_page_at_a_time_newest_first() {
        let store = Store::scratch().unwrap();
        for n in 0..7 {
            store.insert_or_get(&report(&format!("r{n}")), "{}").unwrap();
        }
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let (rows, next) = store.list(3, cursor).unwrap();
            assert!(rows.len() <= 3);
            seen.extend(rows.into_iter().map(|r| r.id));
            match next {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen, ["r6", "r5", "r4", "r3", "r2", "r1", "r0"], "each once, newest first");
        assert_eq!(store.list(7, None).unwrap().1, None, "no empty last page");
    }

    #[test]
    fn a_file_is_kept_once_and_a_retry_is_still_the_same_report() {
        use base64::Engine;
        let store = Store::scratch().unwrap();
        let data = base64::engine::general_purpose::STANDARD.encode(PNG);
        let body = serde_json::json!({ "d": "x", "attachments": [{ "name": "a.png", "sha256": "h", "data": data }] });
        let with_file = with_png("a");
        // Keys in another order and other spacing: the same JSON.
        let text = body.to_string();
        store.insert_or_get(&with_file, &text).unwrap();
        let (rows, _) = store.list(1, None).unwrap();
        assert!(!rows[0].body.contains(&data), "the base64 is not stored in the body");
        assert_eq!(rows[0].attachments.len(), 1);
        let spaced = format!(" {} ", serde_json::to_string_pretty(&body).unwrap());
        let again = store.insert_or_get(&with_file, &spaced).unwrap();
        assert!(again.same_body && again.status_token.is_some(), "a retry is the same report");
        let other = body.to_string().replace("\"x\"", "\"y\"");
        assert!(!store.insert_or_get(&with_file, &other).unwrap().same_body);
    }

    #[test]
    fn open_reports_an_unusable_path() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        let error = Store::open(&blocker.join("reports.sqlite3")).err().unwrap();
        assert!(error.contains("cannot create folder"), "{error}");
    }
}
