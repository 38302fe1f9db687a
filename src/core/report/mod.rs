//! The report form's data: what the user typed ([`Draft`]), the checks it must pass
//! ([`validate()`]) and the `wallet-help.report.v1` payload sent to the operator ([`build()`]).

mod guard;
mod letter;
mod payload;
pub mod steps;
mod validate;

pub use guard::{findings, storable, without_secrets};
pub use letter::{file_name, letter, LetterInput, SentReport, SentStatus, DEFAULT_REPLY_DAYS, REPLY_DAYS};
pub use payload::{attachment, build, facts, images, plain_text, read_back, uuid_v4, with_utc_offset, Image};
pub use validate::{email_required, is_email, is_phone, phone_required, validate, FieldError, Problem};
pub use wallet_help_report::limits::ATTACHMENT_MAX_BYTES;
pub use wallet_help_report::wire::{Attachment, Context, Report};

/// The sizes a report may have and the rules for its file names: one definition for the
/// form and the collector, in the format's own crate.
pub use wallet_help_report::limits;
pub use wallet_help_report::{Category, Kind, Preferred, SCHEMA};

use serde::{Deserialize, Serialize};

/// Every field of the form, in the order they appear (and the error summary lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Kind,
    Category,
    Subject,
    Description,
    TxTime,
    TxAmount,
    TxAsset,
    TxChain,
    TxCounterparty,
    TxHash,
    Steps,
    Expected,
    Email,
    Phone,
    Preferred,
    Consent,
    Attachments,
}

impl Field {
    /// The fields that hold free text: each is checked by the secret guard.
    pub const TEXT: [Field; 11] = [
        Field::Subject,
        Field::Description,
        Field::TxTime,
        Field::TxAmount,
        Field::TxAsset,
        Field::TxCounterparty,
        Field::TxHash,
        Field::Steps,
        Field::Expected,
        Field::Email,
        Field::Phone,
    ];

    /// Stable id fragment for DOM ids and `prefill` keys' documentation.
    pub fn id(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Category => "category",
            Field::Subject => "subject",
            Field::Description => "description",
            Field::TxTime => "tx-time",
            Field::TxAmount => "tx-amount",
            Field::TxAsset => "tx-asset",
            Field::TxChain => "tx-chain",
            Field::TxCounterparty => "tx-counterparty",
            Field::TxHash => "tx-hash",
            Field::Steps => "steps",
            Field::Expected => "expected",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Preferred => "preferred",
            Field::Consent => "consent",
            Field::Attachments => "attachments",
        }
    }
}

/// Reads a sent report back as `prefill` pairs, so a refused report can be edited and
/// sent again without typing it anew.
pub fn prefill_pairs(body: &str) -> Vec<(String, String)> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else { return Vec::new() };
    let text = |x: Option<&serde_json::Value>| x.and_then(|s| s.as_str()).unwrap_or_default().to_string();
    let tx = v.get("transaction");
    let pairs = [
        ("kind", text(v.get("kind"))),
        ("category", text(v.get("category"))),
        ("subject", text(v.get("subject"))),
        ("description", text(v.get("description"))),
        ("txTime", text(tx.and_then(|t| t.get("time")))),
        ("amount", text(tx.and_then(|t| t.get("amount")))),
        ("asset", text(tx.and_then(|t| t.get("asset")))),
        ("chain", text(tx.and_then(|t| t.get("chain")))),
        ("counterparty", text(tx.and_then(|t| t.get("counterparty")))),
        ("txHash", text(tx.and_then(|t| t.get("tx_hash")))),
        ("expected", text(v.get("expected_resolution"))),
        ("email", text(v.get("contact").and_then(|c| c.get("email")))),
        ("phone", text(v.get("contact").and_then(|c| c.get("phone")))),
    ];
    let steps: Vec<&str> = v
        .get("steps_tried")
        .and_then(|s| s.as_array())
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(std::iter::once(("steps".to_string(), steps.join("\n"))))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// What the user has typed so far. Text fields are kept as typed; `validate` and `build`
/// trim them. Attachments are not part of the draft: they are too large to keep on the device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub kind: Kind,
    pub category: Option<Category>,
    pub subject: String,
    pub description: String,
    pub tx_time: String,
    pub tx_amount: String,
    pub tx_asset: String,
    /// `evm`, `bitcoin`, `tron`, `solana`, or empty when unknown.
    pub tx_chain: String,
    pub tx_counterparty: String,
    pub tx_hash: String,
    /// One step per line.
    pub steps: String,
    pub expected: String,
    pub email: String,
    pub phone: String,
    pub preferred: Preferred,
    pub consent: bool,
    /// Send the security checklist's state with the report.
    pub attach_checklist: bool,
}

impl Draft {
    /// A field's value as the form shows it: the text, or the chosen option's name.
    pub fn value(&self, field: Field) -> &str {
        match field {
            Field::Kind => self.kind.name(),
            Field::Category => self.category.map_or("", Category::name),
            Field::Preferred => self.preferred.name(),
            Field::Consent => {
                if self.consent {
                    "true"
                } else {
                    "false"
                }
            }
            Field::Attachments => "",
            _ => self.text(field),
        }
    }

    /// The text of a free-text field (empty for the others).
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Subject => &self.subject,
            Field::Description => &self.description,
            Field::TxTime => &self.tx_time,
            Field::TxAmount => &self.tx_amount,
            Field::TxAsset => &self.tx_asset,
            Field::TxChain => &self.tx_chain,
            Field::TxCounterparty => &self.tx_counterparty,
            Field::TxHash => &self.tx_hash,
            Field::Steps => &self.steps,
            Field::Expected => &self.expected,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            _ => "",
        }
    }

    /// Sets a field from the form's string value (`"true"` for the consent box).
    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Kind => self.kind = Kind::parse(&value).unwrap_or(self.kind),
            Field::Category => self.category = Category::parse(&value),
            Field::Preferred => self.preferred = Preferred::parse(&value).unwrap_or_default(),
            Field::Consent => self.consent = value == "true",
            Field::Attachments => {}
            Field::Subject => self.subject = value,
            Field::Description => self.description = value,
            Field::TxTime => self.tx_time = value,
            Field::TxAmount => self.tx_amount = value,
            Field::TxAsset => self.tx_asset = value,
            // Only a supported network: anything else would travel to the operator unchecked.
            Field::TxChain => self.tx_chain = validate::parse_chain(value.trim()).map_or("", |_| value.trim()).into(),
            Field::TxCounterparty => self.tx_counterparty = value,
            Field::TxHash => self.tx_hash = value,
            Field::Steps => self.steps = value,
            Field::Expected => self.expected = value,
            Field::Email => self.email = value,
            Field::Phone => self.phone = value,
        }
    }

    /// Applies `WalletHelp.prefill({...})`: known keys fill fields, the rest are returned
    /// to travel in the report's `context.prefill` (e.g. account id, app version). A `chain`
    /// outside the supported list is refused (see [`prefill_warnings`]).
    pub fn prefill(&mut self, pairs: &[(String, String)]) -> Vec<(String, String)> {
        let mut extra = Vec::new();
        for (key, value) in pairs {
            let field = match key.as_str() {
                "kind" => Field::Kind,
                "category" => Field::Category,
                "subject" => Field::Subject,
                "description" => Field::Description,
                "txTime" => Field::TxTime,
                "amount" => Field::TxAmount,
                "asset" => Field::TxAsset,
                "chain" => Field::TxChain,
                "counterparty" => Field::TxCounterparty,
                "txHash" => Field::TxHash,
                "steps" => Field::Steps,
                "expected" => Field::Expected,
                "email" => Field::Email,
                "phone" => Field::Phone,
                _ => {
                    extra.push((key.clone(), value.clone()));
                    continue;
                }
            };
            self.set(field, value.clone());
        }
        extra
    }
}

/// How support will answer: the contact the user prefers if they gave it, else the other
/// one they gave; `None` with neither.
pub fn answer_by(d: &Draft) -> Option<(Preferred, String)> {
    let given = |p: Preferred| {
        let v = if p == Preferred::Email { d.email.trim() } else { d.phone.trim() };
        Some((p, v.to_string())).filter(|_| !v.is_empty())
    };
    let other = if d.preferred == Preferred::Email { Preferred::Phone } else { Preferred::Email };
    given(d.preferred).or_else(|| given(other))
}

/// What the host page should hear about `prefill` pairs the form will not take.
pub fn prefill_warnings(pairs: &[(String, String)]) -> Vec<String> {
    pairs
        .iter()
        .filter(|(key, value)| {
            key == "chain" && validate::parse_chain(value.trim()).is_none() && !value.trim().is_empty()
        })
        .map(|(_, value)| format!("prefill: chain {value:?} is not one of evm, bitcoin, tron, solana; ignored"))
        .collect()
}

#[test]
fn support_answers_by_the_preferred_contact_or_the_one_given() {
    let d = Draft { email: " ana@example.com ".into(), phone: "+86 400 000 0000".into(), ..Draft::default() };
    assert_eq!(answer_by(&d), Some((Preferred::Email, "ana@example.com".into())));
    let phone = Draft { preferred: Preferred::Phone, ..d.clone() };
    assert_eq!(answer_by(&phone), Some((Preferred::Phone, "+86 400 000 0000".into())));
    let only_email = Draft { phone: " ".into(), ..phone };
    assert_eq!(answer_by(&only_email), Some((Preferred::Email, "ana@example.com".into())));
    assert_eq!(answer_by(&Draft::default()), None);
}

/// A complete, valid complaint that tests start from.
#[cfg(test)]
pub(crate) fn sample_complaint() -> Draft {
    Draft {
        kind: Kind::Complaint,
        category: Some(Category::Transaction),
        description: "My transfer of 50 USDT on Monday never arrived.\nHash in the app.".into(),
        email: " ana@example.com ".into(),
        consent: true,
        ..Draft::default()
    }
}
