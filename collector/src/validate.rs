//! Checks a parsed report body against the `wallet-help.report.v1` contract
//! (README.md, "Report payload"): the format's own rules, shared with the widget, then the
//! attachments, whose bytes the collector decodes and stores (rules in `attachments`).
//! Pure: no I/O, so every rule is unit-tested.

use serde_json::{Map, Value};
pub use wallet_help_report::check::{is_uuid, looks_like_rfc3339, Violation};
use wallet_help_report::{Category, Kind};

use crate::attachments::{check_attachments, Attachment};

/// The report kinds, by name.
pub fn kinds() -> [&'static str; 3] {
    Kind::ALL.map(Kind::name)
}

/// The report categories, by name.
pub fn categories() -> [&'static str; 5] {
    Category::ALL.map(Category::name)
}

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

/// The format's own rules (`wallet_help_report::check`, the widget's limits among them),
/// then the attachments, last: decoding and hashing are the expensive checks.
pub fn validate(body: &Map<String, Value>) -> Result<ValidReport, Violation> {
    let checked = wallet_help_report::check::check(body)?;
    let attachments = check_attachments(body)?;
    Ok(ValidReport {
        id: checked.id,
        created_at: checked.created_at,
        kind: checked.kind.name().to_owned(),
        category: checked.category.name().to_owned(),
        attachments,
    })
}
