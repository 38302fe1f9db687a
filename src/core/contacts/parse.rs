//! Reads what the user pasted into a [`Contact`]: a URL or domain, an email address (also
//! `Name <address>` and `mailto:`), a phone number, or a handle (`@name`, `t.me/name`,
//! `x.com/name`, `tg://resolve?domain=name`, or a label such as `WeChat: name` / `微信：name`).
//! Full-width characters from a Chinese input method are read as their ASCII forms, as
//! browsers do. A whole sentence is searched for its first contact-shaped word.

use super::host::host_of;
use super::{phone, Contact, Network};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    Website,
    Email,
    Phone,
    On(Network),
}

/// Labels people put before a contact, lowercase.
#[rustfmt::skip]
const LABELS: &[(&str, Hint)] = &[
    ("tel", Hint::Phone), ("phone", Hint::Phone), ("telephone", Hint::Phone), ("mobile", Hint::Phone),
    ("hotline", Hint::Phone), ("电话", Hint::Phone), ("客服电话", Hint::Phone), ("热线", Hint::Phone),
    ("手机", Hint::Phone), ("mailto", Hint::Email), ("email", Hint::Email), ("e-mail", Hint::Email),
    ("mail", Hint::Email), ("邮箱", Hint::Email), ("电子邮件", Hint::Email), ("website", Hint::Website),
    ("site", Hint::Website), ("url", Hint::Website), ("官网", Hint::Website), ("网站", Hint::Website),
    ("网址", Hint::Website), ("telegram", Hint::On(Network::Telegram)), ("tg", Hint::On(Network::Telegram)),
    ("电报", Hint::On(Network::Telegram)), ("纸飞机", Hint::On(Network::Telegram)), ("x", Hint::On(Network::X)),
    ("twitter", Hint::On(Network::X)), ("推特", Hint::On(Network::X)), ("wechat", Hint::On(Network::WeChat)),
    ("wechat id", Hint::On(Network::WeChat)), ("weixin", Hint::On(Network::WeChat)),
    ("微信", Hint::On(Network::WeChat)), ("微信号", Hint::On(Network::WeChat)),
    ("公众号", Hint::On(Network::WeChat)), ("微信公众号", Hint::On(Network::WeChat)),
    ("企业微信", Hint::On(Network::WeChat)), ("微信客服", Hint::On(Network::WeChat)), ("vx", Hint::On(Network::WeChat)),
    ("v信", Hint::On(Network::WeChat)), ("wechat account", Hint::On(Network::WeChat)),
    // The same labels in traditional characters, and Taiwan's words for email.
    ("電話", Hint::Phone), ("客服電話", Hint::Phone), ("熱線", Hint::Phone), ("手機", Hint::Phone),
    ("郵箱", Hint::Email), ("電子郵件", Hint::Email), ("信箱", Hint::Email), ("電子信箱", Hint::Email),
    ("官網", Hint::Website), ("網站", Hint::Website), ("網址", Hint::Website),
    ("電報", Hint::On(Network::Telegram)), ("紙飛機", Hint::On(Network::Telegram)),
    ("微信號", Hint::On(Network::WeChat)), ("公眾號", Hint::On(Network::WeChat)),
    ("微信公眾號", Hint::On(Network::WeChat)), ("企業微信", Hint::On(Network::WeChat)),
];

/// Wrapping punctuation around a pasted contact.
#[rustfmt::skip]
const WRAPPING: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '<', '>', '(', ')', '[', ']', '「', '」', '《', '》', ',', '，', ';', '；', '、',
];

pub fn parse(input: &str) -> Contact {
    let text = narrow(input);
    let whole = parse_one(text.trim());
    if whole != Contact::Unrecognised {
        return whole;
    }
    // "Please write to our agent @tpwallet_support_bot": the first word shaped like a
    // contact, or the first run of number-like words ("call 400 000 0000 (24h)").
    let words: Vec<&str> = text.split_whitespace().collect();
    let numeric = |w: &&str| w.chars().all(|c| c.is_ascii_digit() || "+-().".contains(c));
    let numbers = words.split(|w| !numeric(w)).filter(|run| !run.is_empty()).map(|run| run.join(" "));
    // A word's bare name counts only with its `@` ("Hi." is not a handle).
    let found = words.iter().filter(|w| w.contains(['@', '.'])).map(|w| (w, parse_one(w))).find_map(|(w, c)| {
        let bare_name = matches!(c, Contact::Handle { network: None, .. }) && !w.starts_with('@');
        (c != Contact::Unrecognised && !bare_name).then_some(c)
    });
    found
        .or_else(|| {
            numbers
                .filter_map(|run| phone::read(&run))
                .map(|(digits, country)| Contact::Phone { digits, country })
                .next()
        })
        .unwrap_or(Contact::Unrecognised)
}

fn parse_one(text: &str) -> Contact {
    if let Some(contact) = network_link(text) {
        return contact;
    }
    let (hint, body) = labelled(text);
    // Sentence punctuation after a contact is not part of it (hosts never end in `.`).
    let body = body.trim().trim_matches(WRAPPING).trim_end_matches(['.', '!', '?']).trim();
    if body.is_empty() {
        return Contact::Unrecognised;
    }
    if let Some(contact) = network_link(body) {
        return contact;
    }
    match hint {
        Some(Hint::On(network)) => return handle(Some(network), body),
        // A URL is a website even with an `@` in it (user info, or a path).
        _ if body.contains("://") => {
            return host_of(body).map_or(Contact::Unrecognised, |host| Contact::Website { host })
        }
        _ if body.starts_with('@') => return handle(None, body),
        // `tpwallet.com/support@evil.net` is a URL whose path holds an `@`, not an address.
        _ if body.contains('@') && !body.split('@').next().is_some_and(|l| l.contains('/')) => return email(body),
        _ => {}
    }
    if hint != Some(Hint::Website) {
        if let Some((digits, country)) = phone::read(body) {
            return Contact::Phone { digits, country };
        }
    }
    if body.contains('.') {
        return host_of(body).map_or(Contact::Unrecognised, |host| Contact::Website { host });
    }
    handle(None, body)
}

/// Full-width forms (U+FF01–U+FF5E) as ASCII, ideographic full stops as dots and the
/// ideographic space as a space: what a Chinese input method types for "ｔｐ．ｃｏｍ".
fn narrow(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '。' | '｡' => '.',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Splits `label: rest` when the label is a known one (`:` or `：`), or a known label and one
/// word without the colon, as people also write it: "微信公众号 tpwallet-official", "WeChat ID
/// tpwallet", "微信tpwallet_kefu" (a Chinese label needs no space before a Latin name). The
/// longest label wins ("微信公众号" over "微信").
fn labelled(text: &str) -> (Option<Hint>, &str) {
    if let Some((label, rest)) = text.split_once([':', '：']) {
        let label = label.trim().to_ascii_lowercase();
        if let Some((_, hint)) = LABELS.iter().find(|(l, _)| *l == label) {
            return (Some(*hint), rest);
        }
    }
    // Byte offsets agree: lowercasing ASCII keeps every character's length.
    let lower = text.to_ascii_lowercase();
    let bare = LABELS
        .iter()
        .filter(|(l, _)| lower.starts_with(l))
        .filter(|(l, _)| {
            let rest = &text[l.len()..];
            let one_word = !rest.trim().is_empty() && !rest.trim().contains(char::is_whitespace);
            let apart = rest.starts_with(char::is_whitespace)
                || (!l.is_ascii() && rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '@'));
            one_word && apart
        })
        .max_by_key(|(l, _)| l.len());
    match bare {
        Some((l, hint)) => (Some(*hint), &text[l.len()..]),
        None => (None, text),
    }
}

/// `t.me/name`, `telegram.me/s/name`, `x.com/name/status/1`, `tg://resolve?domain=name`.
/// Invite links and X's own pages are websites (on t.me, x.com), not someone's handle.
fn network_link(text: &str) -> Option<Contact> {
    if let Some(query) = text.strip_prefix("tg://resolve?") {
        let name = query.split('&').find_map(|kv| kv.strip_prefix("domain="))?;
        return Some(handle(Some(Network::Telegram), name));
    }
    let host = host_of(text)?;
    let site = host.strip_prefix("www.").or(host.strip_prefix("mobile.")).unwrap_or(&host);
    let network = match site {
        "t.me" | "telegram.me" | "telegram.dog" => Network::Telegram,
        "x.com" | "twitter.com" => Network::X,
        _ => return None,
    };
    let after_scheme = text.split_once("://").map_or(text, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, path)| path);
    let mut segments = path.split(['/', '?', '#']).filter(|s| !s.is_empty());
    let mut first = segments.next().unwrap_or("");
    if network == Network::Telegram && first == "s" {
        first = segments.next().unwrap_or(""); // t.me/s/name: the public preview of a channel
    }
    let not_a_name = ["", "joinchat", "share", "i", "home", "search", "intent", "hashtag", "explore"];
    if not_a_name.contains(&first) || first.starts_with('+') {
        return Some(Contact::Website { host });
    }
    Some(handle(Some(network), first))
}

/// `name` as a handle, if it can be one: one word (WeChat names may have spaces), no URL or
/// address punctuation. A name with Chinese characters can only be a WeChat name.
fn handle(network: Option<Network>, name: &str) -> Contact {
    let name = name.trim().trim_start_matches('@').trim();
    let spaces_ok = network == Some(Network::WeChat);
    let valid = (1..=64).contains(&name.chars().count())
        && !name.contains(['/', ':', '@', '\\', '?', '#', '+'])
        && (spaces_ok || !name.chars().any(char::is_whitespace));
    if !valid {
        return Contact::Unrecognised;
    }
    let chinese = name.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    let network = network.or(chinese.then_some(Network::WeChat));
    Contact::Handle { network, name: name.to_ascii_lowercase() }
}

/// `local@domain`, also inside `Name <…>` and with a `?subject=` query.
fn email(body: &str) -> Contact {
    let inner = match (body.rfind('<'), body.rfind('>')) {
        (Some(open), Some(close)) if open < close => &body[open + 1..close],
        _ => body,
    };
    let address = inner.trim().trim_start_matches("mailto:").split('?').next().unwrap_or("");
    let Some((local, domain)) = address.rsplit_once('@') else { return Contact::Unrecognised };
    let local_ok = !local.is_empty() && !local.chars().any(|c| c.is_whitespace() || c == '@');
    match host_of(domain) {
        Some(host) if local_ok && host.contains('.') && !domain.contains('/') => {
            Contact::Email { address: format!("{}@{host}", local.to_ascii_lowercase()), domain: host }
        }
        _ => Contact::Unrecognised,
    }
}
