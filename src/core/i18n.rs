//! Every interface string. Components ask for them here and never spell text themselves.
//!
//! The text is data: each language's `content/<locale>/strings.txt`, checked at build time
//! against one schema (`strings_schema.rs`: a missing string, an unknown one or a slot its
//! key does not declare fails the build) and shipped in that language's content file, so a
//! visitor downloads only their language. Text made of parts is a template with `{name}`
//! slots ([`fill`]); the code here only picks the template and gives the values. The words
//! the panel's frame shows before the content file arrives ([`Frame`]) are compiled in for
//! the built-in languages.

use super::config::{Locale, View};
use super::contacts::{Advice, Channel, Network, Reason};
use super::content::Category as Topic;
use super::delivery::Failure;
use super::report::{Category, Field, Kind, Preferred, Problem};

macro_rules! strings {
    ($($(#[$doc:meta])* $key:ident $({ $($slot:ident),* })?,)*) => {
        /// The interface text of one language, read from its content file. A text with
        /// values has `{name}` slots, filled by [`fill`].
        #[repr(C)]
        pub struct Strings {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        /// The keys of [`Strings`], in the order of the content file's values.
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];

        /// The names each key's text may use, in [`KEYS`] order (the build checks the files).
        #[cfg(test)]
        const SLOTS: &[&[&str]] = &[$(&[$($(stringify!($slot)),*)?]),*];

        impl Strings {
            /// Before the language's content file has arrived: nothing is said yet (the panel
            /// shows only its [`Frame`] then).
            const EMPTY: Strings = Strings { $($key: "",)* };

            /// The values in [`KEYS`] order; `None` if there are more or fewer. Taken as one
            /// array, in the struct's own order, so the build copies it rather than
            /// checking each of the hundreds of values on its own.
            fn from_values(values: &[&'static str]) -> Option<Strings> {
                let [$($key),*]: [&'static str; KEYS.len()] = values.try_into().ok()?;
                Some(Strings { $($key),* })
            }
        }
    };
}
macro_rules! frame {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// What the panel's frame says before a language's content file has arrived:
        /// compiled in for the built-in languages, unlike [`Strings`]. The content file holds
        /// them too, after the [`KEYS`], for the languages an operator adds.
        pub struct Frame {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        /// The keys of [`Frame`], in the order of the content file's values after [`KEYS`].
        pub const FRAME_KEYS: &[&str] = &[$(stringify!($key)),*];

        impl Frame {
            fn from_values(values: &[&'static str]) -> Option<Frame> {
                let [$($key),*]: [&'static str; FRAME_KEYS.len()] = values.try_into().ok()?;
                Some(Frame { $($key),* })
            }
        }
    };
}
include!("strings_schema.rs");

/// Each language's frame, in [`Locale::ALL`] order, written by the build script from the
/// `frame` keys of the strings files.
const FRAMES: [Frame; Locale::ALL.len()] = include!(concat!(env!("OUT_DIR"), "/frames.rs"));

/// The frame's words, there from the start for a built-in language; for an added one, once
/// its content file is there (English until then).
pub fn frame(locale: Locale) -> &'static Frame {
    static READ: [std::sync::OnceLock<Option<Frame>>; Locale::MAX] =
        [const { std::sync::OnceLock::new() }; Locale::MAX];
    if let Some(built_in) = FRAMES.get(locale.index()) {
        return built_in;
    }
    let english = &FRAMES[Locale::En.index()];
    let Some(pack) = super::content::pack(locale) else { return english };
    // `content::install` has checked the count.
    let read = READ[locale.index()].get_or_init(|| pack.interface.get(KEYS.len()..).and_then(Frame::from_values));
    read.as_ref().unwrap_or(english)
}

/// The interface text of a language, once its content file is there (compiled in, or
/// fetched with `make dist`); empty strings until then.
pub fn strings(locale: Locale) -> &'static Strings {
    static READ: [std::sync::OnceLock<Strings>; Locale::MAX] = [const { std::sync::OnceLock::new() }; Locale::MAX];
    let Some(pack) = super::content::pack(locale) else { return &Strings::EMPTY };
    let slot = &READ[locale.index()];
    // `content::install` has checked the count against this build's keys.
    slot.get_or_init(|| pack.interface.get(..KEYS.len()).and_then(Strings::from_values).unwrap_or(Strings::EMPTY))
}

/// `template` with each `{name}` replaced by its value. The build has checked that a
/// language's text uses only the names its key declares in the schema.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((close, values.iter().find(|(k, _)| *k == &after[..close])?))) {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text for exactly one (`one`) or any other count (`many`, with `{n}`).
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill(many, &[("n", &n.to_string())])
    }
}

pub fn view_name(locale: Locale, view: View) -> &'static str {
    let s = strings(locale);
    match view {
        View::Faq => s.view_faq,
        View::Troubleshoot => s.view_troubleshoot,
        View::Checklist => s.view_checklist,
        View::Contact => s.view_contact,
    }
}

pub fn topic_name(locale: Locale, topic: Topic) -> &'static str {
    let s = strings(locale);
    match topic {
        Topic::Transaction => s.topic_transaction,
        Topic::Account => s.topic_account,
        Topic::Security => s.topic_security,
        Topic::Technical => s.topic_technical,
        Topic::Support => s.topic_support,
    }
}

/// Announced to screen readers as the search results change.
pub fn result_count(locale: Locale, n: usize) -> String {
    let s = strings(locale);
    count(n, s.result_count_one, s.result_count)
}

/// The button under the strong results that shows the weaker ones.
pub fn more_results(locale: Locale, n: usize) -> String {
    let s = strings(locale);
    count(n, s.more_results_one, s.more_results)
}

/// The checklist's summary line, e.g. "4 of 10 done — next: turn on two-factor".
pub fn checklist_line(locale: Locale, done: usize, applicable: usize, next: Option<&str>) -> String {
    let s = strings(locale);
    let (done, applicable) = (done.to_string(), applicable.to_string());
    match next {
        Some(next) => fill(s.checklist_progress, &[("done", &done), ("applicable", &applicable), ("next", next)]),
        None => fill(s.checklist_done, &[("applicable", &applicable)]),
    }
}

/// Shown on the "app up to date" item when both versions are known.
pub fn app_version_note(locale: Locale, installed: &str, latest: &str, outdated: bool) -> String {
    let s = strings(locale);
    if outdated {
        fill(s.app_outdated, &[("installed", installed), ("latest", latest)])
    } else {
        fill(s.app_current, &[("installed", installed)])
    }
}

/// The reminder about a delivered report support has not answered in `promised` hours.
pub fn followup_text(locale: Locale, brand: &str, reference: Option<&str>, waited_hours: u64, promised: u32) -> String {
    let s = strings(locale);
    // Up to two days in hours, then whole days: "50 hours" reads worse than "2 days".
    let waited = if waited_hours < 48 {
        fill(s.waited_hours, &[("n", &waited_hours.to_string())])
    } else {
        fill(s.waited_days, &[("n", &(waited_hours / 24).to_string())])
    };
    let reference = reference.map(|r| fill(s.followup_reference, &[("reference", r)])).unwrap_or_default();
    fill(
        s.followup,
        &[("reference", &reference), ("waited", &waited), ("brand", brand), ("promised", &promised.to_string())],
    )
}

/// "Support has answered your report WH-…."
pub fn replied_text(locale: Locale, reference: Option<&str>) -> String {
    let s = strings(locale);
    let reference = reference.map(|r| fill(s.followup_reference, &[("reference", r)])).unwrap_or_default();
    fill(s.replied, &[("reference", &reference)])
}

/// A report's status as its endpoint tells it.
pub fn thread_status_name(locale: Locale, status: crate::core::thread::Status) -> &'static str {
    use crate::core::thread::Status;
    let s = strings(locale);
    match status {
        Status::Received => s.thread_received,
        Status::InProgress => s.thread_in_progress,
        Status::WaitingForYou => s.thread_waiting,
        Status::Resolved => s.thread_resolved,
        Status::Closed => s.thread_closed,
    }
}

/// What happens after a report is sent: when support aims to answer and how (`by`: the
/// contact it will use), that the reference helps elsewhere, and where to follow the report.
pub fn next_text(locale: Locale, brand: &str, hours: u32, by: Option<(Preferred, &str)>, reference: bool) -> String {
    let s = strings(locale);
    let hours = hours.to_string();
    let answer = match by {
        Some((Preferred::Email, e)) => fill(s.next_by_email, &[("brand", brand), ("hours", &hours), ("email", e)]),
        Some((Preferred::Phone, p)) => fill(s.next_by_phone, &[("brand", brand), ("hours", &hours), ("phone", p)]),
        None => fill(s.next_no_contact, &[("brand", brand)]),
    };
    let quote = if reference { s.next_quote } else { "" };
    let follow = fill(s.next_follow, &[("reports", s.my_reports)]);
    fill(s.next, &[("answer", &answer), ("quote", quote), ("follow", &follow)])
}

/// The phone line's hours after its number, in the language's own brackets.
pub fn hours_note(locale: Locale, hours: &str) -> String {
    fill(strings(locale).hours_note, &[("hours", hours)])
}

/// Why the last try of a report failed, in words.
pub fn failure_text(locale: Locale, failure: Failure) -> String {
    let s = strings(locale);
    match failure {
        Failure::Offline => s.failure_offline.into(),
        Failure::TimedOut | Failure::Status(408) => s.failure_timeout.into(),
        Failure::Network => s.failure_network.into(),
        Failure::Redirect => s.failure_redirect.into(),
        Failure::Status(429) => s.failure_busy.into(),
        Failure::Status(n) if n >= 500 => fill(s.failure_server, &[("code", &n.to_string())]),
        Failure::Status(n) => fill(s.failure_refused, &[("code", &n.to_string())]),
    }
}

/// Where a report waiting to be sent stands: tries so far, why the last failed, and when
/// the next one is (a local time, "when you are back online" or "in a moment").
pub fn retry_text(locale: Locale, tries: u32, reason: Option<&str>, next: &str) -> String {
    let s = strings(locale);
    match (tries, reason) {
        (0, _) | (_, None) => fill(s.retry_untried, &[("next", next)]),
        (1, Some(r)) => fill(s.retry_once, &[("reason", r), ("next", next)]),
        (n, Some(r)) => fill(s.retry_many, &[("n", &n.to_string()), ("reason", r), ("next", next)]),
    }
}

/// Asked before "clear my data"; reports still waiting to be sent are named, as they are lost.
pub fn clear_question(locale: Locale, unsent: usize) -> String {
    let s = strings(locale);
    let lost = match unsent {
        0 => String::new(),
        n => count(n, s.clear_unsent_one, s.clear_unsent),
    };
    format!("{}{lost}", s.clear_question)
}

pub fn step_of(locale: Locale, n: usize, of: usize) -> String {
    fill(strings(locale).step_of, &[("n", &n.to_string()), ("of", &of.to_string())])
}

pub fn kind_name(locale: Locale, kind: Kind) -> &'static str {
    let s = strings(locale);
    match kind {
        Kind::Complaint => s.kind_complaint,
        Kind::Feedback => s.kind_feedback,
        Kind::Suggestion => s.kind_suggestion,
    }
}

pub fn category_name(locale: Locale, category: Category) -> &'static str {
    let s = strings(locale);
    match category {
        Category::Technical => s.category_technical,
        Category::Account => s.category_account,
        Category::Transaction => s.category_transaction,
        Category::Security => s.category_security,
        Category::Other => s.category_other,
    }
}

/// Each field's label, also used in the error summary.
pub fn field_name(locale: Locale, field: Field) -> &'static str {
    let s = strings(locale);
    match field {
        Field::Kind => s.field_kind,
        Field::Category => s.field_category,
        Field::Subject => s.field_subject,
        Field::Description => s.field_description,
        Field::TxTime => s.field_tx_time,
        Field::TxAmount => s.field_tx_amount,
        Field::TxAsset => s.field_tx_asset,
        Field::TxChain => s.field_tx_chain,
        Field::TxCounterparty => s.field_tx_counterparty,
        Field::TxHash => s.field_tx_hash,
        Field::Steps => s.field_steps,
        Field::Expected => s.field_expected,
        Field::Email => s.field_email,
        Field::Phone => s.field_phone,
        Field::Preferred => s.field_preferred,
        Field::Consent => s.field_consent,
        Field::Attachments => s.field_attachments,
    }
}

/// A network's name: the proper names are the same in every language.
pub fn chain_name(locale: Locale, chain: &str) -> &'static str {
    match chain {
        "evm" => "Ethereum / BNB Chain / EVM",
        "bitcoin" => "Bitcoin",
        "tron" => "TRON",
        "solana" => "Solana",
        _ => strings(locale).chain_unsure,
    }
}

/// The message shown under a field and in the error summary.
pub fn problem_text(locale: Locale, problem: Problem) -> String {
    let s = strings(locale);
    let with_n = |template: &str, n: usize| fill(template, &[("n", &n.to_string())]);
    match problem {
        Problem::Required => s.problem_required.into(),
        Problem::TooShort(n) => with_n(s.problem_too_short, n),
        Problem::TooLong(n) => with_n(s.problem_too_long, n),
        Problem::TooManyLines(n) => with_n(s.problem_too_many_lines, n),
        Problem::BadEmail => s.problem_bad_email.into(),
        Problem::BadPhone => s.problem_bad_phone.into(),
        Problem::BadAmount => s.problem_bad_amount.into(),
        Problem::BadTime => s.problem_bad_time.into(),
        Problem::BadHash => s.problem_bad_hash.into(),
        Problem::BadAddress => s.problem_bad_address.into(),
        Problem::NeedsConsent => s.problem_needs_consent.into(),
        Problem::Secret => s.problem_secret.into(),
    }
}

/// Why the verifier took a contact for a fake, naming the official one it imitates, or
/// (`listed` false) the brand name when the operator listed no contact of that kind.
pub fn reason_text(locale: Locale, reason: &Reason, resembles: &str, listed: bool) -> String {
    let s = strings(locale);
    // What it imitates: "the official tpwallet.com", or "the name tpWallet", which is no contact.
    let what = fill(if listed { s.imitates_official } else { s.imitates_name }, &[("name", resembles)]);
    let template = match reason {
        Reason::Typo => s.reason_typo,
        Reason::SwappedLetters => s.reason_swapped,
        Reason::DoubledLetter => s.reason_doubled,
        Reason::Confusable => s.reason_confusable,
        Reason::Punycode { shown_as } => {
            return fill(s.reason_punycode, &[("shown", shown_as), ("name", resembles)]);
        }
        Reason::BrandInsideOtherDomain => s.reason_brand_inside,
        Reason::BrandWithExtraWords => s.reason_extra_words,
        Reason::FreeMailWithBrand => s.reason_free_mail,
        Reason::WrongCountryCode => s.reason_country_code,
        Reason::LookalikeHandle => s.reason_lookalike_handle,
    };
    fill(template, &[("what", &what), ("name", resembles)])
}

pub fn advice_text(locale: Locale, advice: Advice) -> &'static str {
    let s = strings(locale);
    match advice {
        Advice::NotAContact => s.advice_not_a_contact,
        Advice::NotListed => s.verdict_unknown_advice,
        Advice::Unpublished => s.verdict_unpublished_advice,
        Advice::PersonalMailbox => s.advice_personal_mailbox,
    }
}

/// Under an official verdict for a name given without its app: where it is official.
pub fn only_there(locale: Locale, channel: Channel) -> String {
    fill(strings(locale).only_there, &[("channel", channel_name(locale, channel))])
}

/// What kind of contact an official match was, e.g. "Telegram account".
pub fn channel_name(locale: Locale, channel: Channel) -> &'static str {
    let s = strings(locale);
    match channel {
        Channel::Website => s.channel_website,
        Channel::Email => s.channel_email,
        Channel::Phone => s.channel_phone,
        Channel::Handle(Network::Telegram) => s.channel_telegram,
        Channel::Handle(Network::X) => s.channel_x,
        Channel::Handle(Network::WeChat) => s.channel_wechat,
    }
}

// The build script's reader of the strings files, compiled here too so its errors are tested.
#[cfg(test)]
#[path = "../../build/strings.rs"]
mod source;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_sending_the_user_hears_when_and_how_support_answers_and_where_to_follow() {
        let en = next_text(Locale::En, "tpWallet", 48, Some((Preferred::Email, "ana@example.com")), true);
        assert!(
            en.contains("within 48 hours, by email to ana@example.com") && en.contains("quote the reference"),
            "{en}"
        );
        assert!(en.contains("“My reports”"), "{en}");
        let zh = next_text(Locale::ZhCn, "tpWallet", 24, Some((Preferred::Phone, "+86 400 000 0000")), false);
        assert!(zh.contains("24小时内通过电话+86 400 000 0000联系您") && !zh.contains("受理编号"), "{zh}");
        assert!(zh.contains(strings(Locale::ZhCn).my_reports), "{zh}");
        let none = next_text(Locale::En, "tpWallet", 48, None, false);
        assert!(none.contains("cannot answer you directly") && !none.contains("48"), "{none}");
    }

    #[test]
    fn without_a_list_the_verdicts_name_the_brand_and_never_an_official_contact() {
        let reasons = [
            Reason::Typo,
            Reason::SwappedLetters,
            Reason::DoubledLetter,
            Reason::Confusable,
            Reason::Punycode { shown_as: "tpwаllet.com".into() },
            Reason::BrandInsideOtherDomain,
            Reason::BrandWithExtraWords,
            Reason::FreeMailWithBrand,
            Reason::LookalikeHandle,
        ];
        for reason in &reasons {
            let (en, zh) = (
                reason_text(Locale::En, reason, "tpWallet", false),
                reason_text(Locale::ZhCn, reason, "tpWallet", false),
            );
            assert!(en.contains("tpWallet") && !en.contains("official"), "{en}");
            assert!(zh.contains("tpWallet") && !zh.contains("官方的"), "{zh}");
        }
        assert!(reason_text(Locale::En, &Reason::Typo, "tpwallet.com", true).contains("the official tpwallet.com"));
        for locale in Locale::ALL {
            let s = strings(locale);
            assert_ne!(s.verdict_unverified, s.verdict_unknown);
            assert_eq!(advice_text(locale, Advice::Unpublished), s.verdict_unpublished_advice);
        }
        assert!(strings(Locale::En).verdict_unpublished_advice.contains("has not published its official contacts"));
        assert!(strings(Locale::ZhCn).verdict_unpublished_advice.contains("尚未公布官方联系方式"));
    }

    #[test]
    fn the_follow_up_counts_hours_then_days_in_both_languages() {
        assert_eq!(
            followup_text(Locale::En, "tpWallet", Some("WH-7"), 47, 24),
            "Your report WH-7 has had no answer for 47 hours. tpWallet support aims to answer within 24 hours."
        );
        assert_eq!(
            followup_text(Locale::ZhCn, "tpWallet", None, 100, 72),
            "您的反馈已等待4天，仍未收到答复。tpWallet客服力争在72小时内答复。"
        );
    }

    #[test]
    fn failed_tries_are_told_in_words_with_the_next_try() {
        let said = |l, d: &str| failure_text(l, crate::core::delivery::failure(d));
        assert_eq!(said(Locale::En, "HTTP 503"), "server error 503");
        assert_eq!(said(Locale::ZhCn, "HTTP 503"), "服务器错误503");
        assert_eq!(said(Locale::En, "offline"), "you were offline");
        assert_eq!(said(Locale::En, "timed out"), "the server did not answer in time");
        assert_eq!(said(Locale::En, "HTTP 429"), "the server was busy (429)");
        assert_eq!(said(Locale::En, "HTTP 403"), "refused by the server (403)");
        assert_eq!(said(Locale::En, "network error"), "the server could not be reached");
        assert!(said(Locale::En, "redirect").contains("redirects"));
        assert_eq!(
            retry_text(Locale::En, 3, Some("server error 503"), "5:31 PM"),
            "Tried 3 times; the last try failed: server error 503. Next try: 5:31 PM."
        );
        assert_eq!(
            retry_text(Locale::En, 1, Some("x"), "in a moment"),
            "Tried once; it failed: x. Next try: in a moment."
        );
        assert_eq!(
            retry_text(Locale::En, 0, None, "when you are back online"),
            "Not tried yet. Next try: when you are back online."
        );
        assert_eq!(
            retry_text(Locale::ZhCn, 2, Some("设备未联网"), "网络恢复后"),
            "已尝试2次，上次失败原因：设备未联网。下次尝试：网络恢复后。"
        );
    }

    #[test]
    fn a_strings_file_gives_every_key_in_the_schema_order() {
        let text = "# comment\nno: No\n\nback: Back\ncolon: \": \"\n";
        assert_eq!(source::read(text, &["back", "no", "colon"], &[]).unwrap(), ["Back", "No", ": "]);
        assert_eq!(source::read(text, KEYS, SLOTS).unwrap_err().len(), KEYS.len() - 3, "every other key is missing");
    }

    #[test]
    fn a_bad_strings_file_names_each_problem_and_its_line() {
        let text = "back: Back\nback: Again\nno:\nnothing here\nbak: Typo\n";
        assert_eq!(
            source::read(text, &["back", "no", "yes"], &[]).unwrap_err(),
            [
                "2: back is given twice",
                "3: no is empty",
                "4: expected `key: value`, got \"nothing here\"",
                "5: \"bak\" is not an interface string (the keys are in src/core/strings_schema.rs)",
                "1: no is missing",
                "1: yes is missing",
            ]
        );
    }

    #[test]
    fn a_template_gets_its_values_and_keeps_what_is_not_a_slot() {
        assert_eq!(fill("Step {n} of {of}", &[("of", "4"), ("n", "2")]), "Step 2 of 4");
        assert_eq!(fill("第{n}步，共{of}步", &[("n", "2"), ("of", "4")]), "第2步，共4步");
        // A value is not read as a template again, and braces that are no slot stay.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
        assert_eq!(fill("{ unknown } {", &[("a", "1")]), "{ unknown } {");
        assert_eq!(count(1, "1 more result", "{n} more results"), "1 more result");
        assert_eq!(count(3, "1 more result", "{n} more results"), "3 more results");
    }

    #[test]
    fn a_text_may_use_only_the_values_its_key_declares() {
        let keys = ["step_of", "back", "closing"];
        let slots: &[&[&str]] = &[&["n", "of"], &[], &[]];
        let good = "step_of: Step {n} of {of}\nback: Back\nclosing: Thanks.\\n\\nBye\n";
        assert_eq!(source::read(good, &keys, slots).unwrap(), ["Step {n} of {of}", "Back", "Thanks.\n\nBye"]);
        let bad = "step_of: Step {n} of {total}\nback: Back {n}\nclosing: Thanks {\n";
        assert_eq!(
            source::read(bad, &keys, slots).unwrap_err(),
            [
                "1: step_of has {total}; its values are {n}, {of}",
                "2: back takes no values, but the text has {n}",
                "3: closing takes no values, but the text has a { with no }",
                // A refused text leaves its key missing, so nothing half-checked ships.
                "1: step_of is missing",
                "1: back is missing",
                "1: closing is missing",
            ]
        );
    }

    #[test]
    fn every_language_has_every_string() {
        for locale in Locale::ALL {
            let pack = crate::core::content::pack(locale).expect("compiled in");
            assert_eq!(pack.interface.len(), KEYS.len() + FRAME_KEYS.len(), "{locale:?}");
            assert!(pack.interface.iter().all(|v| !v.is_empty()), "{locale:?}");
            assert_eq!(strings(locale).back, if locale == Locale::En { "Back" } else { "返回" });
        }
    }
}
