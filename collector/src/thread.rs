//! A report's life after it arrived: its status, its thread (support's replies, the user's
//! answers, the team's internal notes) and the audit of every change. The widget reads the
//! status and thread with the report's status token (README.md, "Status and replies"); the
//! support team changes them through the operator API and the inbox.

use serde_json::{json, Value};

use crate::db::{params, Error, Result, Tx};
use crate::store::Store;

/// Where a report stands, as the widget shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Received,
    InProgress,
    /// Support asked the user something.
    WaitingForYou,
    Resolved,
    /// Finished for good: the user can no longer answer in this thread.
    Closed,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Received, Status::InProgress, Status::WaitingForYou, Status::Resolved, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::InProgress => "in_progress",
            Status::WaitingForYou => "waiting_for_you",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Support,
    /// The user who sent the report.
    You,
    /// The support team's internal note: never sent to the widget.
    Note,
}

impl Author {
    pub fn as_str(self) -> &'static str {
        match self {
            Author::Support => "support",
            Author::You => "you",
            Author::Note => "note",
        }
    }

    fn parse(s: &str) -> Option<Author> {
        [Author::Support, Author::You, Author::Note].into_iter().find(|a| a.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub author: Author,
    /// The agent who wrote a support message or note.
    pub agent: Option<String>,
    pub at: String,
    pub text: String,
}

/// One audit line: who did what to the report, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub reference: String,
    pub status: Status,
    /// `None` for reports stored before status tokens existed: no widget can read them.
    pub status_token: Option<String>,
    pub updated_at: String,
    /// Oldest first, notes included.
    pub messages: Vec<Message>,
    pub events: Vec<Event>,
}

impl Thread {
    /// The widget's view (`GET <endpoint>/<id>`): no internal notes, no agent names.
    pub fn public_json(&self) -> Value {
        let messages: Vec<Value> = self
            .messages
            .iter()
            .filter(|m| m.author != Author::Note)
            .map(|m| json!({ "id": m.id, "from": m.author.as_str(), "at": m.at, "text": m.text }))
            .collect();
        let history: Vec<Value> = self
            .events
            .iter()
            .filter_map(|e| {
                let status = if e.action == "received" { Some("received") } else { status_change(e) };
                status.map(|s| json!({ "status": s, "at": e.at }))
            })
            .collect();
        json!({
            "reference": self.reference,
            "status": self.status.as_str(),
            "updated_at": self.updated_at,
            "messages": messages,
            "history": history,
        })
    }
}

/// The new status an audit line records, if it is a status change (`detail` "a → b").
fn status_change(e: &Event) -> Option<&str> {
    (e.action == "status").then(|| e.detail.rsplit(" → ").next()).flatten()
}

/// What adding a message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored now (`true`) or already stored under this id (`false`, a retry).
    Stored {
        created: bool,
        at: String,
    },
    NoSuchReport,
    /// The report is closed; the user cannot answer in it.
    Closed,
    /// The id is taken by a message of another report or another text.
    Conflict,
}

/// Writes one audit line; the caller owns the transaction.
pub(crate) fn audit(tx: &mut dyn Tx, report_id: &str, at: &str, actor: &str, action: &str, detail: &str) -> Result<()> {
    tx.exec(
        "INSERT INTO events (report_id, at, actor, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![report_id, at, actor, action, detail],
    )?;
    Ok(())
}

/// The time of a change. Taken once per transaction, so a message, its audit line and the
/// status it moves all carry the same instant (SQLite's 'now' moves between statements).
pub(crate) fn now(tx: &mut dyn Tx) -> Result<String> {
    let now = tx.dialect().now();
    tx.row(&format!("SELECT {now}"), &[])?.ok_or_else(|| Error::Message("no time".into()))?.text(0)
}

/// The report's status, read in a write transaction so that no other instance changes it
/// before this one commits; `None` for an unknown id.
fn status_for_change(tx: &mut dyn Tx, report_id: &str) -> Result<Option<Status>> {
    let lock = tx.dialect().for_update();
    let row = tx.row(&format!("SELECT status FROM reports WHERE id = ?1{lock}"), params![report_id])?;
    // Only this module writes the column; an unknown value would be a hand edit.
    row.map(|r| Ok(Status::parse(&r.text(0)?).unwrap_or(Status::Received))).transpose()
}

impl Store {
    /// The report's status, thread and audit, or `None` for an unknown id.
    pub fn thread(&self, report_id: &str) -> Result<Option<Thread>> {
        self.read(|tx| {
            let head = tx.row(
                "SELECT reference, status, status_token, coalesce(updated_at, received_at) FROM reports WHERE id = ?1",
                params![report_id],
            )?;
            let Some(head) = head else { return Ok(None) };
            let messages = tx
                .rows(
                    "SELECT id, author, agent, at, text FROM messages WHERE report_id = ?1 ORDER BY seq",
                    params![report_id],
                )?
                .iter()
                .map(|r| {
                    Ok(Message {
                        id: r.text(0)?,
                        author: Author::parse(&r.text(1)?).unwrap_or(Author::Note),
                        agent: r.opt_text(2)?,
                        at: r.text(3)?,
                        text: r.text(4)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let events = tx
                .rows(
                    "SELECT at, actor, action, detail FROM events WHERE report_id = ?1 ORDER BY seq",
                    params![report_id],
                )?
                .iter()
                .map(|r| Ok(Event { at: r.text(0)?, actor: r.text(1)?, action: r.text(2)?, detail: r.text(3)? }))
                .collect::<Result<Vec<_>>>()?;
            Ok(Some(Thread {
                reference: head.text(0)?,
                status: Status::parse(&head.text(1)?).unwrap_or(Status::Received),
                status_token: head.opt_text(2)?,
                updated_at: head.text(3)?,
                messages,
                events,
            }))
        })
    }

    /// Adds a message under its sender's id, once: a retry with the same id and text is
    /// answered as stored. A user's answer moves a report that waited for them, or was
    /// resolved, back to "in progress".
    pub fn add_message(
        &self,
        report_id: &str,
        message_id: &str,
        author: Author,
        actor: &str,
        text: &str,
    ) -> Result<Added> {
        let events = self.events();
        self.write(|tx| {
            let Some(status) = status_for_change(tx, report_id)? else { return Ok(Added::NoSuchReport) };
            let existing = tx.row("SELECT report_id, text, at FROM messages WHERE id = ?1", params![message_id])?;
            if let Some(r) = existing {
                let same = r.text(0)? == report_id && r.text(1)? == text;
                return Ok(if same { Added::Stored { created: false, at: r.text(2)? } } else { Added::Conflict });
            }
            if author == Author::You && status == Status::Closed {
                return Ok(Added::Closed);
            }
            let agent = (author != Author::You).then_some(actor);
            let at = now(tx)?;
            tx.exec(
                "INSERT INTO messages (id, report_id, author, agent, at, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![message_id, report_id, author.as_str(), agent, &at, text],
            )?;
            audit(tx, report_id, &at, actor, author.as_str(), "")?;
            if events && author != Author::Note {
                let reference = tx.row("SELECT reference FROM reports WHERE id = ?1", params![report_id])?;
                let reference = reference.map(|r| r.text(0)).transpose()?;
                let from = if author == Author::You { "user" } else { author.as_str() };
                let data = json!({
                    "report_id": report_id, "reference": reference,
                    "message": { "id": message_id, "from": from, "agent": agent, "at": at, "text": text },
                });
                crate::webhook::enqueue(tx, "message.created", data)?;
            }
            if author != Author::Note {
                tx.exec("UPDATE reports SET updated_at = ?2 WHERE id = ?1", params![report_id, &at])?;
            }
            if author == Author::You && matches!(status, Status::WaitingForYou | Status::Resolved) {
                change_status(tx, report_id, &at, status, Status::InProgress, actor)?;
            }
            Ok(Added::Stored { created: true, at })
        })
    }

    /// Sets the status; `Ok(None)` for an unknown id, `Ok(Some(changed))` otherwise.
    pub fn set_status(&self, report_id: &str, status: Status, actor: &str) -> Result<Option<bool>> {
        self.write(|tx| {
            let Some(current) = status_for_change(tx, report_id)? else { return Ok(None) };
            if current == status {
                return Ok(Some(false));
            }
            let at = now(tx)?;
            change_status(tx, report_id, &at, current, status, actor)?;
            Ok(Some(true))
        })
    }
}

fn change_status(tx: &mut dyn Tx, report_id: &str, at: &str, from: Status, to: Status, actor: &str) -> Result<()> {
    tx.exec("UPDATE reports SET status = ?2, updated_at = ?3 WHERE id = ?1", params![report_id, to.as_str(), at])?;
    audit(tx, report_id, at, actor, "status", &format!("{} → {}", from.as_str(), to.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidReport;

    fn store_with_report(id: &str) -> (Store, String) {
        let store = Store::scratch().unwrap();
        let report = ValidReport {
            id: id.to_owned(),
            created_at: "2025-03-04T05:06:07Z".to_owned(),
            kind: "complaint".to_owned(),
            category: "transaction".to_owned(),
            attachments: Vec::new(),
        };
        let token = store.insert_or_get(&report, "{}").unwrap().status_token.unwrap();
        (store, token)
    }

    #[test]
    fn a_new_report_is_received_with_its_arrival_in_the_history() {
        let (store, token) = store_with_report("a");
        let thread = store.thread("a").unwrap().unwrap();
        assert_eq!((thread.status, thread.status_token.as_deref()), (Status::Received, Some(token.as_str())));
        let public = thread.public_json();
        assert_eq!(public["status"], "received");
        assert_eq!(public["messages"], json!([]));
        assert_eq!(public["history"][0]["status"], "received");
        assert!(store.thread("b").unwrap().is_none());
    }

    #[test]
    fn support_replies_and_user_answers_make_one_thread_without_the_notes() {
        let (store, _) = store_with_report("a");
        assert_eq!(store.set_status("a", Status::WaitingForYou, "ana").unwrap(), Some(true));
        assert_eq!(store.set_status("a", Status::WaitingForYou, "ana").unwrap(), Some(false));
        assert!(matches!(
            store.add_message("a", "m1", Author::Support, "ana", "Which network?").unwrap(),
            Added::Stored { created: true, .. }
        ));
        store.add_message("a", "n1", Author::Note, "ana", "Looks like a wrong chain").unwrap();
        let answer = store.add_message("a", "m2", Author::You, "user", "TRON").unwrap();
        let Added::Stored { created: true, at } = answer else { panic!("{answer:?}") };
        assert_eq!(
            store.add_message("a", "m2", Author::You, "user", "TRON").unwrap(),
            Added::Stored { created: false, at: at.clone() },
            "a retry is stored once"
        );
        assert_eq!(store.add_message("a", "m2", Author::You, "user", "other").unwrap(), Added::Conflict);
        let thread = store.thread("a").unwrap().unwrap();
        assert_eq!(thread.status, Status::InProgress, "the user's answer moves it back to support");
        assert_eq!(thread.updated_at, thread.events.last().unwrap().at);
        let public = thread.public_json();
        let from: Vec<&str> =
            public["messages"].as_array().unwrap().iter().map(|m| m["from"].as_str().unwrap()).collect();
        assert_eq!(from, ["support", "you"], "internal notes never reach the widget");
        assert!(!public.to_string().contains("ana"), "nor agent names");
        let history: Vec<&str> =
            public["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
        assert_eq!(history, ["received", "waiting_for_you", "in_progress"]);
        let actors: Vec<(&str, &str)> = thread.events.iter().map(|e| (e.actor.as_str(), e.action.as_str())).collect();
        assert_eq!(
            actors,
            [
                ("user", "received"),
                ("ana", "status"),
                ("ana", "support"),
                ("ana", "note"),
                ("user", "you"),
                ("user", "status")
            ]
        );
    }

    #[test]
    fn a_closed_report_takes_no_answers_and_unknown_reports_none_at_all() {
        let (store, _) = store_with_report("a");
        store.set_status("a", Status::Closed, "ana").unwrap();
        assert_eq!(store.add_message("a", "m1", Author::You, "user", "hello?").unwrap(), Added::Closed);
        assert_eq!(store.add_message("b", "m1", Author::You, "user", "hello?").unwrap(), Added::NoSuchReport);
        assert_eq!(store.set_status("b", Status::Resolved, "ana").unwrap(), None);
    }
}
