//! Why the right answer comes first: each ranking rule with the question that needed it.

use super::doc;
use super::*;

fn docs(index: &Index, query: &str) -> Vec<usize> {
    index.search(query, 10).iter().map(|h| h.doc).collect()
}

/// Five articles that all say "wallet" and the brand, as real help content does.
fn wallets() -> Index {
    Index::build([
        doc(
            "Keep your tpWallet account safe",
            &["wallet security"],
            "Your tpWallet wallet on your phone is safe with a strong password.",
        ),
        doc(
            "Revoke token approvals in tpWallet",
            &["approval", "revoke"],
            "An approval lets a contract spend your wallet's tokens.",
        ),
        doc("Contact tpWallet support by phone", &["help"], "Call the tpWallet wallet team."),
        doc(
            "Turn on two-factor authentication",
            &["authenticator", "2fa"],
            "An authenticator app on your phone adds a code to your tpWallet wallet login.",
        ),
        doc(
            "tpWallet transfer stuck",
            &["pending"],
            "A wallet transfer can wait in the network for hours; keep your phone online.",
        ),
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
    // A query of nothing but such words is searched as typed, like English "how".
    assert!(!docs(&index, "为什么").is_empty());
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

#[test]
fn the_wallet_word_makes_no_chance_pairs_with_its_neighbours() {
    let index = Index::build([
        doc("怎么联系客服", &["客服"], "客服电话和在线客服。"),
        doc("钱包客户端下载", &["下载"], "从官网下载客户端。"),
        doc("钱包被盗", &["被盗"], "钱包被盗后先转移资产。"),
    ]);
    // "钱包客服" would pair "包客", which only the download article has (in 钱包客户端).
    assert_eq!(docs(&index, "钱包客服")[0], 0);
    assert_eq!(docs(&index, "我的钱包被盗了怎么办")[0], 2);
    // Alone, the word is still searched.
    assert!(!docs(&index, "钱包").is_empty());
}

#[test]
fn filler_words_of_a_request_do_not_count() {
    let index = Index::build([
        doc("I was scammed", &["scam"], "Report the scam to the police."),
        doc(
            "Real or fake support",
            &["fake support"],
            "Things a real agent never asks: your seed phrase. A scam agent does.",
        ),
    ]);
    // "things", "help", "please" are in many questions and say nothing about the topic.
    assert_eq!(docs(&index, "Things to do after you got scammed")[0], 0);
    assert_eq!(docs(&index, "please help, I got scammed")[0], 0);
}

#[test]
fn a_word_that_names_one_article_outweighs_words_of_a_long_body() {
    let index = Index::build([
        doc("Why is my transaction pending?", &["stuck"], "It waits for the network."),
        doc(
            "What confirmations mean",
            &["confirmations"],
            "A transaction is pending until it has confirmations, which takes hours on a busy day; \
             getting many is normal, and it is frustrating to wait, but pending is not lost.",
        ),
        doc("Fees", &["fee"], "A pending transaction pays its fee once."),
    ]);
    // "pending" is in every body but one title; "hours", "getting" and "frustrated" are
    // in the long body only. The article about pending transfers still comes first.
    assert_eq!(docs(&index, "my transaction is pending for more than 12 hours and its getting frustrated now")[0], 0);
}

#[test]
fn every_form_of_a_common_word_is_common() {
    // "wants", "needs", "doing" are "want", "need", "do": they count no more than those.
    let terms = super::query::parse("someone wants needs doing scammed");
    let counted: Vec<&str> =
        terms.iter().filter(|t| super::query::counts(t, &terms)).map(|t| t.text.as_str()).collect();
    assert_eq!(counted, ["scam"]);
}
