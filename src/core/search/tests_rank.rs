//! Why the right answer comes first: each ranking rule with the question that needed it.

use super::doc;
use super::*;

fn docs(index: &Index, query: &str) -> Vec<usize> {
    index.search(query, 10).iter().map(|h| h.doc).collect()
}

/// Five articles that all say "wallet" and the brand, as real help content does.
fn wallets() -> Index {
    Index::build([
        doc("Keep your tpWallet account safe", &["wallet security"], "Your tpWallet wallet on your phone is safe with a strong password."),
        doc("Revoke token approvals in tpWallet", &["approval", "revoke"], "An approval lets a contract spend your wallet's tokens."),
        doc("Contact tpWallet support by phone", &["help"], "Call the tpWallet wallet team."),
        doc("Turn on two-factor authentication", &["authenticator", "2fa"], "An authenticator app on your phone adds a code to your tpWallet wallet login."),
        doc("tpWallet transfer stuck", &["pending"], "A wallet transfer can wait in the network for hours; keep your phone online."),
    ])
    .ignoring(&["tpWallet", "tp钱包", "tokenpocket", "tp"])
}

#[test]
fn a_word_in_every_article_decides_nothing() {
    let index = wallets();
    // "wallet" is everywhere: the rare word picks the article, whatever the wallet count.
    assert_eq!(docs(&index, "wallet approval")[0], 1);
    assert_eq!(docs(&index, "wallet transfer pending")[0], 4);
}

#[test]
fn brand_names_users_write_are_taken_out_of_the_query() {
    let index = wallets();
    for query in ["TokenPocket revoke", "TP revoke", "tp钱包 revoke", "revoke tpwallet"] {
        assert_eq!(docs(&index, query), docs(&index, "revoke"), "{query}");
    }
    // Only whole words: the "tp" of "https" stays.
    assert_eq!(index.without_ignored("https tp"), "https   ");
}

#[test]
fn question_words_do_not_count_like_meaning() {
    let index = Index::build([
        doc("为什么转账失败", &[], "转账失败的常见原因。"),
        doc("如何取消授权", &["授权"], "取消授权的方法。"),
    ]);
    // "如何" and "为什么" say it is a question; the subject decides.
    assert_eq!(docs(&index, "转账失败了怎么办")[0], 0);
    assert_eq!(docs(&index, "为什么要取消授权")[0], 1);
    assert_eq!(docs(&index, "怎么办吗"), Vec::<usize>::new(), "nothing but question words");
}

#[test]
fn a_corrected_rare_word_outranks_an_exact_common_one() {
    let index = wallets();
    // "autheticator" is a typo of a rare word; "phone" is exact, in a title even, but in
    // most articles.
    assert_eq!(docs(&index, "autheticator phone")[0], 3);
}

#[test]
fn other_forms_of_a_word_find_it() {
    let index = wallets();
    assert_eq!(docs(&index, "transferred")[0], 4);
    assert_eq!(docs(&index, "approvals revoked")[0], 1);
}

#[test]
fn results_far_below_the_best_are_not_strong() {
    let index = wallets();
    let hits = index.search("revoke approval wallet", 10);
    assert!(hits.len() > 1, "{hits:?}");
    assert_eq!(strong(&hits), 1, "{hits:?}");
    assert_eq!(strong(&[]), 0);
}
