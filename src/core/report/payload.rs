//! The `wallet-help.report.v1` body (README.md, "Report payload"), built once from a valid
//! draft so that every retry sends the same bytes.

use super::validate::validate;
use super::{Category, Draft, Kind, Preferred, SCHEMA};
use crate::core::config::Locale;
use std::collections::BTreeMap;
use wallet_help_report::limits::file_name;
use wallet_help_report::wire::{Attachment, Contact, Context, Report, Transaction};

const SUBJECT_FROM_DESCRIPTION: usize = 80;

/// Builds an attachment from encoded image bytes: size, SHA-256 and base64 for the payload.
pub fn attachment(name: &str, mime: &str, bytes: &[u8]) -> Attachment {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = sha2::Sha256::digest(bytes);
    Attachment {
        name: file_name(name, mime),
        mime: mime.to_string(),
        size: bytes.len(),
        sha256: hash.iter().map(|b| format!("{b:02x}")).collect(),
        data: base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}

/// The first line of the description, shortened, when the user gave no subject.
fn subject(d: &Draft) -> String {
    if !d.subject.trim().is_empty() {
        return d.subject.trim().to_string();
    }
    let first = d.description.trim().lines().next().unwrap_or("").trim();
    if first.chars().count() <= SUBJECT_FROM_DESCRIPTION {
        first.to_string()
    } else {
        let cut: String = first.chars().take(SUBJECT_FROM_DESCRIPTION - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// What a sent report said, read back from its body: the draft's facts (kind, category,
/// subject, description, transaction, steps, expected resolution, contact) and the number of
/// screenshots. The complaint letter written after an unanswered report uses it, so the
/// user need not type the facts again. `None` for a body that is not a report.
pub fn read_back(body: &str) -> Option<(Draft, usize)> {
    use serde_json::Value;
    let v: Value = serde_json::from_str(body).ok()?;
    if v.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        return None;
    }
    let text = |v: Option<&Value>, key: &str| {
        v.and_then(|v| v.get(key)).and_then(Value::as_str).unwrap_or_default().to_string()
    };
    let (root, tx, contact) = (Some(&v), v.get("transaction"), v.get("contact"));
    let steps = v
        .get("steps_tried")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"));
    let draft = Draft {
        kind: Kind::parse(&text(root, "kind")).unwrap_or_default(),
        category: Category::parse(&text(root, "category")),
        subject: text(root, "subject"),
        description: text(root, "description"),
        tx_time: text(tx, "time"),
        tx_amount: text(tx, "amount"),
        tx_asset: text(tx, "asset"),
        tx_chain: text(tx, "chain"),
        tx_counterparty: text(tx, "counterparty"),
        tx_hash: text(tx, "tx_hash"),
        steps: steps.unwrap_or_default(),
        expected: text(root, "expected_resolution"),
        email: text(contact, "email"),
        phone: text(contact, "phone"),
        preferred: Preferred::parse(&text(contact, "preferred")).unwrap_or_default(),
        consent: true,
        attach_checklist: v.get("checklist").is_some(),
    };
    let screenshots = v.get("attachments").and_then(Value::as_array).map_or(0, Vec::len);
    Some((draft, screenshots))
}

/// A sent report's facts after its description, each as the form's label (without its
/// hint) and the value as sent: the transaction, the steps tried (as `names` tell them),
/// the expected resolution, and the contact details. "My reports" and [`plain_text`] show them.
pub fn facts(locale: Locale, d: &Draft, names: &[(String, String)]) -> Vec<(&'static str, String)> {
    use super::Field;
    use crate::core::i18n::{chain_name, field_name};
    [
        Field::TxTime,
        Field::TxAmount,
        Field::TxAsset,
        Field::TxChain,
        Field::TxCounterparty,
        Field::TxHash,
        Field::Steps,
        Field::Expected,
        Field::Email,
        Field::Phone,
    ]
    .into_iter()
    .filter(|f| !d.text(*f).trim().is_empty())
    .map(|f| {
        // The form's label without its hint: "What you already tried (one per line)".
        let label = field_name(locale, f).split(" (").next().unwrap_or_default();
        let label = label.split('（').next().unwrap_or_default().trim_end_matches(['?', '？']);
        let value = match f {
            Field::TxChain => chain_name(locale, d.tx_chain.trim()).to_string(),
            Field::Steps => super::steps::readable(d.steps.trim(), names),
            _ => d.text(f).trim().to_string(),
        };
        (label, value)
    })
    .collect()
}

/// A screenshot as sent, to show as a thumbnail: its name and a `data:` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub name: String,
    pub src: String,
}

/// The screenshots of a sent report. Only the image types the form sends, with data that
/// is plain base64, become URLs, so a stored body cannot smuggle another kind of URL.
pub fn images(body: &str) -> Vec<Image> {
    use serde_json::Value;
    let Ok(v) = serde_json::from_str::<Value>(body) else { return Vec::new() };
    let list = v.get("attachments").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    list.iter()
        .filter_map(|a| {
            let text = |k: &str| a.get(k).and_then(Value::as_str);
            let (mime, data) = (text("type")?, text("data")?);
            let base64 = data.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
            (["image/png", "image/jpeg", "image/webp"].contains(&mime) && base64 && !data.is_empty()).then(|| Image {
                name: text("name").unwrap_or_default().to_string(),
                src: format!("data:{mime};base64,{data}"),
            })
        })
        .collect()
}

/// A sent report as plain text the user can copy into an email or a chat when it could not
/// be delivered: subject, description, the other [`facts`] with their labels, and its id (so
/// support can match a copy that arrives later). The body's own text if it is not a report.
pub fn plain_text(locale: Locale, body: &str, id: &str, names: &[(String, String)]) -> String {
    use crate::core::i18n::strings;
    let Some((d, _)) = read_back(body) else { return body.to_string() };
    let s = strings(locale);
    let (subject, description) = (d.subject.trim(), d.description.trim());
    // A subject made from the description's first line would only repeat it.
    let subject = if description.starts_with(subject) { "" } else { subject };
    let mut parts = vec![subject.to_string(), description.to_string()];
    let facts: Vec<String> =
        facts(locale, &d, names).into_iter().map(|(label, value)| format!("{label}{}{value}", s.colon)).collect();
    parts.push(facts.join("\n"));
    parts.push(format!("{}{}{id}", s.report_id, s.colon));
    parts.retain(|p| !p.is_empty());
    parts.join("\n\n")
}

/// A report id (and `Idempotency-Key`): a UUID v4 from 16 random bytes.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A `datetime-local` value ("2026-12-02T14:05", the user's clock) with the UTC offset the
/// browser had at that moment, so the operator can place it in time ("…T14:05+08:00");
/// anything else, or a value that already has an offset, unchanged.
pub fn with_utc_offset(local: &str, minutes_east: i32) -> String {
    let t = local.trim();
    let b = t.as_bytes();
    let seconds = b.len() == 19 && b[16] == b':';
    let shape = (b.len() == 16 || seconds)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b.iter().enumerate().all(|(i, c)| matches!(i, 4 | 7 | 10 | 13 | 16) || c.is_ascii_digit());
    if !shape || minutes_east.abs() > 18 * 60 {
        return local.to_string();
    }
    let sign = if minutes_east < 0 { '-' } else { '+' };
    let m = minutes_east.unsigned_abs();
    format!("{t}{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Cuts what the page and the browser add to the collector's limits, so a long address or
/// a host page's large prefill never gets a user's report refused.
fn fit(context: &mut Context) {
    use super::validate::{PREFILL_KEY_MAX, PREFILL_MAX, TEXT_MAX};
    let cut = |s: &mut String, max: usize| {
        if let Some((at, _)) = s.char_indices().nth(max) {
            s.truncate(at);
        }
    };
    cut(&mut context.page_url, TEXT_MAX);
    cut(&mut context.user_agent, TEXT_MAX);
    let mut kept = BTreeMap::new();
    for (mut key, mut value) in std::mem::take(&mut context.prefill).into_iter().take(PREFILL_MAX) {
        cut(&mut key, PREFILL_KEY_MAX);
        cut(&mut value, TEXT_MAX);
        kept.insert(key, value);
    }
    context.prefill = kept;
}

/// Builds the payload from a draft that passed `validate`; `None` if it did not.
pub fn build(
    d: &Draft,
    id: &str,
    created_at: &str,
    locale: &'static str,
    mut attachments: Vec<Attachment>,
    checklist: Option<wallet_help_report::wire::Checklist>,
    mut context: Context,
) -> Option<Report> {
    if !validate(d).is_empty() {
        return None;
    }
    super::guard::scrub(&mut context, &mut attachments);
    fit(&mut context);
    let tx = Transaction {
        time: d.tx_time.trim().into(),
        amount: d.tx_amount.trim().into(),
        asset: d.tx_asset.trim().into(),
        // A draft read back from storage never went through `Draft::set`.
        chain: super::validate::parse_chain(d.tx_chain.trim()).map_or("", |_| d.tx_chain.trim()).into(),
        counterparty: d.tx_counterparty.trim().into(),
        tx_hash: d.tx_hash.trim().into(),
    };
    let (email, phone) = (opt(&d.email), opt(&d.phone));
    let preferred = match (&email, &phone) {
        (None, None) => None,
        (Some(_), None) => Some(Preferred::Email),
        (None, Some(_)) => Some(Preferred::Phone),
        _ => Some(d.preferred),
    };
    Some(Report {
        schema: SCHEMA,
        id: id.to_string(),
        created_at: created_at.to_string(),
        kind: d.kind,
        category: d.category?,
        locale: locale.to_string(),
        subject: subject(d),
        description: d.description.trim().to_string(),
        transaction: (tx != Transaction::default()).then_some(tx),
        steps_tried: d.steps.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
        expected_resolution: d.expected.trim().to_string(),
        contact: Contact { email, phone, preferred },
        attachments,
        checklist: checklist.filter(|_| d.attach_checklist),
        context,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_browser_text_is_cut_to_the_collectors_limits() {
        use crate::core::report::validate::{PREFILL_KEY_MAX, PREFILL_MAX, TEXT_MAX};
        let mut context = Context { page_url: "é".repeat(TEXT_MAX + 5), ..Context::default() };
        for n in 0..PREFILL_MAX + 4 {
            context.prefill.insert(format!("{n:02}{}", "k".repeat(PREFILL_KEY_MAX)), "v".repeat(TEXT_MAX * 2));
        }
        fit(&mut context);
        assert_eq!(context.page_url.chars().count(), TEXT_MAX);
        assert_eq!(context.prefill.len(), PREFILL_MAX);
        assert!(context.prefill.iter().all(|(k, v)| k.chars().count() == PREFILL_KEY_MAX && v.len() == TEXT_MAX));
    }

    #[test]
    fn ids_are_version_4_uuids() {
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4(*b"0123456789abcdef"), "30313233-3435-4637-b839-616263646566");
    }

    #[test]
    fn a_transaction_time_gets_the_offset_of_the_users_clock() {
        assert_eq!(with_utc_offset("2026-12-02T14:05", 480), "2026-12-02T14:05+08:00");
        assert_eq!(with_utc_offset(" 2026-12-02T14:05:30 ", -210), "2026-12-02T14:05:30-03:30");
        assert_eq!(with_utc_offset("2026-12-02T14:05", 0), "2026-12-02T14:05+00:00");
        for kept in [
            "",
            "yesterday at 2pm",
            "2026-12-02T14:05+08:00",
            "2026-12-02T14:05Z",
            "2026-12-02 14:05",
            "2026-12-02T14:0x",
        ] {
            assert_eq!(with_utc_offset(kept, 480), kept);
        }
        assert_eq!(with_utc_offset("2026-12-02T14:05", 20 * 60), "2026-12-02T14:05", "no such offset");
    }
    use serde_json::json;

    use crate::core::report::sample_complaint as good;

    #[test]
    fn a_sent_body_reads_back_into_the_draft_it_came_from() {
        let d = Draft {
            tx_time: "2026-11-24T14:05".into(),
            tx_amount: "50".into(),
            tx_asset: "USDT".into(),
            tx_chain: "tron".into(),
            tx_hash: "a".repeat(64),
            steps: "article:tx-pending\nRestarted the app".into(),
            expected: "Refund".into(),
            email: "ana@example.com".into(),
            phone: "+86 400 000 0000".into(),
            preferred: Preferred::Phone,
            ..good()
        };
        let png = Attachment {
            name: "a.png".into(),
            mime: "image/png".into(),
            size: 3,
            sha256: "ab".into(),
            data: "AAAA".into(),
        };
        let r = build(
            &d,
            "6f1c7a52-0f0e-4b8e-9d1a-3c2b1a0f9e8d",
            "2026-11-25T10:00:00.000Z",
            "en",
            vec![png.clone(), png],
            None,
            Context::default(),
        );
        let body = serde_json::to_string(&r.expect("valid draft builds")).expect("serialises");
        let (back, screenshots) = read_back(&body).expect("a report");
        // The subject was generated from the description; everything else is as typed.
        assert_eq!(back, Draft { subject: back.subject.clone(), ..d.clone() });
        assert_eq!(back.subject, "My transfer of 50 USDT on Monday never arrived.");
        assert_eq!(screenshots, 2);
        assert_eq!(read_back("{\"schema\":\"other\"}"), None);
        let names = vec![("article:tx-pending".to_string(), "Read: Pending".to_string())];
        let text = plain_text(Locale::En, &body, "6f1c", &names);
        assert!(
            text.starts_with("My transfer of 50 USDT on Monday never arrived.\nHash in the app.\n\nWhen: "),
            "{text}"
        );
        assert!(text.contains("\nWhat you already tried: Read: Pending\nRestarted the app\n"), "{text}");
        assert!(text.contains("\nAmount: 50\n") && text.contains("\nTransaction hash: aaaa"), "{text}");
        assert!(text.ends_with("\n\nReport id: 6f1c"), "{text}");
        assert!(!text.contains("AAAA"), "no screenshot data");
        let zh = plain_text(Locale::ZhCn, &body, "6f1c", &names);
        assert!(zh.ends_with("反馈编号：6f1c"), "{zh}");
        assert_eq!(plain_text(Locale::En, "not json", "x", &names), "not json");
        let titled = Draft { subject: "Missing USDT".into(), ..d };
        let r = build(&titled, "id-2", "2026-11-25T10:00:00.000Z", "en", vec![], None, Context::default());
        let body = serde_json::to_string(&r.expect("builds")).expect("serialises");
        assert!(plain_text(Locale::En, &body, "id-2", &names).starts_with("Missing USDT\n\nMy transfer"));
        assert_eq!(read_back("not json"), None);
    }

    #[test]
    fn my_reports_shows_the_facts_as_sent_in_the_readers_words() {
        let d = Draft {
            tx_amount: " 50 ".into(),
            tx_chain: "tron".into(),
            steps: "step:tx-pending/wait\nRestarted the app".into(),
            phone: "+86 400 000 0000".into(),
            ..good()
        };
        let names = vec![("step:tx-pending/wait".to_string(), "I waited an hour.".to_string())];
        let en: Vec<(&str, String)> = facts(Locale::En, &d, &names);
        assert_eq!(
            en,
            [
                ("Amount", "50".to_string()),
                ("Network", "TRON".to_string()),
                ("What you already tried", "I waited an hour.\nRestarted the app".to_string()),
                ("Email", "ana@example.com".to_string()),
                ("Phone", "+86 400 000 0000".to_string()),
            ]
        );
        let zh = facts(Locale::ZhCn, &Draft { tx_chain: "".into(), ..d }, &names);
        assert_eq!(zh.first(), Some(&("金额", "50".to_string())), "{zh:?}");
        assert!(zh.iter().all(|(label, _)| !label.contains('（')), "{zh:?}");
    }

    #[test]
    fn only_sent_images_become_thumbnails() {
        let body = json!({"attachments": [
            {"name": "a.png", "type": "image/png", "data": "iVBORw0K"},
            {"name": "b.webp", "type": "image/webp", "data": "UklGRg=="},
            {"name": "x.svg", "type": "image/svg+xml", "data": "PHN2Zz4="},
            {"name": "y.png", "type": "image/png", "data": "a,b\"onload"},
            {"name": "z.png", "type": "image/png", "data": ""},
            {"type": "image/jpeg"}
        ]})
        .to_string();
        let got = images(&body);
        assert_eq!(
            got,
            [
                Image { name: "a.png".into(), src: "data:image/png;base64,iVBORw0K".into() },
                Image { name: "b.webp".into(), src: "data:image/webp;base64,UklGRg==".into() },
            ]
        );
        assert_eq!(images("not json"), []);
        assert_eq!(images("{}"), []);
    }

    #[test]
    fn the_payload_matches_the_v1_contract() {
        let mut ctx = Context {
            widget_version: "0.1.0".into(),
            page_url: "https://w.example/".into(),
            user_agent: "UA".into(),
            ..Context::default()
        };
        ctx.prefill.insert("accountId".into(), "A-17".into());
        let d = Draft {
            tx_amount: "50".into(),
            tx_asset: "USDT".into(),
            steps: "article:tx-pending\nRestarted the app\n".into(),
            expected: "Refund".into(),
            ..good()
        };
        let png = Attachment {
            name: "a.png".into(),
            mime: "image/png".into(),
            size: 3,
            sha256: "ab".into(),
            data: "AAAA".into(),
        };
        let r =
            build(&d, "6f1c7a52-0f0e-4b8e-9d1a-3c2b1a0f9e8d", "2026-11-25T10:00:00.000Z", "en", vec![png], None, ctx)
                .expect("valid draft builds");
        let v = serde_json::to_value(&r).expect("serialises");
        assert_eq!(v["schema"], "wallet-help.report.v1");
        assert_eq!(v["kind"], "complaint");
        assert_eq!(v["category"], "transaction");
        assert_eq!(v["subject"], "My transfer of 50 USDT on Monday never arrived.");
        assert_eq!(v["transaction"], json!({"amount": "50", "asset": "USDT"}));
        assert_eq!(v["steps_tried"], json!(["article:tx-pending", "Restarted the app"]));
        assert_eq!(v["expected_resolution"], "Refund");
        assert_eq!(v["contact"], json!({"email": "ana@example.com", "preferred": "email"}));
        assert_eq!(v["attachments"][0]["type"], "image/png");
        assert_eq!(v["context"]["prefill"], json!({"accountId": "A-17"}));
    }

    /// The receivers' own check (the collector's) takes every body the form lets out, the
    /// largest included: the two read one definition of the format.
    #[test]
    fn the_largest_body_the_form_allows_passes_the_receivers_check() {
        use wallet_help_report::limits::{DESCRIPTION_MAX, EXPECTED_MAX, STEPS_MAX, STEP_MAX, SUBJECT_MAX, TEXT_MAX};
        let d = Draft {
            subject: "主".repeat(SUBJECT_MAX),
            description: "字".repeat(DESCRIPTION_MAX),
            expected: "e".repeat(EXPECTED_MAX),
            steps: vec!["s".repeat(STEP_MAX); STEPS_MAX].join("\n"),
            attach_checklist: true,
            ..good()
        };
        let mut context =
            Context { page_url: "u".repeat(TEXT_MAX * 2), user_agent: "a".repeat(TEXT_MAX * 2), ..Context::default() };
        for n in 0..40 {
            context.prefill.insert(format!("key{n}{}", "k".repeat(100)), "v".repeat(TEXT_MAX * 2));
        }
        let checklist = Some(crate::core::checklist::attached(
            crate::core::checklist::defaults(crate::core::config::Locale::ZhCn),
            &crate::core::checklist::Marks::new(),
        ));
        let files = (0..3).map(|n| attachment(&format!("{n}.png"), "image/png", b"png")).collect();
        let r = build(
            &d,
            "6f1c7a52-0f0e-4b8e-9d1a-3c2b1a0f9e8d",
            "2026-11-25T10:00:00.000Z",
            "zh-CN",
            files,
            checklist,
            context,
        )
        .expect("the form takes it");
        let v = serde_json::to_value(&r).expect("serialises");
        let checked = wallet_help_report::check::check(v.as_object().expect("an object"));
        assert_eq!(checked.map(|c| c.kind), Ok(Kind::Complaint));
    }

    #[test]
    fn empty_parts_are_left_out() {
        let d = Draft {
            kind: Kind::Suggestion,
            email: String::new(),
            consent: false,
            subject: " Dark mode ".into(),
            ..good()
        };
        let v =
            serde_json::to_value(build(&d, "id", "t", "zh-CN", vec![], None, Context::default())).expect("serialises");
        assert_eq!(v["contact"], json!({}));
        assert_eq!(v["subject"], "Dark mode");
        assert!(v.get("transaction").is_none() && v.get("expected_resolution").is_none());
    }

    #[test]
    fn both_contacts_keep_the_chosen_preference() {
        let d = Draft { phone: "+86 138 0013 8000".into(), preferred: Preferred::Phone, ..good() };
        let v = serde_json::to_value(build(&d, "id", "t", "en", vec![], None, Context::default())).expect("serialises");
        assert_eq!(v["contact"]["preferred"], "phone");
    }

    #[test]
    fn attachments_carry_size_hash_and_base64() {
        let a = attachment("shot/1.png", "image/png", b"abc");
        assert_eq!((a.name.as_str(), a.size, a.data.as_str()), ("shot1.png", 3, "YWJj"));
        assert_eq!(a.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn the_checklist_goes_along_only_when_the_user_chose_it() {
        use crate::core::checklist::{attached, defaults, Marks};
        let state = || Some(attached(defaults(crate::core::config::Locale::En), &Marks::new()));
        let without = build(&good(), "id", "t", "en", vec![], state(), Context::default()).expect("valid");
        assert!(serde_json::to_value(&without).expect("serialises").get("checklist").is_none());
        let d = Draft { attach_checklist: true, ..good() };
        let v =
            serde_json::to_value(build(&d, "id", "t", "en", vec![], state(), Context::default())).expect("serialises");
        assert_eq!(v["checklist"]["score"], 0);
        assert_eq!(v["checklist"]["items"].as_array().map(Vec::len), Some(10));
    }

    #[test]
    fn an_invalid_draft_builds_nothing() {
        assert!(build(&Draft::default(), "id", "t", "en", vec![], None, Context::default()).is_none());
    }

    #[test]
    fn a_long_first_line_becomes_a_shortened_subject() {
        let d = Draft { description: "x".repeat(200), ..good() };
        let s = build(&d, "id", "t", "en", vec![], None, Context::default()).expect("valid").subject;
        assert_eq!(s.chars().count(), SUBJECT_FROM_DESCRIPTION);
        assert!(s.ends_with('…'));
    }
}
