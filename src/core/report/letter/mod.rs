//! The formal complaint letter. When support does not resolve a problem, the usual advice is
//! to write to the complaints department with the whole record: [`letter`] turns the report draft
//! and the reports already sent into that letter as plain text (to copy, download or print),
//! in the user's language; [`file_name`] names the download.
//!
//! The sentences are the language's interface text (`letter_*` keys), so a language is one
//! file of text for the letter too. Free text is passed through the secret guard again, so a
//! letter never carries a seed phrase even if a caller forgot.

use super::{storable, without_secrets, Category, Draft, Preferred};
use crate::core::config::Locale;
use crate::core::i18n::{chain_name, fill, thread_status_name};
use crate::core::outbox::{Entry, Status};
use crate::core::thread::{Status as ThreadStatus, Thread};
use std::ops::RangeInclusive;

mod date;
mod words;

use date::add_days;
use words::words;

/// Days the letter gives the operator to answer, unless the caller says otherwise.
pub const DEFAULT_REPLY_DAYS: u32 = 14;
/// Allowed reply periods; other values are clamped into it. A week is the least a
/// complaints department can be asked for, and no one waits longer than three months.
pub const REPLY_DAYS: RangeInclusive<u32> = 7..=90;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SentStatus {
    Delivered,
    Rejected {
        reason: String,
    },
    /// Queued or in flight: not confirmed as received.
    Pending,
}

/// One report sent before the letter, as the timeline tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentReport {
    /// `YYYY-MM-DD` (longer timestamps are sorted by their first ten characters).
    pub date: String,
    pub reference: Option<String>,
    pub status: SentStatus,
    /// What support answered last, if known (from the report's thread).
    pub answer: Option<String>,
    /// The status changes the endpoint told (`core::thread`): `YYYY-MM-DD…` and the status,
    /// oldest first, the arrival ("received") left out as the report line says it.
    pub history: Vec<(String, ThreadStatus)>,
}

impl SentReport {
    /// A report from the outbox, with what its thread tells (support's last answer and the
    /// status history) when the endpoint has one.
    pub fn from_entry(e: &Entry, thread: Option<&Thread>) -> SentReport {
        let (status, reference) = match &e.status {
            Status::Delivered { reference } => (SentStatus::Delivered, reference.clone()),
            Status::Rejected { message } => (SentStatus::Rejected { reason: message.clone() }, None),
            Status::Queued | Status::Sending | Status::NotDelivered => (SentStatus::Pending, None),
        };
        let date = e.created_at.get(..10).unwrap_or(&e.created_at).to_string();
        let answer = thread.and_then(|t| t.messages.iter().rev().find(|m| m.support)).map(|m| m.text.clone());
        let history = thread.map_or_else(Vec::new, |t| {
            t.history.iter().filter(|(s, _)| *s != ThreadStatus::Received).map(|(s, at)| (at.clone(), *s)).collect()
        });
        SentReport { date, reference, status, answer, history }
    }
}

pub struct LetterInput<'a> {
    pub locale: Locale,
    pub brand: &'a str,
    /// `YYYY-MM-DD`; the reply deadline date is only written when this parses.
    pub today: &'a str,
    pub draft: &'a Draft,
    /// e.g. the `accountId` given to `prefill`.
    pub account_ref: Option<&'a str>,
    /// Reports sent before, oldest first (re-sorted by date anyway, stably).
    pub sent: &'a [SentReport],
    /// Screenshots the writer will enclose (0: none mentioned).
    pub screenshots: usize,
    /// The writer kept records of chats with support.
    pub chat_records: bool,
    /// Days given for a reply, clamped to [`REPLY_DAYS`].
    pub reply_days: u32,
    /// The regulator's name from the operator's config; `None` says "the financial regulator".
    pub regulator: Option<&'a str>,
}

impl<'a> LetterInput<'a> {
    /// An input with no account, no history, no enclosures and the default reply period.
    pub fn new(locale: Locale, brand: &'a str, today: &'a str, draft: &'a Draft) -> Self {
        LetterInput {
            locale,
            brand,
            today,
            draft,
            account_ref: None,
            sent: &[],
            screenshots: 0,
            chat_records: false,
            reply_days: DEFAULT_REPLY_DAYS,
            regulator: None,
        }
    }
}

/// The letter's sentences in one language; `{name}` slots are filled by [`fill`].
struct Words {
    /// The brand named when the operator gave none.
    brand: &'static str,
    to: &'static str,
    date: &'static str,
    from: &'static str,
    holder: &'static str,
    account: &'static str,
    subject: &'static str,
    subject_default: &'static str,
    dear: &'static str,
    /// Technical, account, transaction, security, other/unknown.
    topics: [&'static str; 5],
    intro: &'static str,
    intro_first: &'static str,
    intro_sent: &'static str,
    /// How many times the user reported it: once, twice, `{n}` times.
    times: [&'static str; 3],
    most_recent: &'static str,
    /// The sections' numbers, separated by spaces.
    numbers: &'static str,
    titles: [&'static str; 5],
    heading: &'static str,
    item: &'static str,
    undated: &'static str,
    /// The transaction line of a transaction complaint with no details yet, its blanks
    /// marked for the writer to fill in before sending.
    tx_blank: &'static str,
    ev_hash_blank: &'static str,
    /// The transaction line: its start, the amount, network, other party and hash when
    /// known, and its end.
    tx: &'static str,
    tx_parts: [&'static str; 4],
    tx_end: &'static str,
    report: &'static str,
    reference: &'static str,
    delivered: &'static str,
    unanswered: &'static str,
    /// "Support marked report {reference} as “{status}”."
    status_change: &'static str,
    /// For the status names.
    locale: Locale,
    refused: &'static str,
    refused_why: &'static str,
    pending: &'static str,
    answer: &'static str,
    this_letter: &'static str,
    article: &'static str,
    ask_default: &'static str,
    ev_hash: &'static str,
    ev_shots: &'static str,
    ev_chat: &'static str,
    ev_refs: &'static str,
    list_sep: &'static str,
    ev_offer: &'static str,
    ev_none: &'static str,
    reply: &'static str,
    reply_by: &'static str,
    regulator: &'static str,
    regulator_default: &'static str,
    /// "Please answer me ", by email, by phone, " or ", the end.
    answer_to: &'static str,
    by_email: &'static str,
    by_phone: &'static str,
    or: &'static str,
    answer_end: &'static str,
    answer_registered: &'static str,
    closing: &'static str,
    sign: &'static str,
    sign_account: &'static str,
    quote: &'static str,
    sep: &'static str,
}

/// One line of trimmed text, secrets removed: for text that did not come from the guarded draft.
fn one_line(s: &str) -> String {
    without_secrets(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

/// The complaint letter as plain text with `\n` line ends and a final newline.
pub fn letter(input: &LetterInput) -> String {
    let w = &words(input.locale);
    let d = storable(input.draft);
    let brand = non_empty(input.brand).unwrap_or(w.brand);
    let account = input.account_ref.map(one_line).filter(|a| !a.is_empty());
    let (email, phone) = (non_empty(&d.email), non_empty(&d.phone));
    let mut contacts: Vec<(&str, &str)> =
        [(w.by_email, email), (w.by_phone, phone)].into_iter().filter_map(|(t, v)| Some((t, v?))).collect();
    if d.preferred == Preferred::Phone {
        contacts.reverse();
    }

    let mut out = vec![fill(w.to, &[("brand", brand)]), format!("{}{}", w.date, input.today.trim())];
    let from: Vec<&str> = contacts.iter().map(|c| c.1).collect();
    // The form asks for no name: a marked placeholder stands where the user writes it
    // (the letter can be edited before it is copied, downloaded or printed).
    out.push(format!("{}{}", w.from, std::iter::once(w.holder).chain(from).collect::<Vec<_>>().join(w.sep)));
    if let Some(a) = &account {
        out.push(format!("{}{a}", w.account));
    }
    let topic = w.topics[match d.category {
        Some(Category::Technical) => 0,
        Some(Category::Account) => 1,
        Some(Category::Transaction) => 2,
        Some(Category::Security) => 3,
        Some(Category::Other) | None => 4,
    }];
    out.push(match non_empty(&d.subject) {
        Some(s) => fill(w.subject, &[("subject", &one_line(s))]),
        None => fill(w.subject_default, &[("topic", topic)]),
    });
    out.extend([String::new(), fill(w.dear, &[("brand", brand)]), String::new()]);

    let events = timeline(w, &d, input.sent);
    let mut intro = fill(w.intro, &[("topic", topic)]);
    if input.sent.is_empty() {
        intro.push_str(w.intro_first);
    } else {
        let n = input.sent.len();
        let times = match n {
            1 => w.times[0].to_string(),
            2 => w.times[1].to_string(),
            n => fill(w.times[2], &[("n", &n.to_string())]),
        };
        let last =
            input.sent.iter().filter_map(|s| non_empty(&s.date)).max().map(|l| fill(w.most_recent, &[("date", l)]));
        intro.push_str(&fill(w.intro_sent, &[("times", &times), ("last", &last.unwrap_or_default())]));
    }
    out.push(intro);

    let mut sections: Vec<(usize, Vec<String>)> = Vec::new();
    if !events.is_empty() {
        let mut lines = events;
        lines.push(fill(w.item, &[("date", input.today.trim()), ("text", w.this_letter)]));
        sections.push((0, lines));
    }
    let what: Vec<String> = d.description.lines().filter_map(non_empty).map(String::from).collect();
    if !what.is_empty() {
        sections.push((1, what));
    }
    let steps: Vec<String> = d
        .steps
        .lines()
        .filter_map(non_empty)
        .map(|s| match s.strip_prefix("article:") {
            Some(id) => format!("- {}", fill(w.article, &[("article", &fill(w.quote, &[("text", id.trim())]))])),
            None => format!("- {s}"),
        })
        .collect();
    if !steps.is_empty() {
        sections.push((2, steps));
    }
    let ask = d.expected.lines().filter_map(non_empty).map(String::from).collect::<Vec<_>>();
    sections.push((3, if ask.is_empty() { vec![w.ask_default.to_string()] } else { ask }));
    sections.push((4, evidence(w, &d, input)));
    for ((title, lines), number) in sections.into_iter().zip(w.numbers.split_whitespace()) {
        out.extend([String::new(), fill(w.heading, &[("n", number), ("title", w.titles[title])])]);
        out.extend(lines);
    }

    let days = input.reply_days.clamp(*REPLY_DAYS.start(), *REPLY_DAYS.end());
    let mut reply = match add_days(input.today.trim(), days) {
        Some(by) => fill(w.reply_by, &[("days", &days.to_string()), ("date", &by)]),
        None => fill(w.reply, &[("days", &days.to_string())]),
    };
    let regulator = input.regulator.map(one_line).filter(|r| !r.is_empty());
    reply.push_str(&fill(w.regulator, &[("regulator", regulator.as_deref().unwrap_or(w.regulator_default))]));
    out.extend([String::new(), reply, String::new()]);
    out.push(if contacts.is_empty() {
        w.answer_registered.to_string()
    } else {
        let ways: Vec<String> = contacts.iter().map(|(t, v)| fill(t, &[("email", v), ("phone", v)])).collect();
        format!("{}{}{}", w.answer_to, ways.join(w.or), w.answer_end)
    });
    out.extend([String::new(), w.closing.to_string()]);
    let today = input.today.trim();
    out.push(match account.as_deref() {
        Some(a) => fill(w.sign_account, &[("account", a), ("date", today)]),
        None => fill(w.sign, &[("date", today)]),
    });
    out.join("\n") + "\n"
}

/// What the writer can show: the hash, screenshots, chat records, earlier references, and
/// an offer to provide them (or, with none of these, further details).
fn evidence(w: &Words, d: &Draft, input: &LetterInput) -> Vec<String> {
    let mut evidence: Vec<String> = Vec::new();
    if let Some(h) = non_empty(&d.tx_hash) {
        evidence.push(fill(w.ev_hash, &[("hash", h)]));
    } else if blank_transaction(d) {
        evidence.push(w.ev_hash_blank.to_string());
    }
    if input.screenshots > 0 {
        evidence.push(fill(w.ev_shots, &[("n", &input.screenshots.to_string())]));
    }
    if input.chat_records {
        evidence.push(w.ev_chat.to_string());
    }
    let refs: Vec<String> =
        input.sent.iter().filter_map(|s| s.reference.as_deref().map(one_line)).filter(|r| !r.is_empty()).collect();
    if !refs.is_empty() {
        evidence.push(fill(w.ev_refs, &[("references", &refs.join(w.list_sep))]));
    }
    evidence.push((if evidence.is_empty() { w.ev_none } else { w.ev_offer }).to_string());
    evidence
}

/// A transaction complaint that names no detail of the transaction (one written from a
/// troubleshooter case): the letter then leaves marked blanks for them.
fn blank_transaction(d: &Draft) -> bool {
    d.category == Some(Category::Transaction)
        && [&d.tx_time, &d.tx_amount, &d.tx_asset, &d.tx_chain, &d.tx_counterparty, &d.tx_hash]
            .iter()
            .all(|v| v.trim().is_empty())
}

/// The dated lines of the timeline (without the letter itself), oldest first; empty when
/// there is neither a transaction nor a sent report.
fn timeline(w: &Words, d: &Draft, sent: &[SentReport]) -> Vec<String> {
    // (sort key = date part, lines); undated entries sort first, ties keep their order.
    let mut events: Vec<(String, Vec<String>)> = Vec::new();
    let amount =
        [d.tx_amount.trim(), d.tx_asset.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    let chain = non_empty(&d.tx_chain).filter(|c| ["evm", "bitcoin", "tron", "solana"].contains(c));
    let parts = [
        Some(amount.as_str()).filter(|a| !a.is_empty()),
        chain.map(|c| chain_name(Locale::En, c)),
        non_empty(&d.tx_counterparty),
        non_empty(&d.tx_hash),
    ];
    if parts.iter().any(Option::is_some) || non_empty(&d.tx_time).is_some() {
        let mut text = w.tx.to_string();
        for ((template, slot), value) in w.tx_parts.iter().zip(["amount", "chain", "address", "hash"]).zip(parts) {
            if let Some(v) = value {
                text.push_str(&fill(template, &[(slot, v)]));
            }
        }
        text.push_str(w.tx_end);
        let when = non_empty(&d.tx_time).map(readable_time);
        events.push((
            when.clone().unwrap_or_default(),
            vec![fill(w.item, &[("date", when.as_deref().unwrap_or(w.undated)), ("text", &text)])],
        ));
    }
    if blank_transaction(d) {
        events.push((String::new(), vec![w.tx_blank.to_string()]));
    }
    for s in sent {
        let mut text = w.report.to_string();
        if let Some(r) = s.reference.as_deref().map(one_line).filter(|r| !r.is_empty()) {
            text.push_str(&fill(w.reference, &[("reference", &r)]));
        }
        let answer = s.answer.as_deref().map(one_line).filter(|a| !a.is_empty());
        text.push_str(&match &s.status {
            SentStatus::Delivered if answer.is_none() => w.unanswered.to_string(),
            SentStatus::Delivered => w.delivered.to_string(),
            // The sentence supplies its own full stop, so the quoted reason loses its one.
            SentStatus::Rejected { reason } => match one_line(reason).trim_end_matches(['.', '。', '!', '！']) {
                "" => w.refused.to_string(),
                r => fill(w.refused_why, &[("reason", &fill(w.quote, &[("text", r)]))]),
            },
            SentStatus::Pending => w.pending.to_string(),
        });
        let date = one_line(&s.date);
        let mut lines = vec![fill(w.item, &[("date", non_empty(&date).unwrap_or(w.undated)), ("text", &text)])];
        lines.extend(answer.map(|a| fill(w.answer, &[("answer", &fill(w.quote, &[("text", &a)]))])));
        events.push((date, lines));
        for (at, status) in &s.history {
            let day = one_line(at.get(..10).unwrap_or(at));
            let reference = s.reference.as_deref().map(one_line).unwrap_or_default();
            let said =
                fill(w.status_change, &[("reference", &reference), ("status", thread_status_name(w.locale, *status))]);
            // Without a reference its slot leaves two spaces.
            let said = said.replace("  ", " ");
            events.push((
                day.clone(),
                vec![fill(w.item, &[("date", non_empty(&day).unwrap_or(w.undated)), ("text", &said)])],
            ));
        }
    }
    // Stable insertion by date (a handful of entries; keeps a sort routine out of the Wasm).
    let mut sorted: Vec<(String, Vec<String>)> = Vec::with_capacity(events.len());
    for e in events {
        let key = e.0.get(..10).unwrap_or(&e.0).to_string();
        let at = sorted.partition_point(|k| k.0.get(..10).unwrap_or(&k.0) <= key.as_str());
        sorted.insert(at, e);
    }
    sorted.into_iter().flat_map(|e| e.1).collect()
}

/// The download's name, e.g. `complaint-tpWallet-2026-11-25.txt`: ASCII only, so every
/// browser and file system keeps it as is.
pub fn file_name(input: &LetterInput) -> String {
    let mut brand = String::new();
    for c in input.brand.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            brand.push(c);
        } else if !brand.is_empty() && !brand.ends_with('-') {
            brand.push('-');
        }
    }
    let brand = match brand.trim_end_matches('-') {
        "" => "wallet",
        b => b,
    };
    match add_days(input.today.trim(), 0) {
        Some(date) => format!("complaint-{brand}-{date}.txt"),
        None => format!("complaint-{brand}.txt"),
    }
}

// The tests sit beside their expected letters, so letter.rs stays about the letter.
/// "2026-12-02T14:05+08:00" as "2026-12-02 14:05 (UTC+08:00)"; a time without an offset
/// just loses its "T".
fn readable_time(t: &str) -> String {
    let t = t.replacen('T', " ", 1);
    // The offset `with_utc_offset` adds: "+hh:mm" or "-hh:mm" after at least a date and time.
    let offset = t.len().checked_sub(6).filter(|&i| i >= 16).and_then(|i| Some((i, t.get(i..)?)));
    match offset {
        Some((i, o)) if o.starts_with(['+', '-']) && o.as_bytes()[3] == b':' => format!("{} (UTC{o})", &t[..i]),
        _ => t,
    }
}

#[cfg(test)]
#[path = "../snapshots/letter_tests.rs"]
mod tests;
