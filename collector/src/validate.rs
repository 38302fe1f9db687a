//! Checks a parsed report body against the `wallet-help.report.v1` contract
//! (README.md, "Report payload"). Pure: no I/O, so every rule is unit-tested here.
//!
//! Only the fields the collector relies on are checked, plus the attachments, whose
//! bytes it stores (rules in `attachments`). Everything else in the body (transaction,
//! contact, checklist, context, unknown fields…) is stored as sent: the widget owns those
//! shapes, and a stricter server would reject reports from newer widgets.

use serde_json::{Map, Value};

use crate::attachments::{check_attachments, Attachment};

/// The one schema this collector accepts.
pub const SCHEMA: &str = "wallet-help.report.v1";
pub const KINDS: [&str; 3] = ["complaint", "feedback", "suggestion"];
pub const CATEGORIES: [&str; 5] = ["technical", "account", "transaction", "security", "other"];

/// The fields the store indexes and the decoded attachments, taken out of a report
/// that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReport {
    /// Lower-cased, so `ABC…` and `abc…` are one report (UUIDs are case-insensitive).
    pub id: String,
    pub created_at: String,
    pub kind: String,
    pub category: String,
    pub attachments: Vec<Attachment>,
}

/// A broken rule, answered as `422 {"error": message, "field": field}`. `field` is a
/// path into the body: `kind`, or `attachments[0].sha256`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub field: String,
    pub message: String,
}

impl Violation {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Violation { field: field.into(), message: message.into() }
    }
}

/// Checks the rules in a fixed order, so a client always sees the same first error.
pub fn validate(body: &Map<String, Value>) -> Result<ValidReport, Violation> {
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
    let kind = one_of(body, "kind", &KINDS)?;
    let category = one_of(body, "category", &CATEGORIES)?;
    non_blank(body, "locale")?;
    non_blank(body, "description")?;
    check_lengths(body)?;
    // Last: decoding and hashing are the expensive checks.
    let attachments = check_attachments(body)?;
    Ok(ValidReport {
        id: id.to_ascii_lowercase(),
        created_at: created_at.to_owned(),
        kind: kind.to_owned(),
        category: category.to_owned(),
        attachments,
    })
}

/// Deepest nesting, and most entries in one array or object, anywhere in a report: the
/// widget's deepest is 3 (`transaction` in the body), its longest list the checklist's ten.
const MAX_DEPTH: usize = 4;
const MAX_ENTRIES: usize = 50;

/// The widget's own limits (one definition, in `wallet_help::core::report::validate`), so
/// a report it accepts always fits, and a script cannot store a 9 MiB description.
fn check_lengths(body: &Map<String, Value>) -> Result<(), Violation> {
    use wallet_help::core::report::limits::{
        DESCRIPTION_MAX, EXPECTED_MAX, PREFILL_MAX, STEPS_MAX, STEP_MAX, SUBJECT_MAX, TEXT_MAX,
    };
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
    if depth > MAX_DEPTH {
        return Err(Violation::new(path, format!("{path} is nested more than {MAX_DEPTH} levels deep")));
    }
    let too_many = || Violation::new(path, format!("{path} has more than {MAX_ENTRIES} entries"));
    match value {
        Value::String(s) if s.chars().count() > text_max => {
            Err(Violation::new(path, format!("{path} is longer than {text_max} characters")))
        }
        Value::Array(list) if list.len() > MAX_ENTRIES => Err(too_many()),
        Value::Object(map) if map.len() > MAX_ENTRIES => Err(too_many()),
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

fn one_of<'a>(body: &'a Map<String, Value>, field: &'static str, allowed: &[&str]) -> Result<&'a str, Violation> {
    let value = string_field(body, field)?;
    if allowed.contains(&value) {
        Ok(value)
    } else {
        Err(Violation::new(field, format!("{field} must be one of {}, got \"{value}\"", allowed.join(", "))))
    }
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
