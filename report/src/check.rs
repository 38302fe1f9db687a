//! The body's rules as a receiver applies them to JSON it did not write: the fields a
//! receiver relies on, and every length and count in [`crate::limits`], so a body the
//! widget builds always passes and a script cannot store a 9 MiB description. The
//! attachments' bytes are the receiver's to decode and check (with the name rules in
//! `limits`); everything else (transaction, contact, checklist, context, unknown fields…)
//! is kept as sent, as a stricter receiver would refuse reports from newer widgets.

use serde_json::{Map, Value};

use crate::limits::{
    DEPTH_MAX, DESCRIPTION_MAX, ENTRIES_MAX, EXPECTED_MAX, PREFILL_MAX, STEPS_MAX, STEP_MAX, SUBJECT_MAX, TEXT_MAX,
};
use crate::{Category, Kind, SCHEMA};

/// A broken rule: `field` is a path into the body (`kind`, `attachments[0].sha256`) and
/// `message` a sentence naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub field: String,
    pub message: String,
}

impl Violation {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { field: field.into(), message: message.into() }
    }
}

/// What a receiver files a report under, from a body that passed [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Lower-cased, so `ABC…` and `abc…` are one report (UUIDs are case-insensitive).
    pub id: String,
    pub created_at: String,
    pub kind: Kind,
    pub category: Category,
}

/// Checks the rules in a fixed order, so a sender always sees the same first error.
pub fn check(body: &Map<String, Value>) -> Result<Checked, Violation> {
    let schema = string_field(body, "schema")?;
    if schema != SCHEMA {
        return Err(Violation::new("schema", format!("schema must be \"{SCHEMA}\", got \"{schema}\"")));
    }
    let id = string_field(body, "id")?;
    if !is_uuid(id) {
        return Err(Violation::new("id", "id must be a UUID (8-4-4-4-12 hexadecimal digits)"));
    }
    let created_at = string_field(body, "created_at")?;
    if !looks_like_rfc3339(created_at) {
        return Err(Violation::new(
            "created_at",
            "created_at must be an RFC 3339 timestamp, e.g. 2025-01-31T08:15:00Z",
        ));
    }
    let names = |all: &[&str]| all.join(", ");
    let kind = one_of(body, "kind", Kind::parse, &names(&Kind::ALL.map(Kind::name)))?;
    let category = one_of(body, "category", Category::parse, &names(&Category::ALL.map(Category::name)))?;
    non_blank(body, "locale")?;
    non_blank(body, "description")?;
    check_lengths(body)?;
    Ok(Checked { id: id.to_ascii_lowercase(), created_at: created_at.to_owned(), kind, category })
}

fn check_lengths(body: &Map<String, Value>) -> Result<(), Violation> {
    let chars = |field: &str, value: &str, max: usize| {
        if value.chars().count() > max {
            Err(Violation::new(field, format!("{field} is longer than {max} characters")))
        } else {
            Ok(())
        }
    };
    for (field, max) in
        [("description", DESCRIPTION_MAX), ("subject", SUBJECT_MAX), ("expected_resolution", EXPECTED_MAX)]
    {
        if let Some(Value::String(text)) = body.get(field) {
            chars(field, text, max)?;
        }
    }
    if let Some(steps) = body.get("steps_tried").and_then(Value::as_array) {
        if steps.len() > STEPS_MAX {
            return Err(Violation::new("steps_tried", format!("steps_tried has more than {STEPS_MAX} entries")));
        }
        for (i, step) in steps.iter().enumerate() {
            chars(&format!("steps_tried[{i}]"), step.as_str().unwrap_or_default(), STEP_MAX)?;
        }
    }
    if let Some(prefill) = body.get("context").and_then(|c| c.get("prefill")).and_then(Value::as_object) {
        if prefill.len() > PREFILL_MAX {
            return Err(Violation::new(
                "context.prefill",
                format!("context.prefill has more than {PREFILL_MAX} entries"),
            ));
        }
    }
    // Everything else, wherever it is: the attachments have their own rules.
    for (key, value) in body {
        if !matches!(key.as_str(), "description" | "subject" | "expected_resolution" | "steps_tried" | "attachments") {
            walk(key, value, 1, TEXT_MAX)?;
        }
    }
    Ok(())
}

fn walk(path: &str, value: &Value, depth: usize, text_max: usize) -> Result<(), Violation> {
    if depth > DEPTH_MAX {
        return Err(Violation::new(path, format!("{path} is nested more than {DEPTH_MAX} levels deep")));
    }
    let too_many = || Violation::new(path, format!("{path} has more than {ENTRIES_MAX} entries"));
    match value {
        Value::String(s) if s.chars().count() > text_max => {
            Err(Violation::new(path, format!("{path} is longer than {text_max} characters")))
        }
        Value::Array(list) if list.len() > ENTRIES_MAX => Err(too_many()),
        Value::Object(map) if map.len() > ENTRIES_MAX => Err(too_many()),
        Value::Array(list) => {
            list.iter().enumerate().try_for_each(|(i, v)| walk(&format!("{path}[{i}]"), v, depth + 1, text_max))
        }
        Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            if k.chars().count() > text_max {
                return Err(Violation::new(path, format!("a name in {path} is longer than {text_max} characters")));
            }
            walk(&format!("{path}.{k}"), v, depth + 1, text_max)
        }),
        _ => Ok(()),
    }
}

/// A required field that must be a JSON string.
fn string_field<'a>(body: &'a Map<String, Value>, field: &'static str) -> Result<&'a str, Violation> {
    match body.get(field) {
        None | Some(Value::Null) => Err(Violation::new(field, format!("{field} is required"))),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(Violation::new(field, format!("{field} must be a string"))),
    }
}

fn one_of<T>(
    body: &Map<String, Value>,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
    names: &str,
) -> Result<T, Violation> {
    let value = string_field(body, field)?;
    parse(value).ok_or_else(|| Violation::new(field, format!("{field} must be one of {names}, got \"{value}\"")))
}

fn non_blank(body: &Map<String, Value>, field: &'static str) -> Result<(), Violation> {
    if string_field(body, field)?.trim().is_empty() {
        Err(Violation::new(field, format!("{field} must not be empty")))
    } else {
        Ok(())
    }
}

/// 8-4-4-4-12 hex digits. The version nibble is not checked: the contract says v4,
/// but rejecting another version would lose a user's report for no benefit.
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    groups.len() == lengths.len()
        && groups.iter().zip(lengths).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `YYYY-MM-DDTHH:MM` at the start, with plausible ranges. The rest (seconds,
/// fraction, offset) is left to the reader: the value is stored, not computed with.
pub fn looks_like_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 16 {
        return false;
    }
    // Bytes, not `&str` slices: a multi-byte character here must fail, not panic.
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[range];
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |acc, c| acc * 10 + u32::from(c - b'0')))
    };
    let separators = b[4] == b'-' && b[7] == b'-' && matches!(b[10], b'T' | b't' | b' ') && b[13] == b':';
    match (separators, digits(0..4), digits(5..7), digits(8..10), digits(11..13), digits(14..16)) {
        (true, Some(_), Some(mo), Some(d), Some(h), Some(mi)) => {
            (1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60
        }
        _ => false,
    }
}
