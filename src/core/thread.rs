//! What happened to a delivered report, as the operator's endpoint tells it (the optional
//! status part of the contract, README "Status and replies"): its status, support's
//! replies and the user's answers, and the history of status changes. Kept on the device by
//! report id with how many of support's messages the user has read, so a new reply is
//! marked until it is read. An endpoint without this part simply never fills it.

use super::delivery;
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Received,
    InProgress,
    /// Support asked the user something.
    WaitingForYou,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Received, Status::InProgress, Status::WaitingForYou, Status::Resolved, Status::Closed];

    pub fn name(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::InProgress => "in_progress",
            Status::WaitingForYou => "waiting_for_you",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.name() == s)
    }

    /// Nothing more is expected from support: the no-answer reminder stays quiet.
    pub fn settled(self) -> bool {
        matches!(self, Status::WaitingForYou | Status::Resolved | Status::Closed)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The sender's idempotency key; matches the outbox entry of one of the user's answers.
    pub id: String,
    /// `true` from support, `false` from the user.
    pub support: bool,
    /// RFC 3339, as the endpoint wrote it.
    pub at: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    pub status: Status,
    pub updated_at: String,
    /// Oldest first.
    pub messages: Vec<Message>,
    /// Each status the report has had, with when; the endpoint's if it sends one, else the
    /// changes this device has seen.
    pub history: Vec<(Status, String)>,
    /// How many of support's messages the user has seen.
    pub seen: usize,
}

/// Every known thread, by report id. A list, not a map: a device has a handful of reports,
/// and a map type of its own would add its code to the first Wasm part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Threads(Vec<(String, Thread)>);

impl Threads {
    pub fn get(&self, id: &str) -> Option<&Thread> {
        self.0.iter().find(|(i, _)| i == id).map(|(_, t)| t)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Thread> {
        self.0.iter_mut().find(|(i, _)| i == id).map(|(_, t)| t)
    }

    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds or replaces report `id`'s thread.
    pub fn insert(&mut self, id: &str, thread: Thread) {
        match self.get_mut(id) {
            Some(t) => *t = thread,
            None => self.0.push((id.to_string(), thread)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Thread)> {
        self.0.iter().map(|(i, t)| (i.as_str(), t))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Longest answer the user may write, in characters (the reference collector's limit).
pub const MAX_ANSWER_CHARS: usize = 5_000;

/// `GET` here for the status of report `id` sent to `endpoint`.
pub fn status_url(endpoint: &str, id: &str) -> String {
    format!("{}/{id}", endpoint.trim_end_matches('/'))
}

/// `POST` the user's answers here.
pub fn messages_url(endpoint: &str, id: &str) -> String {
    format!("{}/messages", status_url(endpoint, id))
}

/// The body of one answer: its id (also the `Idempotency-Key`) and text.
pub fn answer_body(id: &str, text: &str) -> String {
    json!({ "id": id, "text": text }).to_string()
}

impl Thread {
    /// Support's messages the user has not seen yet.
    pub fn unread(&self) -> usize {
        self.messages.iter().filter(|m| m.support).count().saturating_sub(self.seen)
    }

    pub fn mark_read(&mut self) {
        self.seen = self.messages.iter().filter(|m| m.support).count();
    }

    /// Support's reply (or a status change) as the time to count a silence from, in ms since
    /// the Unix epoch; `None` if the endpoint's time cannot be read.
    pub fn updated_ms(&self) -> Option<u64> {
        rfc3339_ms(&self.updated_at)
    }

    /// The fresh answer from the endpoint, keeping what only this device knows: what was
    /// read, and the changes it saw when the endpoint sends no history.
    pub fn refreshed(old: Option<&Thread>, mut fresh: Thread) -> Thread {
        let Some(old) = old else {
            if fresh.history.is_empty() {
                fresh.history.push((fresh.status, fresh.updated_at.clone()));
            }
            return fresh;
        };
        fresh.seen = old.seen.min(fresh.messages.iter().filter(|m| m.support).count());
        if fresh.history.is_empty() {
            fresh.history = old.history.clone();
            if fresh.history.last().map(|(s, _)| *s) != Some(fresh.status) {
                fresh.history.push((fresh.status, fresh.updated_at.clone()));
            }
        }
        fresh
    }

    /// Reads the endpoint's answer, or the record this device stored (which adds `seen`).
    /// `None` when a required part is missing or of the wrong kind: the widget then keeps
    /// what it knew.
    pub fn from_json(v: &Value) -> Option<Thread> {
        let o = v.as_object()?;
        let text = |v: &Value, key: &str| v.get(key)?.as_str().map(String::from);
        let messages = match o.get("messages") {
            None => Vec::new(),
            Some(list) => list
                .as_array()?
                .iter()
                .map(|m| {
                    let support = match m.get("from")?.as_str()? {
                        "support" => true,
                        "you" => false,
                        _ => return None,
                    };
                    let body = text(m, "text")?;
                    Some(Message { id: text(m, "id").unwrap_or_default(), support, at: text(m, "at")?, text: body })
                })
                .collect::<Option<Vec<_>>>()?,
        };
        let history = match o.get("history") {
            None => Vec::new(),
            // A history entry this version does not know is skipped, not fatal.
            Some(list) => list
                .as_array()?
                .iter()
                .filter_map(|h| Some((Status::parse(h.get("status")?.as_str()?)?, text(h, "at")?)))
                .collect(),
        };
        Some(Thread {
            status: Status::parse(o.get("status")?.as_str()?)?,
            updated_at: text(v, "updated_at").unwrap_or_default(),
            messages,
            history,
            seen: o.get("seen").and_then(Value::as_u64).map_or(0, |n| n as usize),
        })
    }

    pub fn to_json(&self) -> Value {
        let messages: Vec<Value> = self
            .messages
            .iter()
            .map(|m| json!({ "id": m.id, "from": if m.support { "support" } else { "you" }, "at": m.at, "text": m.text }))
            .collect();
        let history: Vec<Value> = self.history.iter().map(|(s, at)| json!({ "status": s.name(), "at": at })).collect();
        json!({ "status": self.status.name(), "updated_at": self.updated_at, "messages": messages,
                "history": history, "seen": self.seen })
    }
}

/// Every stored thread; an unreadable one is dropped (it is fetched again).
pub fn threads_from_json(v: &Value) -> Threads {
    let mut threads = Threads::default();
    for (id, t) in v.as_object().into_iter().flatten() {
        if let Some(t) = Thread::from_json(t) {
            threads.insert(id, t);
        }
    }
    threads
}

pub fn threads_to_json(threads: &Threads) -> Value {
    let mut o = serde_json::Map::new();
    for (id, t) in threads.iter() {
        o.insert(id.to_string(), t.to_json());
    }
    Value::Object(o)
}

/// Milliseconds since the Unix epoch of an RFC 3339 time such as `2026-12-07T08:00:00.123Z`
/// or `…+08:00`; `None` for anything else.
pub fn rfc3339_ms(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u64> {
        let part = b.get(r)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |a, c| a * 10 + u64::from(c - b'0')))
    };
    let shape =
        b.len() >= 20 && b[4] == b'-' && b[7] == b'-' && matches!(b[10], b'T' | b't') && b[13] == b':' && b[16] == b':';
    if !shape {
        return None;
    }
    let (year, month, day, h, m, sec) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if year < 1970 || !(1..=12).contains(&month) || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let first3: String = fraction[..digits].chars().chain("00".chars()).take(3).collect();
        millis = first3.parse::<u64>().ok()?;
        rest = &fraction[digits..];
    }
    let offset_minutes: i64 = match rest {
        "Z" | "z" => 0,
        _ if rest.is_ascii() && rest.len() == 6 && matches!(&rest[..1], "+" | "-") && &rest[3..4] == ":" => {
            let (oh, om) = (rest[1..3].parse::<i64>().ok()?, rest[4..6].parse::<i64>().ok()?);
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            sign * (oh * 60 + om)
        }
        _ => return None,
    };
    let local = (delivery::days_from_civil(year, month, day) * 86_400 + h * 3_600 + m * 60 + sec) * 1_000 + millis;
    u64::try_from(local as i64 - offset_minutes * 60_000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Value {
        json!({
            "reference": "WH-1",
            "status": "waiting_for_you",
            "updated_at": "2026-12-07T08:00:00.500Z",
            "messages": [
                {"id": "m1", "from": "support", "at": "2026-12-07T07:00:00Z", "text": "Which network?"},
                {"id": "m2", "from": "you", "at": "2026-12-07T07:30:00Z", "text": "TRON"},
                {"id": "m3", "from": "support", "at": "2026-12-07T08:00:00Z", "text": "Thanks, checking."}
            ],
            "history": [{"status": "received", "at": "2026-12-06T10:00:00Z"}, {"status": "waiting_for_you", "at": "x"},
                        {"status": "escalated", "at": "y"}]
        })
    }

    #[test]
    fn the_endpoints_answer_reads_into_a_thread_and_back() {
        let t = Thread::from_json(&answer()).unwrap();
        assert_eq!(t.status, Status::WaitingForYou);
        assert_eq!(t.messages.len(), 3);
        assert!(t.messages[0].support && !t.messages[1].support);
        assert_eq!(t.history.len(), 2, "an unknown status in the history is skipped");
        assert_eq!((t.unread(), t.seen), (2, 0));
        assert_eq!(Thread::from_json(&t.to_json()), Some(t.clone()));
        let mut threads = Threads::default();
        threads.insert("a", t);
        assert_eq!(threads_from_json(&threads_to_json(&threads)), threads);
    }

    #[test]
    fn a_broken_answer_is_not_a_thread() {
        for broken in [
            json!({"status": "done"}),
            json!({"updated_at": "x"}),
            json!({"status": "received", "messages": [{"from": "bot", "at": "x", "text": "hi"}]}),
            json!({"status": "received", "messages": [{"from": "support", "text": "hi"}]}),
            json!({"status": "received", "messages": {}}),
            json!([]),
        ] {
            assert_eq!(Thread::from_json(&broken), None, "{broken}");
        }
        let minimal = Thread::from_json(&json!({"status": "resolved"})).unwrap();
        assert!(minimal.messages.is_empty() && minimal.history.is_empty());
        assert_eq!(threads_from_json(&json!({"a": {"status": "nope"}, "b": {"status": "closed"}})).iter().count(), 1);
    }

    #[test]
    fn a_refresh_keeps_what_was_read_and_builds_a_history_when_none_is_sent() {
        let mut t = Thread::from_json(&answer()).unwrap();
        t.mark_read();
        assert_eq!(t.unread(), 0);
        let mut fresh = Thread::from_json(&answer()).unwrap();
        fresh.messages.push(Message { id: "m4".into(), support: true, at: "z".into(), text: "Found it".into() });
        let merged = Thread::refreshed(Some(&t), fresh);
        assert_eq!(merged.unread(), 1, "only the new reply is marked");

        let plain = |status: &str, at: &str| Thread::from_json(&json!({"status": status, "updated_at": at})).unwrap();
        let first = Thread::refreshed(None, plain("received", "t1"));
        assert_eq!(first.history, [(Status::Received, "t1".to_string())]);
        let same = Thread::refreshed(Some(&first), plain("received", "t2"));
        assert_eq!(same.history.len(), 1);
        let moved = Thread::refreshed(Some(&same), plain("resolved", "t3"));
        assert_eq!(moved.history, [(Status::Received, "t1".into()), (Status::Resolved, "t3".into())]);
    }

    #[test]
    fn urls_and_the_answer_body_follow_the_contract() {
        assert_eq!(status_url("https://h.example/api/reports/", "ab"), "https://h.example/api/reports/ab");
        assert_eq!(messages_url("/api/reports", "ab"), "/api/reports/ab/messages");
        let body: Value = serde_json::from_str(&answer_body("m", "a \"quoted\" word")).unwrap();
        assert_eq!(body, json!({"id": "m", "text": "a \"quoted\" word"}));
    }

    #[test]
    fn rfc3339_times_read_in_utc() {
        assert_eq!(rfc3339_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_ms("2015-10-21T07:28:00Z"), Some(1_445_412_480_000));
        assert_eq!(rfc3339_ms("2015-10-21T07:28:00.5Z"), Some(1_445_412_480_500));
        assert_eq!(rfc3339_ms("2015-10-21T07:28:00.123456Z"), Some(1_445_412_480_123));
        assert_eq!(rfc3339_ms("2015-10-21T15:28:00+08:00"), Some(1_445_412_480_000));
        assert_eq!(rfc3339_ms("2015-10-21T02:28:00-05:00"), Some(1_445_412_480_000));
        for bad in
            ["", "2015-10-21", "2015-10-21T07:28:00", "2015-13-21T07:28:00Z", "2015-10-21T07:28:00.Z", "tomorrow"]
        {
            assert_eq!(rfc3339_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_published_schemas_name_the_same_statuses_and_limit() {
        let read = |name: &str| -> Value {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static").join(name);
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let status = read("status.schema.json");
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(status["properties"]["status"]["enum"], json!(names));
        assert_eq!(read("answer.schema.json")["properties"]["text"]["maxLength"], json!(MAX_ANSWER_CHARS));
    }

    #[test]
    fn settled_statuses_quiet_the_reminder() {
        let settled: Vec<Status> = Status::ALL.into_iter().filter(|s| s.settled()).collect();
        assert_eq!(settled, [Status::WaitingForYou, Status::Resolved, Status::Closed]);
        assert!(Status::ALL.iter().all(|s| Status::parse(s.name()) == Some(*s)));
    }
}
