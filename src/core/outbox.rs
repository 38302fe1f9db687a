//! One queued report and its life: Queued → Sending → Delivered | Rejected | Queued again
//! (with a backoff from `core::delivery`), and NotDelivered once its give-up time has passed
//! while still queued. The body is the exact JSON sent, built once, so every retry carries
//! identical bytes under the same `Idempotency-Key` (the entry's id) and the server can drop
//! repeats. Serialized with serde as the stored record (IndexedDB, or localStorage when the
//! browser has no IndexedDB).

use super::delivery::{self, Outcome};
use serde::{Deserialize, Serialize};

/// How long a report is retried before it is shown as not delivered, unless the operator's
/// config says otherwise (`delivery.giveUpDays`).
pub const GIVE_UP_DAYS: u32 = 7;
/// What `delivery.giveUpDays` may be: at least a day (a weekend offline must not end a
/// report), at most 90 (a report older than that helps nobody).
pub const GIVE_UP_DAYS_MIN: u32 = 1;
pub const GIVE_UP_DAYS_MAX: u32 = 90;
const DAY_MS: u64 = 86_400_000;

/// The give-up time in milliseconds for a configured number of days, clamped to the range.
pub fn give_up_after_ms(days: Option<u32>) -> u64 {
    u64::from(days.unwrap_or(GIVE_UP_DAYS).clamp(GIVE_UP_DAYS_MIN, GIVE_UP_DAYS_MAX)) * DAY_MS
}

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
    /// Retried until its give-up time without success; no longer sent. The body is kept so
    /// the user can copy it and reach support another way; `last_error` says why.
    NotDelivered,
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
    /// After this (ms since the Unix epoch) a queued entry is not sent again but marked
    /// NotDelivered; 0 in records written before there was a give-up time.
    #[serde(default)]
    pub give_up_ms: u64,
    /// Screenshots left out because this device could keep only the report's text.
    #[serde(default)]
    pub screenshots_dropped: u32,
    /// The status token of the report this entry belongs to (`core::thread`): received on
    /// a report's delivery, sent with an answer as its `Authorization`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_token: Option<String>,
    /// For the user's answer in a report's thread: that report's id. `None` for a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
}

impl Entry {
    /// A new queued entry from a report body, due at once and given up after
    /// `give_up_after_ms` (see [`give_up_after_ms`]). The id and summary fields are read from
    /// the body itself so they cannot disagree with what is sent.
    pub fn from_payload(endpoint: &str, body: String, now_ms: u64, give_up_after_ms: u64) -> Result<Entry, String> {
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
            give_up_ms: now_ms.saturating_add(give_up_after_ms),
            screenshots_dropped: 0,
            status_token: None,
            answers: None,
        })
    }

    /// The user's answer `text` in the thread of the delivered `report`, queued like a report:
    /// to the report's messages URL, with its status token, under its own id. `None` if the
    /// report has no status token (its endpoint has no threads).
    pub fn answer(
        report: &Entry,
        id: &str,
        text: &str,
        created_at: &str,
        now_ms: u64,
        give_up_after_ms: u64,
    ) -> Option<Entry> {
        let token = report.status_token.clone()?;
        Some(Entry {
            id: id.to_string(),
            endpoint: super::thread::messages_url(&report.endpoint, &report.id),
            body: super::thread::answer_body(id, text),
            kind: ANSWER.to_string(),
            category: report.category.clone(),
            subject: report.subject.clone(),
            created_at: created_at.to_string(),
            status: Status::Queued,
            attempts: 0,
            next_attempt_ms: now_ms,
            last_error: None,
            updated_ms: now_ms,
            give_up_ms: now_ms.saturating_add(give_up_after_ms),
            screenshots_dropped: 0,
            status_token: Some(token),
            answers: Some(report.id.clone()),
        })
    }

    /// The token to send with this entry: an answer's report token. A report's own token is
    /// what its delivery returned, never sent with it.
    pub fn authorization(&self) -> Option<&str> {
        self.answers.as_ref().and(self.status_token.as_deref())
    }

    /// What the answer says, for the thread while it is on its way.
    pub fn answer_text(&self) -> String {
        serde_json::from_str::<serde_json::Value>(&self.body)
            .ok()
            .and_then(|v| v.get("text")?.as_str().map(String::from))
            .unwrap_or_default()
    }

    /// The same report without its screenshots, for a store that can keep only text
    /// (localStorage); counts what was left out. Unchanged if it had none or is not JSON.
    pub fn text_only(&self) -> Entry {
        let mut e = self.clone();
        let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&self.body) else { return e };
        let Some(list) = v.get_mut("attachments").and_then(|a| a.as_array_mut()) else { return e };
        if list.is_empty() {
            return e;
        }
        e.screenshots_dropped = u32::try_from(list.len()).unwrap_or(u32::MAX);
        list.clear();
        e.body = v.to_string();
        e
    }

    /// Still on its way: queued or in flight.
    pub fn is_pending(&self) -> bool {
        matches!(self.status, Status::Queued | Status::Sending)
    }

    /// When the next request may start. A time further ahead than any wait the widget sets
    /// ([`delivery::MAX_WAIT_MS`]) means the clock was set back after it was computed: the
    /// report is then due now rather than parked until the clock catches up.
    pub fn next_try_ms(&self, now_ms: u64) -> u64 {
        if self.next_attempt_ms > now_ms.saturating_add(delivery::MAX_WAIT_MS) {
            now_ms
        } else {
            self.next_attempt_ms
        }
    }

    /// Queued and its wait is over.
    pub fn due(&self, now_ms: u64) -> bool {
        self.status == Status::Queued && self.next_try_ms(now_ms) <= now_ms
    }

    /// Stamps a give-up time on a record from before there was one, counted from now.
    /// Returns whether it changed (and must be stored).
    pub fn set_deadline_if_missing(&mut self, now_ms: u64, give_up_after_ms: u64) -> bool {
        if self.give_up_ms != 0 || !self.is_pending() {
            return false;
        }
        self.give_up_ms = now_ms.saturating_add(give_up_after_ms);
        true
    }

    /// Queued past its give-up time → NotDelivered. Returns whether it changed: the caller
    /// stores it and tells the page once. An entry in flight finishes its attempt first.
    pub fn give_up_if_late(&mut self, now_ms: u64) -> bool {
        if self.status != Status::Queued || self.give_up_ms == 0 || now_ms < self.give_up_ms {
            return false;
        }
        self.status = Status::NotDelivered;
        self.updated_ms = now_ms;
        true
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
            Outcome::Delivered { reference, status_token } => {
                self.status = Status::Delivered { reference: reference.clone() };
                self.last_error = None;
                if status_token.is_some() {
                    self.status_token = status_token.clone();
                }
            }
            Outcome::Rejected { message } => {
                self.status = Status::Rejected { message: message.clone() };
                self.last_error = Some(message.clone());
            }
            Outcome::RetryLater { retry_after_secs } => {
                let failed = self.attempts.saturating_sub(1);
                self.status = Status::Queued;
                self.next_attempt_ms = delivery::next_attempt_ms(now_ms, failed, random, *retry_after_secs);
                self.last_error = Some(detail.unwrap_or(delivery::NETWORK).to_string());
                self.give_up_if_late(now_ms);
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

/// The `kind` of an answer in a thread (reports are complaint, feedback or suggestion).
pub const ANSWER: &str = "answer";

/// Whether anything still has to be sent (the `pending` flag mirrors this).
pub fn any_pending(entries: &[Entry]) -> bool {
    entries.iter().any(Entry::is_pending)
}

/// When the runner must wake up next: the earliest next try of a queued entry, or its
/// give-up time if that comes first (so "not delivered" shows on time).
pub fn next_wakeup(entries: &[Entry], now_ms: u64) -> Option<u64> {
    let queued = entries.iter().filter(|e| e.status == Status::Queued);
    queued
        .map(|e| if e.give_up_ms == 0 { e.next_try_ms(now_ms) } else { e.next_try_ms(now_ms).min(e.give_up_ms) })
        .min()
}

/// Ids of the entries to send now, oldest wait first, so a burst keeps submission order.
pub fn due_ids(entries: &[Entry], now_ms: u64) -> Vec<String> {
    let mut due: Vec<&Entry> = entries.iter().filter(|e| e.due(now_ms)).collect();
    let key = |e: &Entry| (e.next_try_ms(now_ms), e.created_at.clone());
    sort_small(&mut due, |a, b| key(a) < key(b));
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
    use crate::core::delivery::{classify, network_failure, CAP_MS, MAX_WAIT_MS};

    const T0: u64 = 1_700_000_000_000;
    const WEEK: u64 = 7 * DAY_MS;
    const BODY: &str = r#"{"schema":"wallet-help.report.v1","id":"3f1c","created_at":"2024-05-01T10:00:00Z",
        "kind":"complaint","category":"transaction","subject":"USDT never arrived","description":"…"}"#;

    fn entry() -> Entry {
        Entry::from_payload("https://api.example.com/r", BODY.to_string(), T0, WEEK).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_new_entry_is_queued_due_now_with_its_summary_read_from_the_body() {
        let e = entry();
        assert_eq!((e.id.as_str(), e.kind.as_str(), e.category.as_str()), ("3f1c", "complaint", "transaction"));
        assert_eq!((e.subject.as_str(), e.created_at.as_str()), ("USDT never arrived", "2024-05-01T10:00:00Z"));
        assert_eq!((e.status.clone(), e.attempts, e.next_attempt_ms), (Status::Queued, 0, T0));
        assert!(e.is_pending() && e.due(T0) && !e.due(T0 - 1));
        assert_eq!(e.body, BODY, "the body is kept byte for byte");
        assert!(Entry::from_payload("x", "{}".into(), T0, WEEK).is_err(), "no id, no entry");
        assert!(Entry::from_payload("x", "nope".into(), T0, WEEK).is_err());
        assert_eq!((e.give_up_ms, e.screenshots_dropped), (T0 + WEEK, 0));
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
        assert_eq!(e.last_error.as_deref(), Some("network error"));
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
        assert_eq!(next_wakeup(&list, T0), Some(T0 + 100));
        assert!(due_ids(&list, T0).is_empty());
        assert_eq!(due_ids(&list, T0 + 5_000), ["3f1c", "b"]);
        assert!(any_pending(&list) && !any_pending(std::slice::from_ref(&c)));
        a.begin_send(T0);
        assert_eq!(next_wakeup(&[a, c], T0), None, "nothing queued, nothing to wake for");
    }

    #[test]
    fn entries_survive_a_storage_round_trip_and_old_records_still_load() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&classify(200, r#"{"reference":"R-1"}"#, None), None, T0, 0.1);
        let json = serde_json::to_string(&e).unwrap_or_default();
        assert!(json.contains(r#""status":{"state":"delivered","reference":"R-1"}"#), "{json}");
        assert_eq!(serde_json::from_str::<Entry>(&json).ok(), Some(e));
        let gone = Entry { status: Status::NotDelivered, ..entry() };
        let json = serde_json::to_string(&gone).unwrap_or_default();
        assert!(json.contains(r#""status":{"state":"not_delivered"}"#), "{json}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).ok().and_then(|v| crate::core::stored::entry(&v)),
            Some(gone)
        );
        let minimal = r#"{"id":"x","endpoint":"e","body":"{}","status":{"state":"queued"}}"#;
        let old: Entry = serde_json::from_str(minimal).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!((old.attempts, old.next_attempt_ms, old.last_error), (0, 0, None));
        assert_eq!((old.give_up_ms, old.screenshots_dropped), (0, 0));
    }

    #[test]
    fn a_clock_set_back_does_not_park_a_report_until_the_old_time() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&classify(503, "", Some("3600")), Some("HTTP 503"), T0, 0.5);
        assert_eq!(e.next_attempt_ms, T0 + 3_600_000);
        assert!(!e.due(T0 + 1) && e.due(T0 + 3_600_000), "the clock as it was: the longest wait is kept");
        // The clock goes back a day: the stored time is now 25 h ahead, more than any wait.
        let back = T0 - DAY_MS;
        assert_eq!(e.next_try_ms(back), back);
        assert!(e.due(back));
        assert_eq!(due_ids(std::slice::from_ref(&e), back), [e.id.clone()]);
        assert_eq!(next_wakeup(std::slice::from_ref(&e), back), Some(back));
        // Just within the cap from now is a real wait, not a clock change.
        let near = e.next_attempt_ms - MAX_WAIT_MS;
        assert!(!e.due(near) && e.next_try_ms(near) == e.next_attempt_ms);
    }

    #[test]
    fn a_report_retried_past_its_give_up_time_is_not_delivered_once() {
        let mut e = entry();
        e.begin_send(T0);
        e.finish(&network_failure(), Some("offline"), T0 + 1, 0.5);
        assert!(!e.give_up_if_late(T0 + WEEK - 1), "still within the week");
        assert_eq!(next_wakeup(std::slice::from_ref(&e), T0 + 2), Some(e.next_attempt_ms));
        // Offline for the week: no attempt, but the give-up time wakes the runner.
        let mut idle = entry();
        idle.next_attempt_ms = T0 + WEEK + 60_000;
        assert_eq!(next_wakeup(std::slice::from_ref(&idle), T0 + WEEK), Some(T0 + WEEK));
        assert!(e.give_up_if_late(T0 + WEEK));
        assert_eq!(e.status, Status::NotDelivered);
        assert_eq!(e.last_error.as_deref(), Some("offline"), "why it failed stays");
        assert!(!e.give_up_if_late(T0 + WEEK + 1), "only once");
        assert!(!e.is_pending() && !e.due(u64::MAX) && !e.begin_send(T0 + WEEK));
        assert!(!e.finish(&network_failure(), None, T0 + WEEK, 0.5));
        assert_eq!(e.body, BODY, "the text is kept to copy");
        assert!(!any_pending(std::slice::from_ref(&e)) && next_wakeup(std::slice::from_ref(&e), T0).is_none());
        // An attempt that fails after the give-up time ends the report at once.
        let mut late = entry();
        late.begin_send(T0 + WEEK + 5);
        late.finish(&classify(503, "", None), Some("HTTP 503"), T0 + WEEK + 6, 0.5);
        assert_eq!((late.status, late.last_error.as_deref()), (Status::NotDelivered, Some("HTTP 503")));
        // A success after the give-up time is still a success.
        let mut saved = entry();
        saved.begin_send(T0 + WEEK + 5);
        saved.finish(&classify(201, "", None), None, T0 + WEEK + 6, 0.5);
        assert_eq!(saved.status, Status::Delivered { reference: None });
    }

    #[test]
    fn old_records_get_a_give_up_time_from_when_they_are_first_seen() {
        let mut old = Entry { give_up_ms: 0, ..entry() };
        assert!(!old.give_up_if_late(u64::MAX), "no time, no give-up");
        assert!(old.set_deadline_if_missing(T0 + 10, WEEK));
        assert_eq!(old.give_up_ms, T0 + 10 + WEEK);
        assert!(!old.set_deadline_if_missing(T0 + 20, WEEK), "set once");
        let mut done = Entry { give_up_ms: 0, status: Status::Delivered { reference: None }, ..entry() };
        assert!(!done.set_deadline_if_missing(T0, WEEK));
    }

    #[test]
    fn the_give_up_time_is_a_week_by_default_and_kept_in_range() {
        assert_eq!(give_up_after_ms(None), WEEK);
        assert_eq!(give_up_after_ms(Some(14)), 14 * DAY_MS);
        assert_eq!(give_up_after_ms(Some(0)), DAY_MS);
        assert_eq!(give_up_after_ms(Some(10_000)), 90 * DAY_MS);
    }

    #[test]
    fn a_text_only_copy_leaves_the_screenshots_out_and_counts_them() {
        let body = r#"{"id":"a1","attachments":[{"name":"s.png","data":"AAAA"},{"name":"t.png","data":"BBBB"}],"description":"d"}"#;
        let e = Entry::from_payload("e", body.into(), T0, WEEK).unwrap_or_else(|e| panic!("{e}"));
        let text = e.text_only();
        assert_eq!(text.screenshots_dropped, 2);
        let v: serde_json::Value = serde_json::from_str(&text.body).unwrap_or_default();
        assert_eq!((v["attachments"].as_array().map(Vec::len), v["description"].as_str()), (Some(0), Some("d")));
        assert_eq!((text.id.as_str(), &text.status), ("a1", &Status::Queued));
        assert_eq!(entry().text_only(), entry(), "nothing to leave out, nothing changed");
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
