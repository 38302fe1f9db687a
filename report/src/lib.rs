//! The `wallet-help.report.v1` format in one place: what the widget sends and what the
//! collector accepts come from these definitions, so the two cannot drift apart.
//!
//! - [`wire`]: the body's types, as the widget serialises them;
//! - [`limits`]: every size and count, and the rules for attachment names;
//! - [`check`]: the body's rules as a receiver applies them to JSON it did not write.
//!
//! Plain Rust with no I/O: it builds for the browser and for the server alike.

pub mod check;
pub mod limits;
pub mod wire;

use serde::{Deserialize, Serialize};

/// The schema name every body carries.
pub const SCHEMA: &str = "wallet-help.report.v1";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Complaint,
    Feedback,
    Suggestion,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Complaint, Kind::Feedback, Kind::Suggestion];
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint",
            Kind::Feedback => "feedback",
            Kind::Suggestion => "suggestion",
        }
    }
    #[inline]
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Technical,
    Account,
    Transaction,
    Security,
    Other,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Technical, Category::Account, Category::Transaction, Category::Security, Category::Other];
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Account => "account",
            Category::Transaction => "transaction",
            Category::Security => "security",
            Category::Other => "other",
        }
    }
    #[inline]
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// How the user wants to be answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preferred {
    #[default]
    Email,
    Phone,
}

impl Preferred {
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Preferred::Email => "email",
            Preferred::Phone => "phone",
        }
    }
    #[inline]
    pub fn parse(s: &str) -> Option<Preferred> {
        [Preferred::Email, Preferred::Phone].into_iter().find(|p| p.name() == s)
    }
}
