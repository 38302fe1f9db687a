//! Where the secret guard meets the form: which fields hold a seed phrase or private key,
//! how to remove them, and the copy of the draft that is safe to keep on the device.

use super::{Draft, Field};
use crate::core::secrets::{holds_secret, redact, scan, FieldKind, Finding};
use wallet_help_report::wire::{Attachment, Context};

fn kind(field: Field) -> FieldKind {
    match field {
        Field::TxHash => FieldKind::TxHash,
        Field::TxCounterparty => FieldKind::Address,
        _ => FieldKind::Text,
    }
}

/// The fields that contain a secret, with what was found, in form order. Each field is
/// scanned alone (with the rules of its kind), and all of them together, one line each in
/// form order, for phrases: six words in the subject and six in the description are one.
pub fn findings(d: &Draft) -> Vec<(Field, Vec<Finding>)> {
    let mut out: Vec<(Field, Vec<Finding>)> = Field::TEXT.into_iter().map(|f| (f, scan(d.text(f), kind(f)))).collect();
    let mut joined = String::new();
    let mut spans = Vec::with_capacity(out.len());
    for (field, _) in &out {
        let start = joined.len();
        joined.push_str(d.text(*field));
        spans.push((start, joined.len()));
        joined.push('\n');
    }
    // Phrases only: the key rules depend on the field (a hash is not a key in its own field).
    for found in scan(&joined, FieldKind::Text).into_iter().filter(|f| f.kind.is_phrase()) {
        for (i, &(start, end)) in spans.iter().enumerate() {
            let part =
                Finding { start: found.start.max(start) - start, end: found.end.min(end).max(start) - start, ..found };
            let known = out[i].1.iter().any(|f| f.start <= part.start && part.end <= f.end);
            if part.start < part.end && !known {
                out[i].1.push(part);
            }
        }
    }
    out.retain(|(_, found)| !found.is_empty());
    out
}

/// Free text with every secret removed (text that is not part of a draft, e.g. a sent
/// report's fields read back for the letter).
pub fn without_secrets(text: &str) -> String {
    redact(text, &scan(text, FieldKind::Text))
}

/// The draft as it may be stored and sent: every secret removed, in every field. A secret
/// never reaches storage; the alert's "remove" button does the same.
pub fn storable(d: &Draft) -> Draft {
    let mut safe = d.clone();
    for (field, found) in findings(d) {
        let clean = redact(d.text(field), &found);
        safe.set(field, clean);
    }
    safe
}

/// The parts of a report the user did not type, made safe before the report is built: a
/// value (or key) the host page passed to `prefill`, and a screenshot's file name, lose the
/// secret they hold; the page URL loses its query and fragment when they hold one, and is cut
/// to its origin when the path does (a secret in a URL is usually percent-encoded).
pub fn scrub(context: &mut Context, attachments: &mut [Attachment]) {
    // Inserted one by one: collecting into a map would bring a sort routine into the Wasm.
    let mut safe = std::collections::BTreeMap::new();
    for (key, value) in std::mem::take(&mut context.prefill) {
        safe.insert(without_secrets(&key), without_secrets(&value));
    }
    context.prefill = safe;
    for a in attachments.iter_mut() {
        if holds_secret(&a.name) {
            a.name = without_secrets(&a.name);
        }
    }
    let url = &context.page_url;
    if holds_secret(&percent_decoded(url)) {
        let before_query = url.split(['?', '#']).next().unwrap_or_default();
        context.page_url = if holds_secret(&percent_decoded(before_query)) {
            origin(before_query).to_string()
        } else {
            before_query.to_string()
        };
    }
}

/// `scheme://host[:port]` of an absolute URL.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..].find('/').map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

/// `%xx` escapes and `+` decoded (the URL as it was when that is not UTF-8): only for looking,
/// never for sending.
fn percent_decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE: &str =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn a_phrase_in_any_text_field_is_found_and_kept_out_of_storage() {
        let d = Draft {
            description: format!("Support asked me for this: {PHRASE}. Is that normal?"),
            steps: PHRASE.replace(' ', "\n"),
            ..Draft::default()
        };
        let found: Vec<Field> = findings(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(found, vec![Field::Description, Field::Steps]);
        let safe = storable(&d);
        assert!(findings(&safe).is_empty());
        assert!(safe.description.contains("Is that normal?"), "{}", safe.description);
        assert!(!safe.description.contains("abandon abandon"));
    }

    #[test]
    fn a_phrase_split_across_fields_is_found_in_each_and_removed_from_all() {
        let words: Vec<&str> = PHRASE.split(' ').collect();
        let d = Draft {
            subject: words[..6].join(" "),
            description: format!("Support says the rest is needed too: {}. Can you check?", words[6..].join(" ")),
            ..Draft::default()
        };
        let found: Vec<Field> = findings(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(found, vec![Field::Subject, Field::Description]);
        let safe = storable(&d);
        assert!(findings(&safe).is_empty(), "{safe:?}");
        assert!(safe.description.ends_with("Can you check?"), "{}", safe.description);
        // Each half alone is too short to be anything.
        assert!(findings(&Draft { subject: words[..6].join(" "), ..Draft::default() }).is_empty());
    }

    #[test]
    fn what_the_page_adds_is_scrubbed() {
        let mut context = Context {
            page_url: format!("https://w.example/restore?words={}#x", PHRASE.replace(' ', "%20")),
            prefill: [("accountId".to_string(), "A-17".to_string()), ("note".to_string(), PHRASE.to_string())].into(),
            ..Context::default()
        };
        let mut attachments = vec![super::super::attachment(&format!("{PHRASE}.png"), "image/png", b"x")];
        scrub(&mut context, &mut attachments);
        assert_eq!(context.page_url, "https://w.example/restore");
        assert_eq!(context.prefill["accountId"], "A-17");
        assert_eq!(context.prefill["note"], "***");
        assert_eq!(attachments[0].name, "***.png");
        let mut in_path =
            Context { page_url: format!("https://w.example/{}/x?a=1", PHRASE.replace(' ', "-")), ..Context::default() };
        scrub(&mut in_path, &mut []);
        assert_eq!(in_path.page_url, "https://w.example");
        let mut fine = Context { page_url: "https://w.example/wallet?tab=send".into(), ..Context::default() };
        scrub(&mut fine, &mut []);
        assert_eq!(fine.page_url, "https://w.example/wallet?tab=send");
    }

    #[test]
    fn only_a_supported_network_is_kept() {
        let mut d = Draft::default();
        d.set(Field::TxChain, "tron".into());
        assert_eq!(d.tx_chain, "tron");
        d.set(Field::TxChain, PHRASE.into());
        assert_eq!(d.tx_chain, "");
        let extra = d.prefill(&[("chain".into(), "dogecoin".into()), ("accountId".into(), "A".into())]);
        assert_eq!((d.tx_chain.as_str(), extra.len()), ("", 1));
        assert_eq!(super::super::prefill_warnings(&[("chain".into(), "dogecoin".into())]).len(), 1);
        assert!(super::super::prefill_warnings(&[("chain".into(), "evm".into())]).is_empty());
    }

    #[test]
    fn ordinary_text_and_a_hash_in_its_field_pass() {
        let d = Draft {
            description: "I sent 50 USDT to the wrong address and support has not answered.".into(),
            tx_hash: format!("0x{}", "9f".repeat(32)),
            ..Draft::default()
        };
        assert!(findings(&d).is_empty());
        assert_eq!(storable(&d), d);
    }

    #[test]
    fn a_key_pasted_as_the_other_partys_address_is_found() {
        // The same 64 hex digits pass as a hash but not as an address, where no network has them.
        let value = "9f".repeat(32);
        let d = Draft { tx_counterparty: value.clone(), tx_hash: value, ..Draft::default() };
        let found: Vec<Field> = findings(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(found, vec![Field::TxCounterparty]);
    }
}
