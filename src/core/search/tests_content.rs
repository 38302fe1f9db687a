//! Search over the real built-in articles (`content/<locale>/*.md`, compiled in by build.rs),
//! indexed the way the widget does it: common wallet-user queries must find the article that
//! answers them, and queries that already worked must keep their article first.

use super::*;
use crate::core::config::Locale;
use crate::core::content::{search_index, Article, Catalogue};

/// Any operator's wallet name; `{brand}` is replaced before indexing, as in the widget.
const BRAND: &str = "tpWallet";

/// The index of a locale's built-in articles, as the widget builds it.
fn index(locale: Locale) -> (Index, Vec<Article>) {
    let articles = Catalogue::default().articles(locale).to_vec();
    (search_index(&articles, BRAND, &[]), articles)
}

/// The ids of the first `n` results for `query`, typed as is (the last word still being
/// typed, as in the search box).
fn top(index: &Index, articles: &[Article], query: &str, n: usize) -> Vec<String> {
    index.search(query, n).iter().map(|h| articles[h.doc].id.to_string()).collect()
}

/// Each query must have `id` among its first three results, both while the last word is
/// still being typed and once it is finished (a trailing space: exact words only).
fn assert_in_top3(locale: Locale, cases: &[(&str, &str)]) {
    let (index, articles) = index(locale);
    for &(query, id) in cases {
        for typed in [query.to_string(), format!("{query} ")] {
            let got = top(&index, &articles, &typed, 3);
            assert!(got.iter().any(|g| g == id), "{locale:?} {typed:?}: expected {id} in the top 3, got {got:?}");
        }
    }
}

fn assert_first(locale: Locale, cases: &[(&str, &str)]) {
    let (index, articles) = index(locale);
    for &(query, id) in cases {
        let got = top(&index, &articles, query, 3);
        assert_eq!(got.first().map(String::as_str), Some(id), "{locale:?} {query:?}: got {got:?}");
    }
}

#[test]
fn english_wallet_terms_find_their_article() {
    assert_in_top3(
        Locale::En,
        &[
            ("USDT", "wrong-balance"),
            ("tron", "wrong-balance"),
            ("trc20", "wrong-balance"),
            ("TRC20", "wrong-balance"),
            ("withdraw", "tx-pending"),
            ("approval", "token-approvals"),
            ("revoke", "token-approvals"),
            ("refunded", "refund"),
            ("fee", "network-fees"),
            ("fees", "network-fees"),
            ("gas fee", "network-fees"),
        ],
    );
}

#[test]
fn chinese_wallet_terms_find_their_article() {
    assert_in_top3(
        Locale::ZhCn,
        &[
            ("转帐", "tx-problem"),
            ("提现", "tx-pending"),
            ("充值", "tx-pending"),
            // English words typed while the widget is in Chinese.
            ("seed", "seed-phrase"),
            ("USDT", "wrong-balance"),
            ("trc20", "wrong-balance"),
            ("冻结", "frozen-funds"),
        ],
    );
}

#[test]
fn fee_queries_do_not_lead_with_the_feedback_article() {
    let (index, articles) = index(Locale::En);
    for query in ["fee", "fees", "gas fee"] {
        let got = top(&index, &articles, query, 3);
        assert_ne!(got.first().map(String::as_str), Some("suggestions"), "{query:?}: got {got:?}");
        assert!(got.iter().any(|g| g == "network-fees"), "{query:?}: got {got:?}");
    }
}

#[test]
fn queries_that_worked_keep_their_article_first() {
    assert_first(
        Locale::En,
        &[
            ("refund", "refund"),
            ("pending", "tx-pending"),
            ("phishing", "phishing"),
            ("seed", "seed-phrase"),
            ("seed phrase", "seed-phrase"),
            ("feedback", "suggestions"),
            ("send feedback", "suggestions"),
            ("2FA", "two-factor"),
            ("wrong address", "wrong-address"),
            ("wrong balance", "wrong-balance"),
            ("gas", "network-fees"),
            ("revoke approval", "token-approvals"),
        ],
    );
    assert_first(
        Locale::ZhCn,
        &[
            ("助记词", "seed-phrase"),
            ("退款", "refund"),
            ("手续费", "network-fees"),
            ("矿工费", "network-fees"),
            ("冻结", "frozen-funds"),
            ("钓鱼网站", "phishing"),
            ("双重认证", "two-factor"),
            ("余额不对", "wrong-balance"),
            ("转账慢", "tx-pending"),
        ],
    );
}

/// Fake "support" asking for the seed phrase is how wallet users lose everything: however
/// the user puts it, the article on telling real support from fake comes first.
#[test]
fn someone_claiming_to_be_support_leads_to_real_support() {
    assert_first(
        Locale::ZhCn,
        &[
            ("有人自称客服让我提供助记词", "real-support"),
            ("冒充客服要助记词", "real-support"),
            ("假客服", "real-support"),
        ],
    );
    assert_first(
        Locale::En,
        &[
            ("someone claiming to be support wants my seed phrase", "real-support"),
            ("support asked for my seed phrase", "real-support"),
            ("fake support", "real-support"),
        ],
    );
}

/// Traditional Chinese readers get the content converted at build time; their queries, as
/// they type them in Taiwan's words, find the same articles.
#[test]
fn traditional_chinese_queries_find_their_article() {
    assert_first(
        Locale::ZhTw,
        &[
            ("助記詞", "seed-phrase"),
            ("退款", "refund"),
            ("手續費", "network-fees"),
            ("礦工費", "network-fees"),
            ("凍結", "frozen-funds"),
            ("釣魚網站", "phishing"),
            ("雙重認證", "two-factor"),
            ("餘額不對", "wrong-balance"),
            ("轉帳很慢", "tx-pending"),
            ("有人自稱客服要我提供助記詞", "real-support"),
            ("假客服", "real-support"),
        ],
    );
    assert_in_top3(
        Locale::ZhTw,
        &[
            ("轉帳", "tx-problem"),
            ("提領", "tx-pending"),
            ("為什麼轉帳失敗", "payment-failed"),
            ("錢包被盜了怎麼辦", "account-stolen"),
            ("seed", "seed-phrase"),
            ("USDT", "wrong-balance"),
        ],
    );
}
