//! Search behaviour on English help text: ranking, completion, typos, highlighting, staleness.

use super::doc;
use super::text::STOP;
use super::*;

fn corpus() -> Index {
    Index::build([
        doc(
            "Transaction failed or stuck as pending",
            &["failed payment", "gas fee", "pending"],
            "A transaction can fail when the network fee is too low or the network is busy. \
             Check the transaction hash in a block explorer before you send again.",
        ),
        doc(
            "Keep your seed phrase safe",
            &["recovery phrase", "mnemonic", "backup"],
            "Your seed phrase restores the wallet on a new phone. Write it on paper and never \
             share it: real support staff will never ask for it.",
        ),
        doc(
            "Contact support",
            &["help", "chat", "phone", "email"],
            "Reach our support team by in-app chat, by phone or by email. Have your account ID ready.",
        ),
        doc(
            "How to get a refund",
            &["refund", "chargeback", "charged twice"],
            "If a payment was charged twice or a transfer failed after the fee was taken, \
             request a refund with the date, the amount and a screenshot.",
        ),
        doc(
            "Turn on two-factor authentication",
            &["2fa", "security", "authenticator"],
            "Two-factor authentication asks for a one-time code at every login, so a stolen \
             password alone cannot open your account.",
        ),
    ])
}

fn docs(index: &Index, query: &str) -> Vec<usize> {
    index.search(query, 10).iter().map(|h| h.doc).collect()
}

#[test]
fn title_beats_keywords_beats_body() {
    let index = Index::build([
        doc("Payment methods", &["cards"], "You can ask for a refund within 30 days."),
        doc("Payment methods", &["refund", "cards"], "Cards and bank transfers are accepted."),
        doc("Refund policy", &["cards"], "Cards and bank transfers are accepted."),
    ]);
    assert_eq!(docs(&index, "refund"), [2, 1, 0]);
}

#[test]
fn repeating_a_word_in_the_body_does_not_beat_a_keyword() {
    let index = Index::build([
        doc("Fees", &[], "refund refund refund refund refund refund refund refund"),
        doc("Fees", &["refund"], "Nothing else here."),
    ]);
    assert_eq!(docs(&index, "refund"), [1, 0]);
}

#[test]
fn equal_matches_keep_build_order() {
    let index = Index::build([
        doc("Reset your password", &[], ""),
        doc("Unrelated", &[], ""),
        doc("Reset your password", &[], ""),
        doc("Reset your password", &[], ""),
    ]);
    assert_eq!(docs(&index, "password"), [0, 2, 3]);
}

#[test]
fn matching_the_rare_words_beats_a_title_with_the_common_one() {
    let index = Index::build([
        doc("Refund policy", &["refund"], "Refunds take five working days."),
        doc("Charged twice", &[], "Ask for a refund and quote the transaction hash."),
    ]);
    // "refund" is in both articles; "transaction" and "hash" only in the second.
    let hits = index.search("refund transaction hash", 10);
    assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1, 0]);
    assert_eq!((hits[0].matched, hits[0].terms), (3, 3));
    assert_eq!((hits[1].matched, hits[1].terms), (1, 3));
}

#[test]
fn common_words_neither_count_nor_match_alone() {
    let index = corpus();
    assert_eq!(docs(&index, "how to get a refund")[0], 3);
    // Doc 0 says "to" and "the" but nothing about refunds: not a result.
    assert!(!docs(&index, "how to get a refund").contains(&0));
    // A query of only common words still works.
    assert_eq!(docs(&index, "how to get")[0], 3);
}

#[test]
fn exact_word_beats_completion_beats_typo() {
    let index =
        Index::build([doc("Taken from you", &[], ""), doc("Tokenomics", &[], ""), doc("Listed tokens", &[], "")]);
    // "tokens" is a form of "token" (the same stem), "tokenomics" a longer word, "taken"
    // one letter off.
    assert_eq!(docs(&index, "token"), [2, 1, 0]);
}

#[test]
fn a_short_stem_takes_no_typos() {
    let index = Index::build([doc("Send again", &[], ""), doc("Pending transfers", &[], "")]);
    // "pending" stems to "pend", one letter from "send": too short to guess at, like a
    // four-letter word typed.
    assert_eq!(docs(&index, "pending "), [1]);
    assert_eq!(docs(&index, "sending "), [0]);
}

#[test]
fn only_the_last_word_completes() {
    let index = Index::build([
        doc("Transaction history", &[], ""),
        doc("Pending payments", &[], ""),
        doc("Pending transaction", &[], ""),
    ]);
    assert_eq!(docs(&index, "transac"), [0, 2]);
    assert_eq!(docs(&index, "pend"), [1, 2]);
    // "transac" is no longer being typed, so it must be a whole word: it matches nothing.
    let hits = index.search("transac pending", 10);
    assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1, 2]);
    assert!(hits.iter().all(|h| h.matched == 1));
    assert_eq!(docs(&index, "pending transac"), [2, 1, 0]);
    // A trailing space ends the word too.
    assert!(docs(&index, "transac ").is_empty());
}

#[test]
fn plurals_and_case_match() {
    let index = corpus();
    assert_eq!(docs(&index, "TRANSACTIONS")[0], 0);
    assert_eq!(docs(&index, "Fees "), [0, 3]);
}

#[test]
fn one_typo_is_tolerated_in_long_words() {
    let index = corpus();
    for typo in ["trasaction", "transacton", "tranzaction", "tarnsaction", "transactionn"] {
        assert_eq!(docs(&index, typo).first(), Some(&0), "{typo}");
    }
    assert_eq!(docs(&index, "refnud"), [3]);
    assert_eq!(docs(&index, "suport team").first(), Some(&2));
    // Stripping the plural must not cost the typo: "acces" strips to "acce" but is one edit from "access".
    let index = Index::build([doc("Lost access to your account", &[], "")]);
    assert_eq!(docs(&index, "acces "), [0]);
}

#[test]
fn two_typos_or_short_words_do_not_match() {
    let index = corpus();
    for query in ["trnsactoin", "tranzacton", "trasactoin "] {
        assert!(docs(&index, query).is_empty(), "{query}");
    }
    // Four letters: exact (or completion) only.
    for query in ["chet", "sead", "phne "] {
        assert!(docs(&index, query).is_empty(), "{query}");
    }
    assert_eq!(docs(&index, "chat"), [2]);
}

#[test]
fn matches_in_several_fields_add_up() {
    let index = Index::build([
        doc("Keep your account safe", &["stolen account"], ""),
        doc("Someone stole from my wallet", &["stolen"], "Funds stolen overnight."),
    ]);
    // Same keyword match, but 1 also has "stolen" in its body.
    assert_eq!(docs(&index, "stolen"), [1, 0]);
}

#[test]
fn other_scripts_fold_case_and_symbols_separate() {
    let index = Index::build([
        doc("Größe der Gebühr", &[], ""),
        doc("ПАРОЛЬ и вход", &[], ""),
        doc("🔒Security—tips…", &[], ""),
    ]);
    assert_eq!(docs(&index, "GEBÜHR "), [0]);
    assert_eq!(docs(&index, "пароль"), [1]);
    assert_eq!(docs(&index, "security tips"), [2]);
    let lit = [("🔒", false), ("Security", true), ("—tips…", false)];
    assert_eq!(highlight("🔒Security—tips…", "secu"), lit);
}

#[test]
fn nothing_searchable_returns_nothing() {
    let index = corpus();
    for query in ["", "   ", "?!...", "？！。，（）：", " - / "] {
        assert!(index.search(query, 10).is_empty(), "{query:?}");
    }
    assert!(index.search("refund", 0).is_empty());
    assert!(Index::build(Vec::new()).search("refund", 10).is_empty());
}

#[test]
fn limit_keeps_the_best() {
    let index = corpus();
    let all = index.search("the", 10);
    assert!(all.len() > 2);
    for limit in 1..=all.len() {
        assert_eq!(index.search("the", limit), all[..limit]);
    }
}

#[test]
fn stop_word_list_is_sorted() {
    assert!(STOP.windows(2).all(|w| w[0] < w[1]));
}

fn joined(segments: &[(&str, bool)]) -> String {
    segments.iter().map(|s| s.0).collect()
}

#[test]
fn highlight_marks_what_matched() {
    let text = "Why did my Transaction fail? Check each transaction.";
    let segments = highlight(text, "trasaction");
    assert_eq!(joined(&segments), text);
    let lit: Vec<&str> = segments.iter().filter(|s| s.1).map(|s| s.0).collect();
    assert_eq!(lit, ["Transaction", "transaction"]);

    assert_eq!(highlight("Refunds and fees", "fee refund"), [("Refunds", true), (" and ", false), ("fees", true)]);
    // The last word completes; common words are not lit.
    assert_eq!(highlight("How to reset a password", "how to pass"), [("How to reset a ", false), ("password", true)]);
    assert_eq!(highlight("Contact support", ""), [("Contact support", false)]);
    assert!(highlight("", "support").is_empty());
}

#[test]
fn latest_drops_stale_tickets() {
    let latest = Latest::new();
    let first = latest.ticket();
    assert!(latest.is_current(first));
    let second = latest.ticket();
    assert!(!latest.is_current(first));
    assert!(latest.is_current(second));
    assert_ne!(first, second);
}

#[test]
fn lone_letters_and_two_letter_stubs_do_not_flood_the_results() {
    let index = corpus();
    // "can't" splits into "can" and "t"; only "log in" should decide.
    assert_eq!(docs(&index, "can't login"), docs(&index, "login"));
    assert!(docs(&index, "a").is_empty());
    assert!(docs(&index, "x").is_empty());
    // Two letters are not completed yet; three are.
    assert!(docs(&index, "tw").is_empty());
    assert_eq!(docs(&index, "two"), vec![4]);
    assert_eq!(docs(&index, "aut"), vec![4]);
}

#[test]
fn a_typed_word_that_is_a_word_beats_longer_words_starting_with_it() {
    let index = Index::build([
        doc("How to send feedback", &["feedback"], "Tell us what to improve."),
        doc("Payment failed", &["fee"], "The fee was too low."),
    ]);
    assert_eq!(docs(&index, "fee"), [1, 0]);
    assert_eq!(docs(&index, "feed"), [0]);
}
