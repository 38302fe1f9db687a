//! The FAQ articles shipped in the Wasm, one set per locale, and the block structure their
//! bodies are rendered from. Bodies are plain text: a `- ` line is a list item.

use super::config::Locale;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    pub category: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub body: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    locale: String,
    articles: Vec<Article>,
}

/// One rendered piece of an article body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

const EN: &str = include_str!("../../content/faq.en.json");
const ZH_CN: &str = include_str!("../../content/faq.zh-CN.json");

/// The default articles of a locale, parsed once. The files are checked by the tests, so a
/// broken file cannot ship; should one still fail to parse, the FAQ is empty, not a panic.
pub fn articles(locale: Locale) -> &'static [Article] {
    static EN_SET: OnceLock<Vec<Article>> = OnceLock::new();
    static ZH_SET: OnceLock<Vec<Article>> = OnceLock::new();
    let (cell, src) = match locale {
        Locale::En => (&EN_SET, EN),
        Locale::ZhCn => (&ZH_SET, ZH_CN),
    };
    cell.get_or_init(|| parse(src, locale).unwrap_or_default())
}

/// Parses a content file, refusing one written for another locale.
fn parse(src: &str, locale: Locale) -> Option<Vec<Article>> {
    let file: File = serde_json::from_str(src).ok()?;
    (file.locale == locale.tag()).then_some(file.articles)
}

pub fn find(locale: Locale, id: &str) -> Option<&'static Article> {
    articles(locale).iter().find(|a| a.id == id)
}

/// Puts the operator's wallet name where the text says `{brand}`.
pub fn with_brand(text: &str, brand: &str) -> String {
    text.replace("{brand}", brand)
}

/// Groups consecutive `- ` lines into one list.
pub fn blocks(body: &[String]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in body {
        match line.strip_prefix("- ") {
            Some(item) => match out.last_mut() {
                Some(Block::List(items)) => items.push(item.trim().to_string()),
                _ => out.push(Block::List(vec![item.trim().to_string()])),
            },
            None => out.push(Block::Paragraph(line.trim().to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_locales_parse_with_the_same_articles_in_the_same_order() {
        let en = parse(EN, Locale::En).expect("en parses");
        let zh = parse(ZH_CN, Locale::ZhCn).expect("zh-CN parses");
        assert!(en.len() >= 5, "at least the seed's five questions");
        let ids = |v: &[Article]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&en), ids(&zh));
        assert!(parse(EN, Locale::ZhCn).is_none(), "a file for another locale is refused");
    }

    #[test]
    fn every_article_is_complete() {
        for locale in [Locale::En, Locale::ZhCn] {
            for a in articles(locale) {
                assert!(!a.title.trim().is_empty() && !a.summary.trim().is_empty(), "{}", a.id);
                assert!(a.body.len() >= 2, "{} has a body", a.id);
                assert!(
                    ["technical", "account", "transaction", "security", "contact"].contains(&a.category.as_str()),
                    "{} category {}",
                    a.id,
                    a.category
                );
            }
        }
    }

    #[test]
    fn the_seed_faq_topics_are_covered() {
        for id in ["tx-problem", "real-support", "account-security", "complaint-escalation", "suggestions"] {
            assert!(find(Locale::En, id).is_some(), "en {id}");
            assert!(find(Locale::ZhCn, id).is_some(), "zh {id}");
        }
        assert!(find(Locale::En, "nope").is_none());
    }

    #[test]
    fn list_lines_group_into_one_list() {
        let body: Vec<String> = ["Intro", "- one", "- two", "Middle", "- three"].map(String::from).to_vec();
        assert_eq!(
            blocks(&body),
            vec![
                Block::Paragraph("Intro".into()),
                Block::List(vec!["one".into(), "two".into()]),
                Block::Paragraph("Middle".into()),
                Block::List(vec!["three".into()]),
            ]
        );
    }

    #[test]
    fn brand_is_substituted() {
        assert_eq!(with_brand("Ask {brand} support", "AcmeWallet"), "Ask AcmeWallet support");
    }
}
