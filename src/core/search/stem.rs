//! English word forms to one stem, for the index and the query alike, so "transferred" finds
//! "transfer", "loading" finds "load", "scammed" and "scammer" find "scam", "unauthorized"
//! finds "authorization" and "response" finds "respond".
//!
//! Written here rather than taken from Snowball (`rust-stemmers`): Snowball's English stemmer
//! keeps "respons"/"respond" and "unauthor"/"author" apart, which are exactly the pairs users
//! and articles split between them, and it brings every language's stemmer into the Wasm.
//! Both sides of a match go through the same rules, so a stem need not be a word; the rules
//! only have to send the forms of one word to one place and keep different words apart often
//! enough. Words of three letters or fewer, and non-ASCII words, are kept as they are.

/// Suffixes stripped after the inflections, longest first, each with the shortest stem it
/// may leave: derivations that users and articles swap freely ("secure" / "security",
/// "confirm" / "confirmation", "verify" / "verification", "avail" / "available").
const DERIVATIONS: &[(&str, &str, usize)] = &[
    ("ization", "", 4),
    ("isation", "", 4),
    ("ification", "ifi", 3),
    ("fulness", "", 4),
    ("ation", "", 5),
    ("ement", "", 4),
    ("ment", "", 3),
    ("ness", "", 4),
    ("able", "", 4),
    ("ible", "", 4),
    ("ful", "", 4),
    ("ity", "", 4),
    ("ize", "", 4),
    ("iz", "", 4),
    ("ly", "", 4),
    ("al", "", 5),
];

/// Rewrites `word` (lowercase, as `text::normalize` leaves it) to its stem.
pub(super) fn stem(word: &mut String) {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    inflection(word);
    for &(suffix, replacement, min) in DERIVATIONS {
        if word.len() >= suffix.len() + min && word.ends_with(suffix) {
            word.truncate(word.len() - suffix.len());
            word.push_str(replacement);
            break;
        }
    }
    // A silent e and a final y: "stake"/"staking", "apply"/"applied"/"applies".
    if word.len() >= 4 && word.ends_with('e') && !word.ends_with("ee") {
        word.pop();
    }
    if word.len() >= 4 && word.ends_with('y') {
        word.pop();
        word.push('i');
    }
    // "response" and "respond" (and correspond/correspondence) are one word to a reader.
    if word.ends_with("spons") {
        word.truncate(word.len() - 1);
        word.push('d');
    }
    // "unauthorized", "unfreeze", "unlock": the same topic as the word without "un".
    if word.len() >= 7 && word.starts_with("un") {
        word.drain(..2);
    }
}

/// Plurals and verb endings: -s, -es, -ies, -ed, -ied, -ing, and -er after a doubled
/// consonant ("scammer"), undoubling what is left ("transferr" → "transfer").
fn inflection(word: &mut String) {
    let strip = |word: &mut String, suffix: &str, min: usize| -> bool {
        let ok = word.len() >= suffix.len() + min && word.ends_with(suffix);
        if ok {
            word.truncate(word.len() - suffix.len());
        }
        ok
    };
    if strip(word, "ies", 2) || strip(word, "ied", 2) {
        word.push('y');
        return;
    }
    if word.ends_with("sses") || word.ends_with("shes") || word.ends_with("ches") || word.ends_with("xes") {
        word.truncate(word.len() - 2);
        return;
    }
    // "address", "status", "this", "analysis" keep their s.
    let b = word.as_bytes();
    if b[b.len() - 1] == b's' && !matches!(b[b.len() - 2], b's' | b'u' | b'i') {
        word.pop();
    }
    let undouble = strip(word, "ing", 3) || strip(word, "ed", 3) || doubled_before(word, "er") && strip(word, "er", 3);
    if undouble {
        let b = word.as_bytes();
        let n = b.len();
        if n >= 4 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
            word.pop();
        }
    }
}

/// `word` ends in `suffix` after a doubled consonant ("scammer", "shopper").
fn doubled_before(word: &str, suffix: &str) -> bool {
    let Some(stem) = word.strip_suffix(suffix) else { return false };
    let b = stem.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(word: &str) -> String {
        let mut w = word.to_string();
        stem(&mut w);
        w
    }

    #[test]
    fn forms_users_and_articles_mix_meet() {
        for group in [
            &["respond", "response", "responses", "responded", "responding"][..],
            &["load", "loading", "loads", "loaded"],
            &["transfer", "transfers", "transferred", "transferring"],
            &["scam", "scams", "scammed", "scammer", "scammers"],
            &["unauthorized", "authorization", "authorize", "authorized"],
            &["confirm", "confirmation", "confirmations", "confirmed"],
            &["verify", "verification", "verified", "verifies"],
            &["secure", "security", "securely"],
            &["stake", "staking", "staked"],
            &["apply", "applied", "applies"],
            &["freeze", "unfreeze", "freezes"],
            &["address", "addresses"],
            &["approve", "approved", "approval", "approvals"],
            &["fee", "fees"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| s(w)).collect();
            assert!(stems.iter().all(|x| *x == stems[0]), "{group:?} → {stems:?}");
        }
    }

    #[test]
    fn different_words_stay_apart() {
        for (a, b) in [("transfer", "transaction"), ("wallet", "wall"), ("phone", "phrase"), ("seed", "send")] {
            assert_ne!(s(a), s(b), "{a} {b}");
        }
        assert_eq!(s("tpwallet"), "tpwallet");
        assert_eq!(s("usdt"), "usdt");
        assert_eq!(s("gebühr"), "gebühr", "non-ASCII words are kept");
        assert_eq!(s("the"), "the");
    }
}
