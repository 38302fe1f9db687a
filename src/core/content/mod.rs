//! The FAQ articles: the defaults compiled in from `content/` by the build script, lookups,
//! and the operator's brand name put into the text.

pub mod model;
pub mod pack;
pub mod validate;

pub use model::{link_target, markup, Article, Block, Category, Span, Target};
pub use pack::Pack;

use super::checklist::{self, Item};
use super::config::Locale;

/// The content file's view of the flow and checklist models.
use super::checklist::model as checklist_model;
use super::troubleshoot::model as flow_model;

/// One content file per language, written by the build script from `content/<locale>/`.
/// Compiled in unless the build fetches them (`make dist`, feature `split`).
#[cfg(not(feature = "split"))]
fn built_in(locale: Locale) -> Option<&'static str> {
    match locale {
        Locale::En => Some(include_str!(concat!(env!("OUT_DIR"), "/content-en.txt"))),
        Locale::ZhCn => Some(include_str!(concat!(env!("OUT_DIR"), "/content-zh-CN.txt"))),
        Locale::ZhTw => Some(include_str!(concat!(env!("OUT_DIR"), "/content-zh-TW.txt"))),
        // An operator's language is always fetched.
        _ => None,
    }
}

/// Each language's content once read, for the whole visit.
static PACKS: [std::sync::OnceLock<Pack>; Locale::MAX] = [const { std::sync::OnceLock::new() }; Locale::MAX];

fn slot(locale: Locale) -> &'static std::sync::OnceLock<Pack> {
    &PACKS[locale.index()]
}

/// The built-in content of a language: always there when compiled in; with `make dist`,
/// once its file has arrived ([`install`]).
pub fn pack(locale: Locale) -> Option<&'static Pack> {
    #[cfg(not(feature = "split"))]
    if let Some(file) = built_in(locale) {
        return Some(slot(locale).get_or_init(|| match pack::decode(file) {
            Ok(p) => p,
            // The build script wrote the file with `pack::encode` a moment ago.
            Err(e) => panic!("the compiled-in content of {} does not read: {e}", locale.tag()),
        }));
    }
    slot(locale).get()
}

/// Takes a fetched content file for `locale`. It is kept for the whole visit (its text is
/// leaked on purpose: the articles borrow from it, and a language is read once).
pub fn install(locale: Locale, text: String) -> Result<&'static Pack, String> {
    if let Some(p) = slot(locale).get() {
        return Ok(p);
    }
    let p = pack::decode(Box::leak(text.into_boxed_str()))?;
    if p.locale != locale.tag() {
        return Err(format!("the file holds {} content, not {}", p.locale, locale.tag()));
    }
    let keys = super::i18n::KEYS.len() + super::i18n::FRAME_KEYS.len();
    if p.interface.len() != keys {
        return Err(format!(
            "the file has {} interface strings where this version of the widget has {keys}: \
             make it again with this version's wallet-help-pack",
            p.interface.len(),
        ));
    }
    // The pack tool checked an added language as the build checks ours; checked again here,
    // since the file may have been edited since, a broken article is refused, not shown.
    if locale.is_added() {
        let sources: Vec<String> = p.articles.iter().map(|a| format!("article {}", a.id)).collect();
        let problems = validate::validate(&p.articles, &sources);
        if let Some(first) = problems.first() {
            return Err(format!("{} problem(s), the first: {first}", problems.len()));
        }
    }
    Ok(slot(locale).get_or_init(|| p))
}

/// How many languages' content is there: a change tells the app to show what arrived.
pub fn installed() -> usize {
    PACKS.iter().filter(|p| p.get().is_some()).count()
}

/// The built-in articles of a locale, sorted by id; none until the language has arrived.
pub fn defaults(locale: Locale) -> &'static [Article] {
    pack(locale).map_or(&[], |p| &p.articles)
}

/// What the widget shows: the built-in articles and checklist, as changed by the operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// Each language's articles and checklist items, by [`Locale::index`].
    articles: [std::borrow::Cow<'static, [Article]>; Locale::MAX],
    items: [std::borrow::Cow<'static, [Item]>; Locale::MAX],
    /// The newest app release, from the operator's config, for the checklist.
    pub latest_app_version: Option<String>,
    /// The operator's official contacts; `None` when the config lists none (then no contact
    /// is official).
    pub official: Option<crate::core::contacts::Official>,
    /// Support channels, forum and regulators for the escalation ladder.
    pub channels: crate::core::troubleshoot::Channels,
    /// `delivery.giveUpDays` from the operator's config, already in range; `None` uses
    /// the outbox's default.
    pub give_up_days: Option<u32>,
    /// `brandAliases` from the operator's config: how users write the brand, taken out of
    /// search queries (see [`search_index`]).
    pub brand_aliases: Vec<String>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue {
            articles: each_locale(|l| std::borrow::Cow::Borrowed(defaults(l))),
            items: each_locale(|l| std::borrow::Cow::Borrowed(checklist::defaults(l))),
            latest_app_version: None,
            official: None,
            channels: Default::default(),
            give_up_days: None,
            brand_aliases: Vec::new(),
        }
    }
}

/// A table with one entry per language slot (an empty one for a slot no language uses).
fn each_locale<T: Default>(f: impl Fn(Locale) -> T) -> [T; Locale::MAX] {
    let mut all = Locale::each();
    std::array::from_fn(|_| all.next().map(&f).unwrap_or_default())
}

impl Catalogue {
    pub fn articles(&self, locale: Locale) -> &[Article] {
        &self.articles[locale.index()]
    }

    /// The security checklist's items.
    pub fn items(&self, locale: Locale) -> &[Item] {
        &self.items[locale.index()]
    }

    pub fn set_items(&mut self, locale: Locale, items: Vec<Item>) {
        self.items[locale.index()] = std::borrow::Cow::Owned(items);
    }

    pub fn set(&mut self, locale: Locale, articles: Vec<Article>) {
        self.articles[locale.index()] = std::borrow::Cow::Owned(articles);
    }
}

pub fn find<'a>(articles: &'a [Article], id: &str) -> Option<&'a Article> {
    articles.iter().find(|a| a.id == id)
}

/// Articles of one category, in catalogue order.
pub fn in_category(articles: &[Article], category: Category) -> impl Iterator<Item = &Article> {
    articles.iter().filter(move |a| a.category == category)
}

/// Puts the operator's wallet name where the text says `{brand}`.
pub fn with_brand(text: &str, brand: &str) -> String {
    text.replace("{brand}", brand)
}

/// The search index over `articles` as the reader sees them (`{brand}` filled in): title,
/// keywords, and the summary before the body.
/// How users write the default brand ("TP钱包", "TokenPocket"…); an operator's own brand
/// names its aliases in the config's `brandAliases`.
const DEFAULT_BRAND_ALIASES: [&str; 8] =
    ["tp钱包", "tp錢包", "tp wallet", "tp-wallet", "tpwallet", "tokenpocket", "token pocket", "tp"];

/// The search index of `articles`, with `{brand}` filled in. The brand and `aliases` (and,
/// for the default brand, how users write it) are taken out of every query: almost every
/// article names the brand, and users add it to their questions ("TP钱包转账失败").
pub fn search_index(articles: &[Article], brand: &str, aliases: &[String]) -> crate::core::search::Index {
    let mut names: Vec<&str> = vec![brand];
    names.extend(aliases.iter().map(String::as_str));
    if brand.eq_ignore_ascii_case(crate::core::config::DEFAULT_BRAND) {
        names.extend(DEFAULT_BRAND_ALIASES);
    }
    let titles: Vec<String> = articles.iter().map(|a| with_brand(&a.title, brand)).collect();
    let bodies: Vec<String> = articles.iter().map(|a| with_brand(&a.plain_body(), brand)).collect();
    crate::core::search::Index::build(articles.iter().enumerate().map(|(i, a)| crate::core::search::Doc {
        title: &titles[i],
        keywords: a.keywords().collect(),
        summary: &a.summary,
        body: vec![&bodies[i]],
    }))
    .ignoring(&names)
}

// The build script's reader of the term tables, compiled here too so it is tested.
#[cfg(test)]
#[path = "../../../build/terms.rs"]
mod terms_source;

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use terms_source as terms;

    /// A pack for `tag` made of the English content, changed by `change`.
    fn english_as(tag: &str, change: impl FnOnce(&mut Pack)) -> String {
        let mut p = pack(Locale::En).expect("compiled in").clone();
        change(&mut p);
        pack::encode(tag, &p.interface, &p.articles, &p.flows, &p.checklist).unwrap()
    }

    #[test]
    fn an_added_language_is_installed_from_its_pack_with_its_text_and_frame() {
        let ms = Locale::add("ms", "wallet-help-ms.txt".into(), None).unwrap();
        assert!(pack(ms).is_none(), "fetched, never compiled in");
        assert_eq!(crate::core::i18n::frame(ms).launcher, "Help", "English until it arrives");
        let file = english_as("ms", |p| {
            let at = crate::core::i18n::KEYS.len()
                + crate::core::i18n::FRAME_KEYS.iter().position(|k| *k == "launcher").unwrap();
            p.interface[at] = "Bantuan";
            p.interface[crate::core::i18n::KEYS.iter().position(|k| *k == "back").unwrap()] = "Kembali";
            p.articles[0].title = Cow::Borrowed("Tajuk dalam bahasa Melayu");
        });
        // Another language's pack is refused for this one.
        assert!(install(ms, english_as("id", |_| {})).unwrap_err().contains("holds id content, not ms"));
        install(ms, file).unwrap();
        assert_eq!(crate::core::i18n::strings(ms).back, "Kembali");
        assert_eq!(crate::core::i18n::frame(ms).launcher, "Bantuan");
        assert_eq!(Catalogue::default().articles(ms)[0].title, "Tajuk dalam bahasa Melayu");
        assert_eq!(Catalogue::default().items(ms).len(), checklist::defaults(Locale::En).len());
        assert!(!crate::core::troubleshoot::flows(ms).is_empty());
    }

    #[test]
    fn a_pack_from_another_version_or_with_a_broken_article_is_refused() {
        let th = Locale::add("th", "wallet-help-th.txt".into(), None).unwrap();
        let short = english_as("th", |p| {
            p.interface.pop();
        });
        let e = install(th, short).unwrap_err();
        assert!(e.contains("this version of the widget has") && e.contains("wallet-help-pack"), "{e}");
        let broken = english_as("th", |p| p.articles[0].related = Cow::Borrowed("no-such-article"));
        let e = install(th, broken).unwrap_err();
        assert!(e.contains("no-such-article"), "{e}");
        assert!(pack(th).is_none(), "nothing half-read is kept");
    }

    #[test]
    fn every_locale_has_the_same_articles() {
        let ids = |l| defaults(l).iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
        assert!(ids(Locale::En).len() >= 24, "at least 24 articles");
        assert_eq!(ids(Locale::En), ids(Locale::ZhCn));
        assert_eq!(ids(Locale::ZhCn), ids(Locale::ZhTw));
    }

    /// Everything a zh-TW reader sees, as one text.
    fn all_text(locale: Locale) -> String {
        let p = pack(locale).expect("compiled in");
        let mut text = p.interface.join("\n");
        for a in &p.articles {
            text.extend([&*a.title, &*a.summary, &*a.keywords, &*a.body]);
        }
        for f in &p.flows {
            text.push_str(&f.title);
            for s in f.steps.iter() {
                text.extend([&*s.text, s.detail.as_deref().unwrap_or_default(), &*s.done]);
            }
        }
        for i in &p.checklist {
            text.extend([&*i.title, &*i.next, &*i.why, &*i.steps]);
        }
        text
    }

    #[test]
    fn a_term_table_replaces_the_longest_match_and_names_bad_lines() {
        let table = terms::read("# note\n號 → 號碼\n手機號碼 → 手機號碼\n“ → 「\n").unwrap();
        // The whole word is kept as it is, so the shorter entry does not add a second 碼.
        assert_eq!(terms::apply("手機號碼或帳號“", &table), "手機號碼或帳號碼「");
        assert_eq!(
            terms::read("a → b\nno arrow\n → x\na → c\n").unwrap_err(),
            ["2: expected `from → to`, got \"no arrow\"", "3: nothing to replace before →", "4: a is given twice"]
        );
    }

    #[test]
    fn traditional_chinese_is_made_from_the_simplified_content_with_taiwans_words() {
        let (cn, tw) = (all_text(Locale::ZhCn), all_text(Locale::ZhTw));
        // Characters that exist only in simplified writing, all common in the content.
        for c in ['帮', '账', '钱', '这', '们', '个', '说', '发', '转', '对', '应', '网', '设', '时', '请', '证', '码']
        {
            assert!(cn.contains(c), "{c} is no test: the simplified content lacks it");
            assert!(!tw.contains(c), "simplified {c} left in the traditional content");
        }
        // The term table: Taiwan's 帳 and corner-bracket quotes, the measure-word slip fixed.
        for (mainland, taiwan) in [("賬", "帳戶"), ("“", "「"), ("反饋", "回饋"), ("隻能", "只能")] {
            assert!(!tw.contains(mainland), "{mainland} left in the traditional content");
            assert!(tw.contains(taiwan), "{taiwan} missing from the traditional content");
        }
        // Only the writing changes: the same structure, links and slots.
        let links = |t: &str| t.matches("article:").count() + t.matches("{brand}").count();
        assert_eq!(links(&cn), links(&tw));
        assert_eq!(pack(Locale::ZhTw).map(|p| p.locale), Some("zh-TW"));
    }

    #[test]
    fn the_compiled_content_is_valid_and_covers_every_category() {
        for locale in Locale::ALL {
            let articles = defaults(locale);
            let sources: Vec<String> = articles.iter().map(|a| a.id.to_string()).collect();
            assert_eq!(validate::validate(articles, &sources), vec![]);
            for c in Category::ALL {
                assert!(in_category(articles, c).count() >= 2, "{locale:?} {c:?}");
            }
        }
    }

    #[test]
    fn the_seed_topics_are_covered() {
        for id in [
            "tx-problem",
            "real-support",
            "account-security",
            "complaint-escalation",
            "suggestions",
            "app-crash",
            "tx-pending",
            "login-failed",
            "wrong-balance",
            "payment-failed",
            "refund",
            "account-stolen",
            "data-leak",
            "support-channels",
            "complaint-tips",
            "complaint-letter",
            "regulator",
            "community-forum",
            "two-factor",
            "strong-password",
            "public-wifi",
            "seed-phrase",
            "phishing",
            "update-app",
            "device-security",
            "check-history",
        ] {
            for locale in Locale::ALL {
                assert!(find(defaults(locale), id).is_some(), "{locale:?} {id}");
            }
        }
    }

    #[test]
    fn support_is_said_never_to_ask_for_secrets() {
        let en = find(defaults(Locale::En), "real-support").map(|a| a.plain_body()).unwrap_or_default();
        assert!(en.contains("seed phrase") && en.contains("private key"), "{en}");
        let zh = find(defaults(Locale::ZhCn), "real-support").map(|a| a.plain_body()).unwrap_or_default();
        assert!(zh.contains("助记词") && zh.contains("私钥"), "{zh}");
    }

    #[test]
    fn brand_is_substituted() {
        assert_eq!(with_brand("Ask {brand} support", "AcmeWallet"), "Ask AcmeWallet support");
    }

    fn article(id: &'static str, related: &'static str, body: &'static str) -> Article {
        Article {
            id: Cow::Borrowed(id),
            category: Category::Support,
            title: Cow::Borrowed("Title"),
            summary: Cow::Borrowed("Summary"),
            keywords: Cow::Borrowed(""),
            related: Cow::Borrowed(related),
            updated: Cow::Borrowed("2026-11-25"),
            body: Cow::Borrowed(body),
        }
    }

    #[test]
    fn validation_names_the_source_field_and_problem() {
        let mut bad = article("a", "nowhere", "Psee \u{3}javascript:alert(1)\u{4}this\u{5}");
        bad.title = Cow::Borrowed(" ");
        bad.updated = Cow::Borrowed("25.11.2026");
        let articles =
            vec![bad, article("a", "", "P\u{3}article:ghost\u{4}ghost\u{5}"), article("Bad Id", "Bad Id", "")];
        let sources = vec!["en/a.md".to_string(), "en/a2.md".to_string(), "config.articles.en[0]".to_string()];
        let problems: Vec<String> = validate::validate(&articles, &sources).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            vec![
                "en/a.md: title: is empty",
                "en/a.md: updated: \"25.11.2026\" is not a date (YYYY-MM-DD)",
                "en/a.md: related: no article with id \"nowhere\"",
                "en/a.md: body: link \"javascript:alert(1)\" is not allowed (use article:, https:, mailto: or tel:)",
                "en/a2.md: id: duplicate id \"a\"",
                "en/a2.md: body: link \"article:ghost\": no article with id \"ghost\"",
                "config.articles.en[0]: id: \"Bad Id\" is not a valid id (lower-case letters, digits and dashes)",
                "config.articles.en[0]: body: is empty",
                "config.articles.en[0]: related: \"Bad Id\" points to the article itself",
            ]
        );
    }

    #[test]
    fn the_compact_body_decodes_into_blocks_and_styled_spans() {
        let a = article("x", "", "PPlain \u{1}bold\u{1} and \u{2}soft\u{2}.\n2Steps\n1One\n1Two \u{3}article:y\u{4}see \u{1}y\u{1}\u{5}!\n-Dot\nPEnd");
        let blocks = a.blocks();
        assert_eq!(blocks.len(), 5);
        let plain = |text| Span { text, strong: false, emphasis: false, link: None };
        assert_eq!(
            blocks[0],
            Block::Paragraph(vec![
                plain("Plain "),
                Span { text: "bold", strong: true, emphasis: false, link: None },
                plain(" and "),
                Span { text: "soft", strong: false, emphasis: true, link: None },
                plain("."),
            ])
        );
        assert_eq!(blocks[1], Block::Heading(2, vec![plain("Steps")]));
        let Block::List { ordered: true, items } = &blocks[2] else { panic!("{:?}", blocks[2]) };
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[1],
            vec![
                plain("Two "),
                Span { text: "see ", strong: false, emphasis: false, link: Some("article:y") },
                Span { text: "y", strong: true, emphasis: false, link: Some("article:y") },
                plain("!"),
            ]
        );
        assert!(matches!(&blocks[3], Block::List { ordered: false, items } if items.len() == 1));
        assert_eq!(a.plain_body(), "Plain bold and soft.\nSteps\nOne\nTwo see y!\nDot\nEnd\n");
        assert_eq!(markup::clean("a\u{1}b\nc\u{7}"), "ab c");
    }

    #[test]
    fn links_are_limited_to_safe_schemes() {
        assert_eq!(link_target("article:seed-phrase"), Some(Target::Article("seed-phrase")));
        assert_eq!(link_target("https://wallet.example/help"), Some(Target::External("https://wallet.example/help")));
        assert!(link_target("mailto:help@wallet.example").is_some());
        assert!(link_target("tel:+86 400-000-0000").is_some());
        for bad in
            ["http://wallet.example", "javascript:alert(1)", "data:text/html,x", "tel:call-me", "https://", "mailto:x"]
        {
            assert_eq!(link_target(bad), None, "{bad}");
        }
    }
}
