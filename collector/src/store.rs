//! The SQLite report store: opening and migrating the database, idempotent insert
//! (one row per report `id`, whatever the number of retries or racing posts), and the
//! admin listing.
//!
//! One `Connection` behind a `Mutex`: every statement is short, and a single writer is
//! what SQLite wants anyway. Callers run these methods on a blocking thread.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};

use crate::random;
use crate::validate::ValidReport;

/// Bumped when `migrate` learns a new step; stored in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

/// How many fresh references to try when a random one is already taken. A clash is
/// about one in a trillion per report, so running out means something else is wrong.
const REFERENCE_ATTEMPTS: usize = 8;

pub type Result<T> = std::result::Result<T, rusqlite::Error>;

pub struct Store {
    conn: Mutex<Connection>,
}

/// What `insert_or_get` did: only `created` reports are new rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub reference: String,
    pub created: bool,
}

/// One row of the admin listing; `body` is the JSON text exactly as it was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub reference: String,
    pub id: String,
    pub kind: String,
    pub category: String,
    pub created_at: String,
    pub received_at: String,
    pub body: String,
}

impl Store {
    /// Opens (creating the file and its parent folders if needed) and migrates.
    /// The error is a sentence for the operator: this only runs at startup.
    pub fn open(path: &Path) -> std::result::Result<Store, String> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create folder {}: {e}", parent.display()))?;
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

    fn with_connection(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (statements
        // are atomic), so a poisoned lock is still safe to use.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores `body` under `report.id` unless that id is already stored, and returns
    /// the reference of the one row either way. `INSERT OR IGNORE` on the UNIQUE `id`
    /// plus a re-read makes two racing identical posts (even from two processes)
    /// end with one row and one reference.
    pub fn insert_or_get(&self, report: &ValidReport, body: &str) -> Result<Stored> {
        let conn = self.conn();
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = random::reference();
            let inserted = conn.execute(
                "INSERT OR IGNORE INTO reports
                   (id, reference, kind, category, created_at, received_at, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?6)",
                params![
                    report.id,
                    reference,
                    report.kind,
                    report.category,
                    report.created_at,
                    body
                ],
            )?;
            if let Some(existing) = reference_of(&conn, &report.id)? {
                return Ok(Stored {
                    created: inserted == 1,
                    reference: existing,
                });
            }
            // Ignored, yet no row has this id: the random reference clashed. Draw again.
        }
        // rusqlite has no variant for "gave up"; this one carries a message through.
        Err(rusqlite::Error::ToSqlConversionFailure(
            "could not draw an unused report reference".into(),
        ))
    }

    /// Every report, newest first (by arrival; `seq` breaks ties within a millisecond).
    pub fn list(&self) -> Result<Vec<Row>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT reference, id, kind, category, created_at, received_at, body
               FROM reports ORDER BY received_at DESC, seq DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Row {
                reference: r.get(0)?,
                id: r.get(1)?,
                kind: r.get(2)?,
                category: r.get(3)?,
                created_at: r.get(4)?,
                received_at: r.get(5)?,
                body: r.get(6)?,
            })
        })?;
        rows.collect()
    }

    pub fn count(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
    }
}

fn reference_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    conn.query_row("SELECT reference FROM reports WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
}

/// Brings an empty or older database up to `SCHEMA_VERSION`, in one transaction.
fn migrate(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    conn.execute_batch(
        "BEGIN;
         CREATE TABLE IF NOT EXISTS reports (
             seq         INTEGER PRIMARY KEY AUTOINCREMENT,
             id          TEXT NOT NULL UNIQUE,
             reference   TEXT NOT NULL UNIQUE,
             kind        TEXT NOT NULL,
             category    TEXT NOT NULL,
             created_at  TEXT NOT NULL,
             received_at TEXT NOT NULL,
             body        TEXT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS reports_received ON reports (received_at);
         PRAGMA user_version = 1;
         COMMIT;",
    )
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
        }
    }

    #[test]
    fn insert_is_idempotent_per_id() {
        let store = Store::open_in_memory().unwrap();
        let first = store.insert_or_get(&report("a"), "{\"n\":1}").unwrap();
        assert!(first.created);
        let again = store.insert_or_get(&report("a"), "{\"n\":2}").unwrap();
        assert_eq!(
            again,
            Stored {
                created: false,
                reference: first.reference.clone()
            }
        );
        let rows = store.list().unwrap();
        assert_eq!(rows.len(), 1);
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
        assert_eq!(
            store.insert_or_get(&report("a"), "{}").unwrap().reference,
            reference
        );
        assert!(store.insert_or_get(&report("b"), "{}").unwrap().created);
        assert_eq!(store.list().unwrap()[0].id, "b");
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
