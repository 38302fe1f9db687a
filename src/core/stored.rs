//! Reading back what the widget stored on the device (votes, checklist marks, the report
//! draft, follow-up notes in `localStorage`; outbox entries in IndexedDB) from parsed JSON.
//!
//! Hand-written rather than serde's derived `Deserialize`: in the Wasm each derived reader
//! brought serde's typed-deserializer machinery, and with it the formatting of floats for
//! its error messages, while the records are few and flat. Writing stays with serde's
//! `Serialize`. The rules are the derives' (the tests compare both): missing fields take
//! their defaults where the type has them, unknown fields are ignored, a wrong type anywhere
//! makes the whole record unreadable (`None`), and the caller then starts afresh.

use super::checklist::{Mark, Marks};
use super::followup::{Note, Notes};
use super::outbox::{Entry, Status};
use super::report::{Category, Draft, Kind, Preferred};
use super::state::Votes;
use serde_json::{Map, Value};

/// `{article id: helpful?}`.
pub fn votes(raw: &Value) -> Option<Votes> {
    raw.as_object()?.iter().map(|(id, v)| Some((id.clone(), v.as_bool()?))).collect()
}

/// `{item id: "done" | "not_yet" | "not_applicable"}`.
pub fn marks(raw: &Value) -> Option<Marks> {
    let mark = |v: &Value| Mark::ALL.into_iter().find(|m| Some(m.name()) == v.as_str());
    raw.as_object()?.iter().map(|(id, v)| Some((id.clone(), mark(v)?))).collect()
}

/// `{report id: "answered" | {"later": ms}}` (serde's externally tagged form, which also
/// allows `{"answered": null}`).
pub fn notes(raw: &Value) -> Option<Notes> {
    let note = |v: &Value| match v {
        Value::String(s) if s == "answered" => Some(Note::Answered),
        Value::Object(o) if o.len() == 1 => match o.iter().next()? {
            (k, Value::Null) if k == "answered" => Some(Note::Answered),
            (k, at) if k == "later" => at.as_u64().map(Note::Later),
            _ => None,
        },
        _ => None,
    };
    raw.as_object()?.iter().map(|(id, v)| Some((id.clone(), note(v)?))).collect()
}

/// The report draft; every field is optional.
pub fn draft(raw: &Value) -> Option<Draft> {
    let o = raw.as_object()?;
    let d = Draft::default();
    let text = |key: &str, default: String| field(o, key, default, |v| v.as_str().map(String::from));
    let flag = |key: &str, default: bool| field(o, key, default, Value::as_bool);
    Some(Draft {
        kind: field(o, "kind", d.kind, |v| Kind::parse(v.as_str()?))?,
        category: field(o, "category", d.category, |v| match v {
            Value::Null => Some(None),
            _ => Category::parse(v.as_str()?).map(Some),
        })?,
        subject: text("subject", d.subject)?,
        description: text("description", d.description)?,
        tx_time: text("tx_time", d.tx_time)?,
        tx_amount: text("tx_amount", d.tx_amount)?,
        tx_asset: text("tx_asset", d.tx_asset)?,
        tx_chain: text("tx_chain", d.tx_chain)?,
        tx_counterparty: text("tx_counterparty", d.tx_counterparty)?,
        tx_hash: text("tx_hash", d.tx_hash)?,
        steps: text("steps", d.steps)?,
        expected: text("expected", d.expected)?,
        email: text("email", d.email)?,
        phone: text("phone", d.phone)?,
        preferred: field(o, "preferred", d.preferred, |v| Preferred::parse(v.as_str()?))?,
        consent: flag("consent", d.consent)?,
        attach_checklist: flag("attach_checklist", d.attach_checklist)?,
    })
}

/// One outbox record: `id`, `endpoint`, `body` and `status` are required.
pub fn entry(raw: &Value) -> Option<Entry> {
    let o = raw.as_object()?;
    let required = |key: &str| o.get(key)?.as_str().map(String::from);
    let text = |key: &str| field(o, key, String::new(), |v| v.as_str().map(String::from));
    let number = |key: &str| field(o, key, 0, Value::as_u64);
    let last_error = optional_text(o, "last_error")?;
    Some(Entry {
        id: required("id")?,
        endpoint: required("endpoint")?,
        body: required("body")?,
        kind: text("kind")?,
        category: text("category")?,
        subject: text("subject")?,
        created_at: text("created_at")?,
        status: status(o.get("status")?)?,
        attempts: u32::try_from(number("attempts")?).ok()?,
        next_attempt_ms: number("next_attempt_ms")?,
        last_error,
        updated_ms: number("updated_ms")?,
        give_up_ms: number("give_up_ms")?,
        screenshots_dropped: u32::try_from(number("screenshots_dropped")?).ok()?,
        status_token: optional_text(o, "status_token")?,
        answers: optional_text(o, "answers")?,
    })
}

/// `{"state": "queued" | "sending" | "delivered" | "rejected" | "not_delivered",
/// "reference"?, "message"?}`;
/// each state reads only its own fields.
fn status(raw: &Value) -> Option<Status> {
    let o = raw.as_object()?;
    let text = |key: &str| {
        field(o, key, None, |v| match v {
            Value::Null => Some(None),
            _ => v.as_str().map(|s| Some(s.to_string())),
        })
    };
    match o.get("state")?.as_str()? {
        "queued" => Some(Status::Queued),
        "sending" => Some(Status::Sending),
        "delivered" => Some(Status::Delivered { reference: text("reference")? }),
        "rejected" => Some(Status::Rejected { message: text("message")?? }),
        "not_delivered" => Some(Status::NotDelivered),
        _ => None,
    }
}

/// A string field that may be missing or null.
fn optional_text(o: &Map<String, Value>, key: &str) -> Option<Option<String>> {
    field(o, key, None, |v| match v {
        Value::Null => Some(None),
        _ => v.as_str().map(|s| Some(s.to_string())),
    })
}

/// A field that may be missing (then `default`); when present, `read` must accept it.
fn field<T>(o: &Map<String, Value>, key: &str, default: T, read: impl Fn(&Value) -> Option<T>) -> Option<T> {
    match o.get(key) {
        None => Some(default),
        Some(v) => read(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde_json::json;

    /// Same answer as the serde derive for `raw`.
    fn agrees<T: DeserializeOwned + PartialEq + std::fmt::Debug>(read: fn(&Value) -> Option<T>, raw: &Value) {
        assert_eq!(read(raw), serde_json::from_value::<T>(raw.clone()).ok(), "{raw}");
    }

    /// Each wrong kind of JSON value, for every field in turn.
    fn wrong() -> Vec<Value> {
        vec![
            json!(null),
            json!(1),
            json!(-1),
            json!(1.5),
            json!(5_000_000_000u64),
            json!("x"),
            json!(true),
            json!([]),
            json!({}),
        ]
    }

    #[test]
    fn votes_marks_and_notes_read_like_the_derives() {
        for raw in [json!({}), json!({"a": true, "b": false}), json!({"a": "yes"}), json!([]), json!(null), json!("x")]
        {
            agrees(votes, &raw);
        }
        let marks_cases = [
            json!({"a": "done", "b": "not_yet", "c": "not_applicable"}),
            json!({"a": "Done"}),
            json!({"a": null}),
            json!(7),
        ];
        for raw in marks_cases {
            agrees(marks, &raw);
        }
        let notes_cases = [
            json!({"a": "answered", "b": {"later": 5}}),
            json!({"a": {"answered": null}}),
            json!({"a": {"answered": 1}}),
            json!({"a": "later"}),
            json!({"a": {"later": -1}}),
            json!({"a": {"later": 5, "answered": null}}),
            json!({"a": {}}),
            json!({"a": "Answered"}),
            json!([]),
        ];
        for raw in notes_cases {
            agrees(notes, &raw);
        }
    }

    #[test]
    fn drafts_read_like_the_derive() {
        let full = json!({"kind": "feedback", "category": "security", "subject": "s", "description": "d", "tx_time": "t",
            "tx_amount": "1", "tx_asset": "USDT", "tx_chain": "tron", "tx_counterparty": "c", "tx_hash": "h", "steps": "a\nb",
            "expected": "e", "email": "a@b.io", "phone": "+1", "preferred": "phone", "consent": true, "attach_checklist": true,
            "unknown": [1]});
        agrees(draft, &full);
        agrees(draft, &json!({}));
        agrees(draft, &json!({"category": null}));
        agrees(draft, &json!({"kind": "Complaint"}));
        for key in full.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
            for w in wrong() {
                agrees(draft, &json!({ key.clone(): w }));
            }
        }
    }

    #[test]
    fn outbox_entries_read_like_the_derive() {
        let full = json!({"id": "i", "endpoint": "https://e", "body": "{}", "kind": "complaint", "category": "other",
            "subject": "s", "created_at": "2026-01-01T00:00:00Z", "status": {"state": "rejected", "message": "no"},
            "attempts": 3, "next_attempt_ms": 1_700_000_000_000u64, "last_error": "HTTP 400", "updated_ms": 5,
            "give_up_ms": 1_700_600_000_000u64, "screenshots_dropped": 2});
        agrees(entry, &full);
        agrees(entry, &json!({"id": "i", "endpoint": "e", "body": "b", "status": {"state": "queued"}}));
        for key in full.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
            let mut without = full.clone();
            without.as_object_mut().map(|o| o.remove(&key));
            agrees(entry, &without);
            for w in wrong() {
                let mut changed = full.clone();
                changed[&key] = w;
                agrees(entry, &changed);
            }
        }
        for state in ["queued", "sending", "delivered", "rejected", "not_delivered", "lost"] {
            for extra in [
                json!({}),
                json!({"reference": "R"}),
                json!({"reference": null}),
                json!({"message": "m"}),
                json!({"message": 1}),
            ] {
                let mut status = extra.clone();
                status["state"] = json!(state);
                agrees(entry, &json!({"id": "i", "endpoint": "e", "body": "b", "status": status}));
            }
        }
    }
}
