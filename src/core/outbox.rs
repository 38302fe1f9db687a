//! One queued report and its life: Queued → Sending → Delivered | Rejected | Queued again
//! (with a backoff from `core::delivery`). The body is the exact JSON sent, built once, so
//! every retry carries identical bytes under the same `Idempotency-Key` (the entry's id) and
//! the server can drop repeats. Serialized with serde as the IndexedDB record.

use super::delivery::{self, Outcome};
use serde::{Deserialize, Serialize};

/// Stored as `{"state": "delivered", "reference": …}` (serde's internally tagged form); the
/// widget reads it back with `core::stored`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Status {
    /// Waiting for `next_attempt_ms`.
    Queued,
    /// A request is (or was, if the tab died) in flight.
    Sending,
    /// The server has it; `reference` is its ticket number if it sent one.
    Delivered { reference: Option<String> },
    /// The server refused it for good; the body is kept so nothing typed is lost.
    Rejected { message: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// UUID v4, also the report's `id` and the `Idempotency-Key`; the IndexedDB key.
    pub id: String,
    /// Where it was submitted: retries go to the same place even if a later page load has no
    /// endpoint configured.
    pub endpoint: String,
    /// The `wallet-help.report.v1` JSON exactly as POSTed.
    pub body: String,
    // Copies from the body for lists, so a view need not parse every body.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub subject: String,
    /// RFC 3339, as in the body.
    #[serde(default)]
    pub created_at: String,
    pub status: Status,
    /// Requests started so far.
    #[serde(default)]
    pub attempts: u32,
    /// Earliest time (ms since the Unix epoch) the next request may start.
    #[serde(default)]
    pub next_attempt_ms: u64,
    /// Why the last attempt failed, for display ("HTTP 503", "timed out", the rejection).
    #[serde(default)]
    pub last_error: Option<String>,
    /// When the status last changed (ms since the Unix epoch).
    #[serde(default)]
    pub updated_ms: u64,
}

impl Entry {
    /// A new queued entry from a report body, due at once. The id and summary fields are
    /// read from the body itself so they cannot disagree with what is sent.
    pub fn from_payload(endpoint: &str, body: String, now_ms: u64) -> Result<Entry, String> {
        let v: serde_json::Value = serde_json::from_str(&body).map_err(|e| format!("report is not JSON: {e}"))?;
        let text = |name: &str| v.get(name).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let id = text("id");
        if id.trim().is_empty() {
            return Err("report has no id".into());
        }
        Ok(Entry {
            id,
            endpoint: endpoint.to_string(),
            kind: text("kind"),
            category: text("category"),
            subject: text("subject"),
            created_at: text("created_at"),
            body,
            status: Status::Queued,
            attempts: 0,
            next_attempt_ms: now_ms,
            last_error: None,
            updated_ms: now_ms,
        })
    }

    /// Still on its way: queued or in flight.
    pub fn is_pending(&self) -> bool {
        matches!(self.status, Status::Queued | Status::Sending)
    }

    /// Queued and its wait is over.
    pub fn due(&self, now_ms: u64) -> bool {
        self.status == Status::Queued && self.next_attempt_ms <= now_ms
    }

    /// Queued → Sending, counting the attempt. `false` (and no change) from any other state.
    pub fn begin_send(&mut self, now_ms: u64) -> bool {
        if self.status != Status::Queued {
            return false;
        }
        self.status = Status::Sending;
        self.attempts = self.attempts.saturating_add(1);
        self.updated_ms = now_ms;
        true
    }

    /// Applies the answer to the attempt begun last. A retry waits per `core::delivery`
    /// (`random` in [0, 1) for the jitter); `detail` says why it failed. `false` (and no
    /// change) if the entry was already delivered or rejected.
    pub fn finish(&mut self, outcome: &Outcome, detail: Option<&str>, now_ms: u64, random: f64) -> bool {
        if !self.is_pending() {
            return false;
        }
        self.updated_ms = now_ms;
        match outcome {
            Outcome::Delivered { reference } => {
                self.status = Status::Delivered { reference: reference.clone() };
                self.last_error = None;
            }
            Outcome::Rejected { message } => {
                self.status = Status::Rejected { message: message.clone() };
                self.last_error = Some(message.clone());
            }
            Outcome::RetryLater { retry_after_secs } => {
                let failed = self.attempts.saturating_sub(1);
                self.status = Status::Queued;
                self.next_attempt_ms = delivery::next_attempt_ms(now_ms, failed, random, *retry_after_secs);
                self.last_error = Some(detail.unwrap_or("network").to_string());
            }
        }
        true
    }

    /// An entry still `Sending` when the outbox is opened (the tab closed or crashed
    /// mid-request, or the sending tab lost its lock by closing) goes back to the queue, due
    /// now. Re-sending is safe: the server dedupes by id. Returns whether it changed.
    pub fn recover_after_reload(&mut self, now_ms: u64) -> bool {
        if self.status != Status::Sending {
            return false;
        }
        self.status = Status::Queued;
        self.next_attempt_ms = self.next_attempt_ms.min(now_ms);
        self.updated_ms = now_ms;
        true
    }
}

/// Whether anything still has to be sent (the `pending` flag mirrors this).
pub fn any_pending(entries: &[Entry]) -> bool {
    entries.iter().any(Entry::is_pending)
}

/// When the runner must wake up next: the earliest `next_attempt_ms` of a queued entry.
pub fn next_wakeup(entries: &[Entry]) -> Option<u64> {
    entries.iter().filter(|e| e.status == Status::Queued).map(|e| e.next_attempt_ms).min()
}

/// Ids of the entries to send now, oldest wait first, so a burst keeps submission order.
pub fn due_ids(entries: &[Entry], now_ms: u64) -> Vec<String> {
    let mut due: Vec<&Entry> = entries.iter().filter(|e| e.due(now_ms)).collect();
    sort_small(&mut due, |a, b| (a.next_attempt_ms, &a.created_at) < (b.next_attempt_ms, &b.created_at));
    due.into_iter().map(|e| e.id.clone()).collect()
}

/// Orders a list for display: newest report first (RFC 3339 UTC strings sort by time).
pub fn newest_first(entries: &mut [Entry]) {
    sort_small(entries, |a, b| (&b.created_at, &a.id) < (&a.created_at, &b.id));
}

/// A stable insertion sort. An outbox holds a handful of reports, and each `sort_by` call
/// site instantiated std's whole stable sort (~3 KB of Wasm apiece).
fn sort_small<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::delivery::{classify, network_failure, CAP_MS};

    const T0: u64 = 1_700_000_000_000;
    const BODY: &str = r#"{"schema":"wallet-help.report.v1","id":"3f1c","created_at":"2024-05-01T10:00:00Z",
        "kind":"complaint","category":"transaction","subject":"USDT never arrived","description":"…"}"#;

    fn entry() -> Entry {
        Entry::from_payload("https://api.example.com/r", BODY.to_string(), T0).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_new_entry_is_queued_due_now_with_its_summary_read_from_the_body() {
        let e = entry();
        assert_eq!((e.id.as_str(), e.kind.as_str(), e.category.as_str()), ("3f1c", "complaint", "transaction"));
        assert_eq!((e.subject.as_str(), e.created_at.as_str()), ("USDT never arrived", "2024-05-01T10:00:00Z"));
        assert_eq!((e.status.clone(), e.attempts, e.next_attempt_ms), (Status::Queued, 0, T0));
        assert!(e.is_pending() && e.due(T0) && !e.due(T0 - 1));
        assert_eq!(e.body, BODY, "the body is kept byte for byte");
        assert!(Entry::from_payload("x", "{}".into(), T0).is_err(), "no id, no entry");
        assert!(Entry::from_payload("x", "nope".into(), T0).is_err());
    }

    #[test]
    fn delivery_keeps_the_reference_and_ends_the_entry() {
        let mut e = entry();
        assert!(e.begin_send(T0));
        assert!(!e.begin_send(T0), "one request at a time");
        assert_eq!((e.status.clone(), e.attempts), (Status::Sending, 1));
        assert!(!e.due(T0), "in flight is not due");
        assert!(e.finish(&classify(201, r#"{"reference":"WH-7"}"#, None), None, T0 + 5, 0.5));
        assert_eq!(e.status, Status::Delivered { reference: Some("WH-7".into()) });
        assert!(!e.is_pending() && !e.begin_send(T0 + 10));
        assert!(!e.finish(&network_failure(), None, T0 + 10, 0.5), "a late answer changes nothing");
        assert_eq!(e.updated_ms, T0 + 5);
    }

    #[test]
    fn rejection_keeps_the_body_and_shows_the_server_message() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&classify(422, r#"{"error":"description is empty"}"#, None), None, T0, 0.5);
        assert_eq!(e.status, Status::Rejected { message: "description is empty".into() });
        assert_eq!(e.last_error.as_deref(), Some("description is empty"));
        assert_eq!(e.body, BODY);
        assert!(!e.is_pending() && !e.due(u64::MAX));
    }

    #[test]
    fn failures_requeue_within_a_growing_bound() {
        let mut e = entry();
        for (attempt, bound) in [(1u32, 1_000u64), (2, 2_000), (3, 4_000), (4, 8_000)] {
            let now = e.next_attempt_ms;
            assert!(e.begin_send(now));
            assert_eq!(e.attempts, attempt);
            e.finish(&network_failure(), Some("timed out"), now, 0.999_999);
            assert_eq!(e.status, Status::Queued);
            assert!(e.next_attempt_ms > now + bound - 2 && e.next_attempt_ms <= now + bound, "{attempt}");
            assert_eq!(e.last_error.as_deref(), Some("timed out"));
        }
        for _ in 0..40 {
            let now = e.next_attempt_ms;
            e.begin_send(now);
            e.finish(&classify(503, "", None), None, now, 0.999_999);
            assert!(e.next_attempt_ms - now <= CAP_MS);
        }
        assert_eq!(e.attempts, 44);
        let now = e.next_attempt_ms;
        e.begin_send(now);
        e.finish(&classify(503, "", None), None, now, 0.0);
        assert_eq!(e.next_attempt_ms, now, "random 0 retries at once");
        assert_eq!(e.last_error.as_deref(), Some("network"));
    }

    #[test]
    fn retry_after_holds_the_next_attempt_back() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&classify(429, "", Some("90")), Some("HTTP 429"), T0, 0.0);
        assert_eq!(e.next_attempt_ms, T0 + 90_000);
        assert!(!e.due(T0 + 89_999) && e.due(T0 + 90_000));
        e.begin_send(T0 + 90_000);
        e.finish(&classify(503, "", Some("100000")), None, T0 + 90_000, 0.0);
        assert_eq!(e.next_attempt_ms, T0 + 90_000 + 3_600_000, "absurd waits are clamped to an hour");
    }

    #[test]
    fn an_entry_left_sending_by_a_reload_is_queued_again() {
        let mut e = entry();
        e.begin_send(T0);
        assert!(e.recover_after_reload(T0 + 60_000));
        assert_eq!((e.status.clone(), e.attempts), (Status::Queued, 1), "the attempt still counts");
        assert!(e.due(T0 + 60_000));
        assert!(!e.recover_after_reload(T0 + 60_000), "only Sending is recovered");
        assert!(!Entry { status: Status::Delivered { reference: None }, ..entry() }.recover_after_reload(T0));
    }

    #[test]
    fn the_list_knows_what_is_due_pending_and_when_to_wake() {
        let mut a = entry();
        let b = Entry { id: "b".into(), next_attempt_ms: T0 + 5_000, ..entry() };
        let c =
            Entry { id: "c".into(), status: Status::Rejected { message: "no".into() }, next_attempt_ms: 1, ..entry() };
        a.next_attempt_ms = T0 + 100;
        let list = vec![b.clone(), c.clone(), a.clone()];
        assert_eq!(next_wakeup(&list), Some(T0 + 100));
        assert!(due_ids(&list, T0).is_empty());
        assert_eq!(due_ids(&list, T0 + 5_000), ["3f1c", "b"]);
        assert!(any_pending(&list) && !any_pending(std::slice::from_ref(&c)));
        a.begin_send(T0);
        assert_eq!(next_wakeup(&[a, c]), None, "nothing queued, nothing to wake for");
    }

    #[test]
    fn entries_survive_a_storage_round_trip_and_old_records_still_load() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&classify(200, r#"{"reference":"R-1"}"#, None), None, T0, 0.1);
        let json = serde_json::to_string(&e).unwrap_or_default();
        assert!(json.contains(r#""status":{"state":"delivered","reference":"R-1"}"#), "{json}");
        assert_eq!(serde_json::from_str::<Entry>(&json).ok(), Some(e));
        let minimal = r#"{"id":"x","endpoint":"e","body":"{}","status":{"state":"queued"}}"#;
        let old: Entry = serde_json::from_str(minimal).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!((old.attempts, old.next_attempt_ms, old.last_error), (0, 0, None));
    }

    #[test]
    fn the_small_sort_is_stable_and_agrees_with_std() {
        let mut seed = 7u32;
        let mut items: Vec<(u32, usize)> = (0..200)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (seed >> 28, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|x| x.0);
        sort_small(&mut items, |a, b| a.0 < b.0);
        assert_eq!(items, expected);
    }

    #[test]
    fn lists_show_the_newest_report_first() {
        let mut list = vec![Entry { created_at: "2024-01-01T00:00:00Z".into(), ..entry() }, entry()];
        newest_first(&mut list);
        assert_eq!(list[0].created_at, "2024-05-01T10:00:00Z");
    }
}
