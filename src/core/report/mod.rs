//! The contact form's data: what the user typed ([`Draft`]), the checks it must pass
//! ([`validate`]) and the `wallet-help.report.v1` payload sent to the operator ([`build`]).

use serde::Serialize;

pub const SCHEMA: &str = "wallet-help.report.v1";
pub const DESCRIPTION_MIN: usize = 10;
pub const DESCRIPTION_MAX: usize = 5000;
const SUBJECT_MAX: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Complaint,
    Feedback,
    Suggestion,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Complaint, Kind::Feedback, Kind::Suggestion];
    pub fn name(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint",
            Kind::Feedback => "feedback",
            Kind::Suggestion => "suggestion",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
    pub fn name(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Account => "account",
            Category::Transaction => "transaction",
            Category::Security => "security",
            Category::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// What the user has typed so far. `category` is `None` until they choose one.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: Kind,
    pub category: Option<Category>,
    pub description: String,
    pub email: String,
}

impl Default for Draft {
    fn default() -> Self {
        Draft { kind: Kind::Complaint, category: None, description: String::new(), email: String::new() }
    }
}

/// The form's fields, in the order they appear (and the error summary lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Kind,
    Category,
    Description,
    Email,
}

impl Field {
    /// Stable id fragment used for the input's DOM id and its error message.
    pub fn id(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Category => "category",
            Field::Description => "description",
            Field::Email => "email",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooShort(usize),
    TooLong(usize),
    BadEmail,
}

pub type FieldError = (Field, Problem);

/// Whether the email field must be filled: a complaint needs an answer.
pub fn email_required(kind: Kind) -> bool {
    kind == Kind::Complaint
}

/// All problems with the draft, in field order; empty means it can be sent.
pub fn validate(d: &Draft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if d.category.is_none() {
        errors.push((Field::Category, Problem::Required));
    }
    let len = d.description.trim().chars().count();
    if len == 0 {
        errors.push((Field::Description, Problem::Required));
    } else if len < DESCRIPTION_MIN {
        errors.push((Field::Description, Problem::TooShort(DESCRIPTION_MIN)));
    } else if len > DESCRIPTION_MAX {
        errors.push((Field::Description, Problem::TooLong(DESCRIPTION_MAX)));
    }
    let email = d.email.trim();
    if email.is_empty() {
        if email_required(d.kind) {
            errors.push((Field::Email, Problem::Required));
        }
    } else if !is_email(email) {
        errors.push((Field::Email, Problem::BadEmail));
    }
    errors
}

/// A deliberately plain check: one `@`, a dotted domain, no spaces. The server decides the rest.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let labels: Vec<&str> = domain.split('.').collect();
    s.len() <= 254
        && !local.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
}

/// The first line of the description, shortened, as the report's subject.
pub fn subject(description: &str) -> String {
    let first = description.trim().lines().next().unwrap_or("").trim();
    if first.chars().count() <= SUBJECT_MAX {
        first.to_string()
    } else {
        let cut: String = first.chars().take(SUBJECT_MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Facts about where the report comes from, filled by the browser layer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Context {
    pub widget_version: String,
    pub page_url: String,
    pub user_agent: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<&'static str>,
}

/// The body POSTed to the operator's endpoint (DESIGN.md §2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub id: String,
    pub created_at: String,
    pub kind: Kind,
    pub category: Category,
    pub locale: &'static str,
    pub subject: String,
    pub description: String,
    pub steps_tried: Vec<String>,
    pub contact: Contact,
    pub attachments: Vec<serde_json::Value>,
    pub context: Context,
}

/// Builds the payload from a draft that passed [`validate`]; `None` if it did not.
pub fn build(d: &Draft, id: &str, created_at: &str, locale: &'static str, context: Context) -> Option<Report> {
    if !validate(d).is_empty() {
        return None;
    }
    let email = Some(d.email.trim().to_string()).filter(|e| !e.is_empty());
    Some(Report {
        schema: SCHEMA,
        id: id.to_string(),
        created_at: created_at.to_string(),
        kind: d.kind,
        category: d.category?,
        locale,
        subject: subject(&d.description),
        description: d.description.trim().to_string(),
        steps_tried: Vec::new(),
        contact: Contact { preferred: email.as_ref().map(|_| "email"), email },
        attachments: Vec::new(),
        context,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Draft {
        Draft {
            kind: Kind::Complaint,
            category: Some(Category::Transaction),
            description: "My transfer of 50 USDT on Monday never arrived.\nHash in the app.".into(),
            email: " ana@example.com ".into(),
        }
    }

    #[test]
    fn a_complete_draft_is_valid() {
        assert!(validate(&good()).is_empty());
    }

    #[test]
    fn an_empty_complaint_lists_every_missing_field_in_order() {
        let errs = validate(&Draft::default());
        assert_eq!(
            errs,
            vec![
                (Field::Category, Problem::Required),
                (Field::Description, Problem::Required),
                (Field::Email, Problem::Required)
            ]
        );
    }

    #[test]
    fn email_is_optional_for_feedback_but_checked_when_given() {
        let mut d = Draft { kind: Kind::Feedback, email: String::new(), ..good() };
        assert!(validate(&d).is_empty());
        d.email = "not-an-email".into();
        assert_eq!(validate(&d), vec![(Field::Email, Problem::BadEmail)]);
    }

    #[test]
    fn description_length_is_counted_in_characters_not_bytes() {
        let mut d = good();
        d.description = "转账失败了怎么办啊".into(); // 9 characters, 27 bytes
        assert_eq!(validate(&d), vec![(Field::Description, Problem::TooShort(DESCRIPTION_MIN))]);
        d.description = "转账失败了,钱没有到账".into();
        assert!(validate(&d).is_empty());
        d.description = "a".repeat(DESCRIPTION_MAX + 1);
        assert_eq!(validate(&d), vec![(Field::Description, Problem::TooLong(DESCRIPTION_MAX))]);
    }

    #[test]
    fn emails() {
        for ok in ["a@b.co", "first.last+tag@mail.example.org", "用户@例子.中国"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["", "a@", "@b.co", "a@b", "a b@c.de", "a@b..co", "a@-b.co", "a@b@c.co", "<a@b.co>"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn subject_is_the_shortened_first_line() {
        assert_eq!(subject("  Payment failed\nmore"), "Payment failed");
        let long = "x".repeat(200);
        let s = subject(&long);
        assert_eq!(s.chars().count(), SUBJECT_MAX);
        assert!(s.ends_with('…'));
    }

    #[test]
    fn the_payload_matches_the_v1_contract() {
        let ctx = Context { widget_version: "0.1.0".into(), page_url: "https://w.example/".into(), user_agent: "UA".into() };
        let r = build(&good(), "6f1c7a52-0f0e-4b8e-9d1a-3c2b1a0f9e8d", "2026-11-25T10:00:00.000Z", "en", ctx)
            .expect("valid draft builds");
        let v = serde_json::to_value(&r).expect("serialises");
        assert_eq!(v["schema"], "wallet-help.report.v1");
        assert_eq!(v["id"], "6f1c7a52-0f0e-4b8e-9d1a-3c2b1a0f9e8d");
        assert_eq!(v["kind"], "complaint");
        assert_eq!(v["category"], "transaction");
        assert_eq!(v["locale"], "en");
        assert_eq!(v["subject"], "My transfer of 50 USDT on Monday never arrived.");
        assert_eq!(v["contact"]["email"], "ana@example.com");
        assert_eq!(v["contact"]["preferred"], "email");
        assert_eq!(v["steps_tried"], serde_json::json!([]));
        assert_eq!(v["context"]["page_url"], "https://w.example/");
    }

    #[test]
    fn an_invalid_draft_builds_nothing_and_no_email_means_no_contact() {
        assert!(build(&Draft::default(), "id", "t", "en", Context::default()).is_none());
        let d = Draft { kind: Kind::Suggestion, email: String::new(), ..good() };
        let v = serde_json::to_value(build(&d, "id", "t", "zh-CN", Context::default())).expect("serialises");
        assert_eq!(v["contact"], serde_json::json!({}));
    }

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.name()), Some(k));
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(c.name()), Some(c));
        }
    }
}
