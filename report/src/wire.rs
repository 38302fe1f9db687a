//! The body of a report as the widget sends it (README.md, "Report payload"). Serialised
//! once from a valid draft, so every retry sends the same bytes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{Category, Kind, Preferred};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Always [`crate::SCHEMA`].
    pub schema: &'static str,
    /// A UUID, and the idempotency key: one report however many times it is sent.
    pub id: String,
    pub created_at: String,
    pub kind: Kind,
    pub category: Category,
    pub locale: String,
    pub subject: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction: Option<Transaction>,
    /// What the user already tried, as references the operator's tools can read back.
    pub steps_tried: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expected_resolution: String,
    pub contact: Contact,
    pub attachments: Vec<Attachment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Checklist>,
    pub context: Context,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Transaction {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub time: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub amount: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub asset: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub chain: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub counterparty: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tx_hash: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Preferred>,
}

/// An image the user attached, already downscaled and encoded by the browser.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attachment {
    pub name: String,
    #[serde(rename = "type")]
    pub mime: String,
    pub size: usize,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    /// Standard base64 of the bytes.
    pub data: String,
}

/// The security checklist as the user left it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub score: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    /// A mark's name, or `unanswered` for an item the user never marked: the operator
    /// should not read an unopened checklist as ten habits neglected.
    pub state: &'static str,
}

/// Facts about where the report comes from, filled by the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Context {
    pub widget_version: String,
    pub page_url: String,
    pub user_agent: String,
    /// What the host page passed to `WalletHelp.prefill` that is not a form field.
    pub prefill: BTreeMap<String, String>,
}
