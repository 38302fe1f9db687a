//! "Support has not answered": when a delivered report has waited longer than the operator's
//! response time, the widget offers the next rung of the escalation ladder the next time it
//! is opened. The outbox knows when a report was delivered. When the endpoint tells the
//! report's status (`core::thread`), that decides: a report waiting for the user, resolved
//! or closed is not overdue, and the silence counts from support's last update. Otherwise
//! only the user knows whether an answer came, so they tell us, and the reminder stops.

use super::outbox::{Entry, Status};
use super::thread::Threads;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Used when the operator's config gives no `support.responseHours`: three days is a common
/// promise for crypto-wallet support, and a first reminder sooner would nag.
pub const DEFAULT_RESPONSE_HOURS: u32 = 72;
/// Allowed `support.responseHours`: at least an hour, at most 30 days.
pub const RESPONSE_HOURS: std::ops::RangeInclusive<u32> = 1..=720;

const HOUR_MS: u64 = 3_600_000;

/// What the user said about a delivered report, by report id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// Support answered: no more reminders for this report.
    Answered,
    /// "Not now" at this time (ms since the Unix epoch): remind again one response time later.
    Later(u64),
}

pub type Notes = BTreeMap<String, Note>;

/// The rung to offer after a report went unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rung {
    /// The community forum and a formal complaint letter.
    Public,
    /// The financial regulator: after twice the response time with no answer.
    Regulator,
}

/// A delivered report that has waited too long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub id: String,
    pub reference: Option<String>,
    /// Whole hours since delivery.
    pub hours: u64,
    pub rung: Rung,
}

/// The longest-waiting delivered report with no answer past `response_hours`, if any.
/// Delivery time is the entry's last status change (`updated_ms`), set when it was delivered;
/// a later update from support (its thread's `updated_at`) restarts the count.
pub fn overdue(
    entries: &[Entry],
    notes: &Notes,
    threads: &Threads,
    now_ms: u64,
    response_hours: u32,
) -> Option<Overdue> {
    let period = u64::from(response_hours.clamp(*RESPONSE_HOURS.start(), *RESPONSE_HOURS.end())) * HOUR_MS;
    entries
        .iter()
        .filter_map(|e| {
            let Status::Delivered { reference } = &e.status else { return None };
            if e.answers.is_some() {
                return None;
            }
            let thread = threads.get(&e.id);
            if thread.is_some_and(|t| t.status.settled()) {
                return None;
            }
            let since = thread.and_then(|t| t.updated_ms()).map_or(e.updated_ms, |at| at.max(e.updated_ms));
            let waited = now_ms.saturating_sub(since);
            let due = match notes.get(&e.id) {
                Some(Note::Answered) => return None,
                Some(Note::Later(at)) => now_ms.saturating_sub(*at) >= period,
                None => true,
            };
            (due && waited >= period).then(|| Overdue {
                id: e.id.clone(),
                reference: reference.clone(),
                hours: waited / HOUR_MS,
                rung: if waited >= 2 * period { Rung::Regulator } else { Rung::Public },
            })
        })
        .max_by_key(|o| o.hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000_000;

    fn entry(id: &str, status: Status, hours_ago: u64) -> Entry {
        Entry {
            id: id.into(),
            endpoint: "/api/reports".into(),
            body: "{}".into(),
            kind: "complaint".into(),
            category: "transaction".into(),
            subject: String::new(),
            created_at: String::new(),
            status,
            attempts: 1,
            next_attempt_ms: 0,
            last_error: None,
            updated_ms: NOW - hours_ago * HOUR_MS,
            give_up_ms: 0,
            screenshots_dropped: 0,
            status_token: None,
            answers: None,
        }
    }

    fn delivered(id: &str, hours_ago: u64) -> Entry {
        entry(id, Status::Delivered { reference: Some(format!("WH-{id}")) }, hours_ago)
    }

    #[test]
    fn nothing_is_due_before_the_response_time() {
        assert_eq!(overdue(&[delivered("a", 71)], &Notes::new(), &Threads::default(), NOW, 72), None);
        assert_eq!(overdue(&[], &Notes::new(), &Threads::default(), NOW, 72), None);
    }

    #[test]
    fn a_delivered_report_past_the_response_time_offers_public_channels_then_the_regulator() {
        let due = overdue(&[delivered("a", 72)], &Notes::new(), &Threads::default(), NOW, 72);
        assert_eq!(
            due,
            Some(Overdue { id: "a".into(), reference: Some("WH-a".into()), hours: 72, rung: Rung::Public })
        );
        let due = overdue(&[delivered("a", 144)], &Notes::new(), &Threads::default(), NOW, 72);
        assert_eq!(due.map(|d| d.rung), Some(Rung::Regulator));
    }

    #[test]
    fn only_delivered_reports_count_and_the_longest_waiting_comes_first() {
        let entries = [
            entry("q", Status::Queued, 500),
            entry("r", Status::Rejected { message: "no".into() }, 500),
            delivered("new", 80),
            delivered("old", 100),
        ];
        assert_eq!(overdue(&entries, &Notes::new(), &Threads::default(), NOW, 72).map(|d| d.id), Some("old".into()));
    }

    #[test]
    fn an_answer_stops_the_reminder_and_not_now_delays_it_one_period() {
        let entries = [delivered("a", 100)];
        let answered = Notes::from([("a".to_string(), Note::Answered)]);
        assert_eq!(overdue(&entries, &answered, &Threads::default(), NOW, 72), None);
        let later = |hours_ago: u64| Notes::from([("a".to_string(), Note::Later(NOW - hours_ago * HOUR_MS))]);
        assert_eq!(overdue(&entries, &later(10), &Threads::default(), NOW, 72), None);
        assert_eq!(overdue(&entries, &later(72), &Threads::default(), NOW, 72).map(|d| d.id), Some("a".into()));
    }

    #[test]
    fn the_response_time_is_clamped_and_a_clock_behind_the_entry_is_not_overdue() {
        // 0 hours would remind at once after delivery; an hour is the least.
        assert_eq!(
            overdue(
                &[entry("a", Status::Delivered { reference: None }, 0)],
                &Notes::new(),
                &Threads::default(),
                NOW,
                0
            ),
            None
        );
        assert!(overdue(&[delivered("a", 1)], &Notes::new(), &Threads::default(), NOW, 0).is_some());
        assert_eq!(overdue(&[delivered("a", 0)], &Notes::new(), &Threads::default(), NOW - HOUR_MS * 5, 1), None);
        assert_eq!(
            overdue(&[delivered("a", 721)], &Notes::new(), &Threads::default(), NOW, 10_000).map(|d| d.rung),
            Some(Rung::Public)
        );
    }

    #[test]
    fn the_real_status_decides_when_the_endpoint_tells_it() {
        // NOW is 2027-01-15T08:00:00Z.
        assert_eq!(crate::core::thread::rfc3339_ms("2027-01-15T08:00:00Z"), Some(NOW));
        let thread = |status: &str, updated_at: &str| {
            let t = serde_json::json!({"status": status, "updated_at": updated_at});
            crate::core::thread::Thread::from_json(&t).unwrap()
        };
        let three_days_ago = "2027-01-12T08:00:00Z";
        let one = |t| {
            let mut threads = Threads::default();
            threads.insert("a", t);
            threads
        };
        let entries = [delivered("a", 100)];
        for status in ["waiting_for_you", "resolved", "closed"] {
            let threads = one(thread(status, three_days_ago));
            assert_eq!(overdue(&entries, &Notes::new(), &threads, NOW, 72), None, "{status}");
        }
        let busy = one(thread("in_progress", "2027-01-15T07:00:00Z"));
        assert_eq!(overdue(&entries, &Notes::new(), &busy, NOW, 72), None, "support updated it just now");
        let silent = one(thread("in_progress", three_days_ago));
        assert_eq!(overdue(&entries, &Notes::new(), &silent, NOW, 72).map(|d| d.hours), Some(72));
        let answer = Entry { answers: Some("a".into()), ..delivered("b", 100) };
        assert_eq!(overdue(&[answer], &Notes::new(), &Threads::default(), NOW, 72), None, "an answer is not a report");
    }

    #[test]
    fn notes_round_trip_through_json() {
        let notes = Notes::from([("a".to_string(), Note::Answered), ("b".to_string(), Note::Later(5))]);
        let json = serde_json::to_string(&notes).expect("json");
        assert_eq!(json, r#"{"a":"answered","b":{"later":5}}"#);
        assert_eq!(serde_json::from_str::<Notes>(&json).ok(), Some(notes));
    }
}
