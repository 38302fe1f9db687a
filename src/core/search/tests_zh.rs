//! Search behaviour on Chinese help text (no spaces between words) and mixed Latin + CJK.

use super::doc;
use super::text::{pieces, Kind};
use super::*;

fn corpus() -> Index {
    Index::build([
        // 0: mentions 转账失败 and 客服电话 only in the body.
        doc(
            "申请退款",
            &["退款", "重复扣款"],
            "如果重复扣款，或者转账失败但手续费已被扣除，可以申请退款。请准备交易时间、金额和截图，\
             必要时拨打客服电话。",
        ),
        doc(
            "转账失败怎么办？",
            &["转账", "交易失败", "手续费"],
            "转账一直显示失败或等待中时，先检查网络手续费是否足够，再确认收款地址。USDT转账失败时还要确认所选的链。",
        ),
        doc(
            "助记词的保管与恢复",
            &["助记词", "备份", "恢复钱包"],
            "助记词是恢复钱包的唯一凭证，请抄在纸上离线保存。任何自称客服的人索要助记词都是诈骗。",
        ),
        doc(
            "如何联系客服",
            &["客服电话", "在线客服", "邮箱"],
            "您可以通过应用内的在线客服、客服电话或电子邮件联系我们。我们不会索要您的密码。",
        ),
        doc(
            "余额不对或资产不见了",
            &["余额", "资产"],
            "余额显示不正确时，请先下拉刷新。若有未确认的转账，余额会在确认后更新。",
        ),
        doc(
            "开启双重验证",
            &["双重验证", "2FA", "安全"],
            "开启双重验证后，登录时除了密码还需要输入一次性验证码，账户被盗的风险大大降低。",
        ),
        // 6: 助记词 and 余额不对 in the body of an unrelated article.
        doc(
            "如何提交投诉",
            &["投诉", "监管机构"],
            "投诉时写清楚问题经过，例如余额不对的时间与金额，附上截图。不要在投诉信中写出助记词。",
        ),
    ])
}

fn docs(index: &Index, query: &str) -> Vec<usize> {
    index.search(query, 10).iter().map(|h| h.doc).collect()
}

#[test]
fn phrases_find_their_article_first() {
    let index = corpus();
    for (query, best, also) in [("助记词", 2, 6), ("客服电话", 3, 0), ("转账失败", 1, 0), ("余额不对", 4, 6)]
    {
        let found = docs(&index, query);
        assert_eq!(found.first(), Some(&best), "{query}: {found:?}");
        assert!(found.contains(&also), "{query}: {found:?}");
    }
}

#[test]
fn a_document_with_the_whole_phrase_beats_one_with_part_of_it() {
    let index = Index::build([
        doc("查询余额", &["余额", "资产"], "在首页可以查看余额。"),
        doc("常见问题", &[], "如果发现余额不对，请先刷新页面。"),
    ]);
    let hits = index.search("余额不对", 10);
    assert_eq!(hits.iter().map(|h| (h.doc, h.matched, h.terms)).collect::<Vec<_>>(), [(1, 3, 3), (0, 1, 3)]);
    // Within the real corpus, the title with the whole phrase comes before the body with it.
    let hits = corpus().search("余额不对", 10);
    assert_eq!(hits.iter().map(|h| (h.doc, h.matched)).collect::<Vec<_>>(), [(4, 3), (6, 3)]);
}

#[test]
fn single_characters_search() {
    let index = corpus();
    assert_eq!(docs(&index, "款")[0], 0);
    assert!(docs(&index, "诈").contains(&2));
    assert!(docs(&index, "鲸").is_empty());
}

#[test]
fn latin_and_cjk_mix() {
    let index = corpus();
    let hits = index.search("USDT转账失败", 10);
    assert_eq!(hits[0].doc, 1);
    assert_eq!((hits[0].matched, hits[0].terms), (4, 4));
    assert_eq!(docs(&index, "2fa")[0], 5);
    // Full-width letters typed with a Chinese input method, and full-width punctuation.
    assert_eq!(docs(&index, "ＵＳＤＴ")[0], 1);
    assert_eq!(docs(&index, "转账，失败？")[0], 1);
}

#[test]
fn punctuation_splits_cjk_runs() {
    let text = "USDT转账失败（测试）：ok，好";
    let found: Vec<(Kind, &str)> = pieces(text).map(|(k, r)| (k, &text[r])).collect();
    assert_eq!(
        found,
        [(Kind::Word, "USDT"), (Kind::Cjk, "转账失败"), (Kind::Cjk, "测试"), (Kind::Word, "ok"), (Kind::Cjk, "好"),]
    );
    assert!(corpus().search("（）。，：", 10).is_empty());
}

#[test]
fn highlight_marks_cjk_matches() {
    assert_eq!(highlight("如何联系客服", "客服"), [("如何联系", false), ("客服", true)]);
    assert_eq!(highlight("客服电话：400-000", "客服电话"), [("客服电话", true), ("：400-000", false)]);
    // Two separate places, and a pair that only half matches lights nothing.
    let text = "转账失败时，先别重复转账";
    let segments = highlight(text, "转账失败");
    assert_eq!(segments.iter().map(|s| s.0).collect::<String>(), text);
    let lit: Vec<&str> = segments.iter().filter(|s| s.1).map(|s| s.0).collect();
    assert_eq!(lit, ["转账失败", "转账"]);
    assert_eq!(highlight("USDT转账失败", "usdt 失败"), [("USDT", true), ("转账", false), ("失败", true)]);
    assert_eq!(highlight("钱包", "助记词"), [("钱包", false)]);
}
