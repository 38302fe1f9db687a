//! The form's rules: what each kind of report needs, lengths, and the formats of email,
//! phone, amount, time, transaction hash and address (per chain, via `core::chain`).

use super::{Draft, Field, Kind, Preferred};
use crate::core::chain::{self, Chain};

pub use wallet_help_report::limits::{
    DESCRIPTION_MAX, DESCRIPTION_MIN, EXPECTED_MAX, PREFILL_KEY_MAX, PREFILL_MAX, STEPS_MAX, STEP_MAX, SUBJECT_MAX,
    TEXT_MAX,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooShort(usize),
    TooLong(usize),
    TooManyLines(usize),
    BadEmail,
    BadPhone,
    BadAmount,
    BadTime,
    BadHash,
    BadAddress,
    /// Contact details were given without agreeing to be contacted.
    NeedsConsent,
    /// The field holds a seed phrase or private key (found by `core::secrets`).
    Secret,
}

pub type FieldError = (Field, Problem);

/// Whether the email field must be filled: a complaint needs an answer, by the chosen way.
/// A complaint needs a way to answer it: the channel chosen under "answer me by", unless
/// the user gave the other one instead (the payload then prefers what was given).
pub fn email_required(d: &Draft) -> bool {
    d.kind == Kind::Complaint && d.preferred == Preferred::Email && d.phone.trim().is_empty()
}

pub fn phone_required(d: &Draft) -> bool {
    d.kind == Kind::Complaint && d.preferred == Preferred::Phone && d.email.trim().is_empty()
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

/// International or local numbers as people type them: digits with spaces, dashes,
/// dots and brackets, an optional leading `+`; 7 to 15 digits (E.164's maximum).
pub fn is_phone(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits) && body.chars().all(|c| c.is_ascii_digit() || " -.()".contains(c))
}

/// A positive decimal amount; thousands separators (`,`) are allowed.
fn is_amount(s: &str) -> bool {
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    let mut parts = plain.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next().unwrap_or("0");
    plain.len() <= 40
        && !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.chars().all(|c| c.is_ascii_digit())
        && plain.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// `YYYY-MM-DDTHH:MM` as a `datetime-local` input gives it (seconds optional).
fn is_local_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    (b.len() == 16 || b.len() == 19)
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
}

pub fn parse_chain(name: &str) -> Option<Chain> {
    match name {
        "evm" => Some(Chain::Evm),
        "bitcoin" => Some(Chain::Bitcoin),
        "tron" => Some(Chain::Tron),
        "solana" => Some(Chain::Solana),
        _ => None,
    }
}

const CHAINS: [Chain; 4] = [Chain::Evm, Chain::Bitcoin, Chain::Tron, Chain::Solana];

/// All problems with the draft, in field order; empty means it can be sent. Secrets are
/// checked separately (`core::secrets`), since they need the field kind and a removal offer.
pub fn validate(d: &Draft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut check = |field: Field, problem: Option<Problem>| {
        if let Some(p) = problem {
            errors.push((field, p));
        }
    };
    let len = |s: &str| s.trim().chars().count();
    let optional = |s: &str, ok: bool, problem: Problem| (!s.trim().is_empty() && !ok).then_some(problem);

    check(Field::Category, d.category.is_none().then_some(Problem::Required));
    check(Field::Subject, (len(&d.subject) > SUBJECT_MAX).then_some(Problem::TooLong(SUBJECT_MAX)));
    check(
        Field::Description,
        match len(&d.description) {
            0 => Some(Problem::Required),
            n if n < DESCRIPTION_MIN => Some(Problem::TooShort(DESCRIPTION_MIN)),
            n if n > DESCRIPTION_MAX => Some(Problem::TooLong(DESCRIPTION_MAX)),
            _ => None,
        },
    );
    check(Field::TxTime, optional(&d.tx_time, is_local_time(d.tx_time.trim()), Problem::BadTime));
    check(Field::TxAmount, optional(&d.tx_amount, is_amount(d.tx_amount.trim()), Problem::BadAmount));
    check(Field::TxAsset, (len(&d.tx_asset) > 20).then_some(Problem::TooLong(20)));
    let chain = parse_chain(&d.tx_chain);
    let on_chain = |test: fn(Chain, &str) -> bool, s: &str| match chain {
        Some(c) => test(c, s),
        None => CHAINS.iter().any(|c| test(*c, s)),
    };
    let counterparty = d.tx_counterparty.trim();
    check(
        Field::TxCounterparty,
        optional(counterparty, on_chain(chain::valid_address, counterparty), Problem::BadAddress),
    );
    let hash = d.tx_hash.trim();
    check(Field::TxHash, optional(hash, on_chain(chain::valid_tx_hash, hash), Problem::BadHash));
    let steps: Vec<&str> = d.steps.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    check(
        Field::Steps,
        if steps.len() > STEPS_MAX {
            Some(Problem::TooManyLines(STEPS_MAX))
        } else {
            steps.iter().any(|s| s.chars().count() > STEP_MAX).then_some(Problem::TooLong(STEP_MAX))
        },
    );
    check(Field::Expected, (len(&d.expected) > EXPECTED_MAX).then_some(Problem::TooLong(EXPECTED_MAX)));
    let email = d.email.trim();
    check(
        Field::Email,
        if email.is_empty() {
            email_required(d).then_some(Problem::Required)
        } else {
            (!is_email(email)).then_some(Problem::BadEmail)
        },
    );
    let phone = d.phone.trim();
    check(
        Field::Phone,
        if phone.is_empty() {
            phone_required(d).then_some(Problem::Required)
        } else {
            (!is_phone(phone)).then_some(Problem::BadPhone)
        },
    );
    let has_contact = !email.is_empty() || !phone.is_empty();
    check(Field::Consent, (has_contact && !d.consent).then_some(Problem::NeedsConsent));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::sample_complaint as good;

    #[test]
    fn a_complete_complaint_is_valid() {
        assert_eq!(validate(&good()), vec![]);
    }

    #[test]
    fn an_empty_complaint_lists_every_missing_field_in_order() {
        assert_eq!(
            validate(&Draft::default()),
            vec![
                (Field::Category, Problem::Required),
                (Field::Description, Problem::Required),
                (Field::Email, Problem::Required)
            ]
        );
    }

    #[test]
    fn the_preferred_channel_decides_what_a_complaint_needs() {
        let d = Draft { email: String::new(), preferred: Preferred::Phone, ..good() };
        assert_eq!(validate(&d), vec![(Field::Phone, Problem::Required)]);
        let d = Draft { phone: "+86 138-0013-8000".into(), ..d };
        assert_eq!(validate(&d), vec![]);
        // Email chosen but only a phone number given: enough to answer a complaint.
        let d =
            Draft { email: String::new(), phone: "+86 138-0013-8000".into(), preferred: Preferred::Email, ..good() };
        assert_eq!(validate(&d), vec![]);
    }

    #[test]
    fn contact_details_need_consent_and_feedback_needs_no_contact() {
        assert_eq!(validate(&Draft { consent: false, ..good() }), vec![(Field::Consent, Problem::NeedsConsent)]);
        let d = Draft { kind: Kind::Feedback, email: String::new(), consent: false, ..good() };
        assert_eq!(validate(&d), vec![]);
        let d = Draft { email: "not-an-email".into(), ..d };
        assert_eq!(validate(&d), vec![(Field::Email, Problem::BadEmail), (Field::Consent, Problem::NeedsConsent)]);
    }

    #[test]
    fn description_length_is_counted_in_characters_not_bytes() {
        let mut d = good();
        d.description = "转账失败了怎么办啊".into();
        assert_eq!(validate(&d), vec![(Field::Description, Problem::TooShort(DESCRIPTION_MIN))]);
        d.description = "转账失败了，钱没有到账".into();
        assert!(validate(&d).is_empty());
        d.description = "a".repeat(DESCRIPTION_MAX + 1);
        assert_eq!(validate(&d), vec![(Field::Description, Problem::TooLong(DESCRIPTION_MAX))]);
    }

    #[test]
    fn transaction_details_are_checked_when_given() {
        let hash = format!("0x{}", "ab12".repeat(16));
        let address = format!("0x{}", "00".repeat(20));
        let d = Draft {
            tx_time: "2026-11-24T14:05".into(),
            tx_amount: "1,250.50".into(),
            tx_asset: "USDT".into(),
            tx_chain: "evm".into(),
            tx_counterparty: address.clone(),
            tx_hash: hash.clone(),
            ..good()
        };
        assert_eq!(validate(&d), vec![]);
        let bad = Draft {
            tx_time: "yesterday".into(),
            tx_amount: "-5".into(),
            tx_counterparty: "0x1234".into(),
            tx_hash: "abc".into(),
            ..d.clone()
        };
        assert_eq!(
            validate(&bad),
            vec![
                (Field::TxTime, Problem::BadTime),
                (Field::TxAmount, Problem::BadAmount),
                (Field::TxCounterparty, Problem::BadAddress),
                (Field::TxHash, Problem::BadHash),
            ]
        );
        // A Bitcoin-style hash (64 hex, no 0x) is not an EVM hash, but is fine with no chain chosen.
        let btc = "ab12".repeat(16);
        assert_eq!(validate(&Draft { tx_hash: btc.clone(), ..d.clone() }), vec![(Field::TxHash, Problem::BadHash)]);
        assert_eq!(validate(&Draft { tx_hash: btc, tx_chain: String::new(), ..d }), vec![]);
    }

    #[test]
    fn steps_and_expected_have_limits() {
        let d = Draft { steps: "Restarted\n\nReinstalled\n".into(), expected: "Refund".into(), ..good() };
        assert_eq!(validate(&d), vec![]);
        let d = Draft { steps: "step\n".repeat(STEPS_MAX + 1), ..good() };
        assert_eq!(validate(&d), vec![(Field::Steps, Problem::TooManyLines(STEPS_MAX))]);
        let d = Draft { steps: "x".repeat(STEP_MAX + 1), expected: "y".repeat(EXPECTED_MAX + 1), ..good() };
        assert_eq!(
            validate(&d),
            vec![(Field::Steps, Problem::TooLong(STEP_MAX)), (Field::Expected, Problem::TooLong(EXPECTED_MAX))]
        );
    }

    #[test]
    fn formats() {
        for ok in ["a@b.co", "first.last+tag@mail.example.org", "用户@例子.中国"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["", "a@", "@b.co", "a@b", "a b@c.de", "a@b..co", "a@-b.co", "a@b@c.co", "<a@b.co>"] {
            assert!(!is_email(bad), "{bad}");
        }
        for ok in ["+86 138 0013 8000", "(020) 1234-5678", "4001234567"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in ["12345", "+86 138 0013 8000 1234 5", "call me", "++8613800138000"] {
            assert!(!is_phone(bad), "{bad}");
        }
        for ok in ["1", "0.5", "1,000.25", "250"] {
            assert!(is_amount(ok), "{ok}");
        }
        for bad in ["0", "0.00", "-1", "1.", ".5", "1e5", "ten"] {
            assert!(!is_amount(bad), "{bad}");
        }
        assert!(is_local_time("2026-11-24T14:05") && is_local_time("2026-11-24T14:05:30"));
        assert!(!is_local_time("24/11/2026 14:05"));
    }
}
