//! The SQLite report store: opening the database (migrations live in `schema`),
//! idempotent insert (one report row per `id`, whatever the number of retries or racing
//! posts, with its attachment rows in the same transaction), and the admin listing.
//!
//! One `Connection` behind a `Mutex`: every statement is short, and a single writer is
//! what SQLite wants anyway. Callers run these methods on a blocking thread.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::attachments::Attachment;
use crate::random;
use crate::schema::migrate;
use crate::validate::ValidReport;

/// How many fresh references to try when a random one is already taken. A clash is
/// about one in a trillion per report, so running out means something else is wrong.
const REFERENCE_ATTEMPTS: usize = 8;

pub type Result<T> = std::result::Result<T, rusqlite::Error>;

pub struct Store {
    conn: Mutex<Connection>,
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
    /// Opens (creating the file and its parent folders if needed) and migrates.
    /// The error is a sentence for the operator: this only runs at startup.
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

    /// A private in-memory database, for tests and throwaway runs.
    pub fn open_in_memory() -> Result<Store> {
        Store::with_connection(Connection::open_in_memory()?)
    }

    fn with_connection(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Store { conn: Mutex::new(conn), events: false })
    }

    /// Makes new reports and messages queue `webhook` events from now on.
    pub fn queue_events(mut self, on: bool) -> Store {
        self.events = on;
        self
    }

    pub(crate) fn events(&self) -> bool {
        self.events
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (statements
        // are atomic), so a poisoned lock is still safe to use.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores `body` and the attachments under `report.id` unless that id is already
    /// stored, and returns the reference of the one row either way. `INSERT OR IGNORE`
    /// on the UNIQUE `id` plus a re-read makes two racing identical posts (even from two
    /// processes) end with one row and one reference. One transaction: a report is never
    /// listed without its attachments, and a failure stores neither.
    pub fn insert_or_get(&self, report: &ValidReport, body: &str) -> Result<Stored> {
        let received = serde_json::from_str::<serde_json::Value>(body).ok().map(without_attachment_data);
        // Each file once: its bytes go to `attachments`, the body keeps its name, size and hash.
        let stored_text = received.as_ref().map_or_else(|| body.to_owned(), ToString::to_string);
        let mut conn = self.conn();
        // IMMEDIATE: take the write lock up front rather than upgrading a read lock,
        // which SQLite may refuse (SQLITE_BUSY) without waiting when another writer races.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = random::reference();
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO reports
                   (id, reference, kind, category, created_at, received_at, body, status_token)
                 VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?6, ?7)",
                params![
                    report.id,
                    reference,
                    report.kind,
                    report.category,
                    report.created_at,
                    stored_text,
                    random::token()
                ],
            )?;
            if let Some((existing, stored_body, token)) = stored_row(&tx, &report.id)? {
                let created = inserted == 1;
                // A repeat stores nothing new: the first post's files stand.
                if created {
                    insert_attachments(&tx, &report.id, &report.attachments)?;
                    tx.execute(
                        "INSERT INTO reports_text (rowid, subject, description)
                         SELECT seq, coalesce(json_extract(body, '$.subject'), ''),
                                coalesce(json_extract(body, '$.description'), '')
                           FROM reports WHERE id = ?1 AND json_valid(body)",
                        [&report.id],
                    )?;
                    let at: String =
                        tx.query_row("SELECT received_at FROM reports WHERE id = ?1", [&report.id], |r| r.get(0))?;
                    crate::thread::audit(&tx, &report.id, &at, "user", "received", "")?;
                    if self.events {
                        crate::webhook::enqueue(&tx, "report.created", report_event(&tx, &report.id)?)?;
                    }
                }
                tx.commit()?;
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
            // Ignored, yet no row has this id: the random reference clashed. Draw again.
        }
        // rusqlite has no variant for "gave up"; this one carries a message through.
        Err(rusqlite::Error::ToSqlConversionFailure("could not draw an unused report reference".into()))
    }

    /// Up to `limit` reports, newest first (in order of arrival), after the one `cursor`
    /// names; and the cursor for the next page, if there is one. A page never holds file
    /// bytes, so its size is bounded by the limits on the texts.
    pub fn list(&self, limit: usize, cursor: Option<i64>) -> Result<(Vec<Row>, Option<i64>)> {
        let conn = self.conn();
        // One read transaction, so the summaries belong to exactly the reports read.
        let tx = conn.unchecked_transaction()?;
        let mut stmt = tx.prepare(&format!(
            "SELECT {ROW_COLUMNS}, seq FROM reports WHERE ?1 IS NULL OR seq < ?1 ORDER BY seq DESC LIMIT ?2"
        ))?;
        let mut rows = stmt
            .query_map(params![cursor, limit as i64 + 1], |r| Ok((read_row(r)?, r.get::<_, i64>(7)?)))?
            .collect::<Result<Vec<_>>>()?;
        let next = (rows.len() > limit).then(|| rows[limit - 1].1);
        rows.truncate(limit);
        with_summaries(&tx, rows).map(|rows| (rows, next))
    }

    /// One report's row, or `None` for an unknown id.
    pub fn report(&self, id: &str) -> Result<Option<Row>> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        let row = tx
            .query_row(&format!("SELECT {ROW_COLUMNS}, seq FROM reports WHERE id = ?1"), [id], |r| {
                Ok((read_row(r)?, r.get::<_, i64>(7)?))
            })
            .optional()?;
        Ok(with_summaries(&tx, row.into_iter().collect())?.pop())
    }

    /// One attachment's name, type and bytes.
    pub fn attachment(&self, report_id: &str, idx: i64) -> Result<Option<(String, String, Vec<u8>)>> {
        self.conn()
            .query_row(
                "SELECT name, type, data FROM attachments WHERE report_id = ?1 AND idx = ?2",
                params![report_id, idx],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
    }

    /// The stored bytes of one attachment, for an operator's tools (and the tests).
    pub fn attachment_data(&self, report_id: &str, idx: i64) -> Result<Option<Vec<u8>>> {
        self.conn()
            .query_row("SELECT data FROM attachments WHERE report_id = ?1 AND idx = ?2", params![report_id, idx], |r| {
                r.get(0)
            })
            .optional()
    }

    /// Deletes a report and everything kept with it: its files, thread, history, search
    /// entry and undelivered events. `false` when there was no such report.
    pub fn delete(&self, id: &str) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed = delete_reports(&tx, "id = ?1", [id])?;
        tx.commit()?;
        Ok(removed == 1)
    }

    /// Deletes every report received more than `days` days ago, with all it holds; how many.
    pub fn delete_older_than(&self, days: u32) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed =
            delete_reports(&tx, "received_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)", [format!("-{days} days")])?;
        tx.commit()?;
        Ok(removed)
    }

    /// A real committed write that changes nothing (the schema version, set to itself): it
    /// fails when a report could not be stored now (a full or read-only disk, a lost lock).
    pub fn check_writable(&self) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()
    }

    pub fn count(&self) -> Result<i64> {
        self.conn().query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
    }
}

/// Deletes the reports matching `condition` (over `reports`) and every row that belongs to
/// them; the caller owns the transaction.
fn delete_reports(tx: &Connection, condition: &str, params: impl rusqlite::Params + Clone) -> Result<usize> {
    let chosen = format!("SELECT id FROM reports WHERE {condition}");
    for table in ["attachments", "messages", "events"] {
        tx.execute(&format!("DELETE FROM {table} WHERE report_id IN ({chosen})"), params.clone())?;
    }
    tx.execute(
        &format!("DELETE FROM reports_text WHERE rowid IN (SELECT seq FROM reports WHERE {condition})"),
        params.clone(),
    )?;
    // The queue keeps each event's text: sent or not, it goes with the report.
    tx.execute(
        &format!(
            "DELETE FROM webhook_events
              WHERE coalesce(json_extract(body, '$.data.report_id'), json_extract(body, '$.data.id')) IN ({chosen})"
        ),
        params.clone(),
    )?;
    tx.execute(&format!("DELETE FROM reports WHERE {condition}"), params)
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
fn report_event(conn: &Connection, id: &str) -> Result<serde_json::Value> {
    conn.query_row(
        "SELECT json_object('id', id, 'reference', reference, 'kind', kind, 'category', category,
                'locale', json_extract(body, '$.locale'), 'subject', json_extract(body, '$.subject'),
                'description', json_extract(body, '$.description'), 'created_at', created_at,
                'received_at', received_at,
                'attachments', (SELECT count(*) FROM attachments WHERE report_id = reports.id))
           FROM reports WHERE id = ?1",
        [id],
        |r| r.get::<_, String>(0),
    )
    .map(|text| serde_json::from_str(&text).unwrap_or_default())
}

/// The reference, body and status token stored under `id`.
fn stored_row(conn: &Connection, id: &str) -> Result<Option<(String, String, Option<String>)>> {
    conn.query_row("SELECT reference, body, status_token FROM reports WHERE id = ?1", [id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .optional()
}

/// Writes the rows of one report's attachments; the caller owns the transaction.
fn insert_attachments(conn: &Connection, report_id: &str, attachments: &[Attachment]) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO attachments (report_id, idx, name, type, size, sha256, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (idx, a) in attachments.iter().enumerate() {
        stmt.execute(params![
            report_id,
            idx as i64,
            a.name,
            a.image_type.mime(),
            a.data.len() as i64,
            a.sha256,
            a.data
        ])?;
    }
    Ok(())
}

/// Every attachment summary, grouped by report id and in payload order.
/// The columns [`read_row`] reads, in its order.
const ROW_COLUMNS: &str = "reference, id, kind, category, created_at, received_at, body";

fn read_row(r: &rusqlite::Row) -> Result<Row> {
    Ok(Row {
        attachments: Vec::new(),
        reference: r.get(0)?,
        id: r.get(1)?,
        kind: r.get(2)?,
        category: r.get(3)?,
        created_at: r.get(4)?,
        received_at: r.get(5)?,
        body: r.get(6)?,
    })
}

/// The rows (with their `seq`, newest first) with their files' summaries filled in.
fn with_summaries(conn: &Connection, rows: Vec<(Row, i64)>) -> Result<Vec<Row>> {
    let mut summaries = attachment_summaries(conn, rows.first().map(|r| r.1), rows.last().map(|r| r.1))?;
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
    conn: &Connection,
    newest: Option<i64>,
    oldest: Option<i64>,
) -> Result<HashMap<String, Vec<AttachmentSummary>>> {
    let mut stmt = conn.prepare(
        "SELECT a.report_id, a.name, a.type, a.size, a.sha256 FROM attachments a
           JOIN reports r ON r.id = a.report_id WHERE r.seq BETWEEN ?1 AND ?2 ORDER BY a.report_id, a.idx",
    )?;
    let mut rows = stmt.query(params![oldest.unwrap_or(0), newest.unwrap_or(-1)])?;
    let mut grouped: HashMap<String, Vec<AttachmentSummary>> = HashMap::new();
    while let Some(r) = rows.next()? {
        grouped.entry(r.get(0)?).or_default().push(AttachmentSummary {
            name: r.get(1)?,
            mime: r.get(2)?,
            size: r.get(3)?,
            sha256: r.get(4)?,
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
        let conn = store.conn();
        ["reports", "attachments", "messages", "events", "reports_text", "webhook_events"]
            .iter()
            .map(|t| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap())
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
        let store = Store::open_in_memory().unwrap().queue_events(true);
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

        store.conn().execute("UPDATE reports SET received_at = '2020-01-01T00:00:00.000Z' WHERE id = 'b'", []).unwrap();
        store.insert_or_get(&report("c"), body).unwrap();
        assert_eq!(store.delete_older_than(30).unwrap(), 1);
        assert_eq!(rows(&store), [1, 0, 0, 1, 1, 1], "c stays, b has gone with its event");
        assert!(store.report("c").unwrap().is_some());
    }

    #[test]
    fn insert_is_idempotent_per_id() {
        let store = Store::open_in_memory().unwrap();
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
        let store = Store::open_in_memory().unwrap();
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
        let store = Store::open_in_memory().unwrap();
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
