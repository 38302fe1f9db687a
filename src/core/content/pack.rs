//! One language's content as one text file: its interface text, its FAQ articles, its
//! troubleshooting flows and its security checklist.
//! Std-only on purpose: the build script includes this file to write the files, and the
//! widget reads them, compiled in (tests, `HelpWidget`) or fetched (`make dist`), so a
//! visitor downloads only the language they read.
//!
//! The format is records separated by RS (U+001E), fields by US (U+001F): no escaping, no
//! parser beyond `split`, and the decoded text borrows from the file (nothing is copied).
//! The build refuses content holding either separator.
//!
//! ```text
//! wallet-help content 1 US <locale tag>                  header
//! I US value US value …                                  the interface text: core::i18n::KEYS, then FRAME_KEYS
//! A US id US category US title US summary US keywords US related US updated US body
//! F US case US category US title                          a flow; its steps follow
//! S US id US text US detail US articles US done US urgent one step ("+detail" or "", "1" or "")
//! K US id US title US next US why US steps US articles US tool   a checklist item (tool: "verifier" or "")
//! ```

use super::checklist_model::{Item, Tool};
use super::flow_model::{Category as FlowCategory, Flow, Step};
use super::model::{Article, Category, Text};
use std::borrow::Cow;

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';
/// Names the format: a file of another format is refused, not misread.
const MAGIC: &str = "wallet-help content 1";

/// One language's built-in content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// The BCP 47 tag the file was built for.
    pub locale: &'static str,
    pub articles: Vec<Article>,
    pub flows: Vec<Flow>,
    pub checklist: Vec<Item>,
    /// The interface text, one value per key of `core::i18n::KEYS` and then of `FRAME_KEYS`.
    pub interface: Vec<&'static str>,
}

/// The header's language tag, as the widget takes one for an added language: `vi`, `pt-BR`, `sr-Latn`: a language of 2–3 letters, then parts of 2–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Writes the file. A field holding a separator is an error naming it.
pub fn encode(
    locale: &str,
    interface: &[&str],
    articles: &[Article],
    flows: &[Flow],
    checklist: &[Item],
) -> Result<String, String> {
    let mut out = String::new();
    let mut record = |kind: &str, fields: &[&str]| -> Result<(), String> {
        if let Some(bad) = fields.iter().find(|f| f.contains([RECORD, FIELD])) {
            return Err(format!("{kind} record: {bad:?} holds U+001E or U+001F"));
        }
        out.push_str(kind);
        for f in fields {
            out.push(FIELD);
            out.push_str(f);
        }
        out.push(RECORD);
        Ok(())
    };
    record(MAGIC, &[locale])?;
    record("I", interface)?;
    for a in articles {
        let category = a.category.name();
        record("A", &[&a.id, category, &a.title, &a.summary, &a.keywords, &a.related, &a.updated, &a.body])?;
    }
    for f in flows {
        record("F", &[&f.case, f.category.name(), &f.title])?;
        for s in f.steps.iter() {
            let detail = s.detail.as_deref().map(|d| format!("+{d}")).unwrap_or_default();
            record("S", &[&s.id, &s.text, &detail, &s.articles, &s.done, if s.urgent { "1" } else { "" }])?;
        }
    }
    for i in checklist {
        let tool = match i.tool {
            Some(Tool::Verifier) => "verifier",
            None => "",
        };
        record("K", &[&i.id, &i.title, &i.next, &i.why, &i.steps, &i.articles, tool])?;
    }
    Ok(out)
}

/// Reads a file written by [`encode`]. The text must live as long as the content (the
/// widget keeps a fetched file for the whole visit). Errors name the record.
pub fn decode(text: &'static str) -> Result<Pack, String> {
    let mut records = text.split_terminator(RECORD).enumerate();
    let locale = match records.next().map(|(_, r)| r.split_once(FIELD)) {
        Some(Some((MAGIC, tag))) if !tag.is_empty() => tag,
        _ => return Err(format!("not a content file (it must start with {MAGIC:?})")),
    };
    // Every record ends with RS, the last one too: a file cut short is refused, not read in part.
    if !text.ends_with(RECORD) {
        return Err("the file is cut short".into());
    }
    let mut pack =
        Pack { locale, articles: Vec::new(), flows: Vec::new(), checklist: Vec::new(), interface: Vec::new() };
    let b = |s: &'static str| -> Text { Cow::Borrowed(s) };
    for (n, record) in records {
        let fields: Vec<&'static str> = record.split(FIELD).collect();
        let bad = |what: &str| format!("record {n}: {what}");
        match fields.as_slice() {
            ["I", values @ ..] => pack.interface = values.to_vec(),
            ["A", id, category, title, summary, keywords, related, updated, body] => {
                let category =
                    Category::parse(category).ok_or_else(|| bad(&format!("unknown category {category:?}")))?;
                pack.articles.push(Article {
                    id: b(id),
                    category,
                    title: b(title),
                    summary: b(summary),
                    keywords: b(keywords),
                    related: b(related),
                    updated: b(updated),
                    body: b(body),
                });
            }
            ["F", case, category, title] => {
                let category =
                    FlowCategory::parse(category).ok_or_else(|| bad(&format!("unknown category {category:?}")))?;
                pack.flows.push(Flow { case: b(case), category, title: b(title), steps: Cow::Owned(Vec::new()) });
            }
            ["S", id, text, detail, articles, done, urgent] => {
                let flow = pack.flows.last_mut().ok_or_else(|| bad("a step before any flow"))?;
                let detail = match *detail {
                    "" => None,
                    d => Some(b(d.strip_prefix('+').ok_or_else(|| bad("detail must start with +"))?)),
                };
                let urgent = match *urgent {
                    "1" => true,
                    "" => false,
                    other => return Err(bad(&format!("urgent must be 1 or empty, got {other:?}"))),
                };
                flow.steps.to_mut().push(Step {
                    id: b(id),
                    text: b(text),
                    detail,
                    articles: b(articles),
                    done: b(done),
                    urgent,
                });
            }
            ["K", id, title, next, why, steps, articles, tool] => {
                let tool = match *tool {
                    "verifier" => Some(Tool::Verifier),
                    "" => None,
                    other => return Err(bad(&format!("unknown tool {other:?}"))),
                };
                pack.checklist.push(Item {
                    id: b(id),
                    title: b(title),
                    next: b(next),
                    why: b(why),
                    steps: b(steps),
                    articles: b(articles),
                    tool,
                });
            }
            [kind, ..] => return Err(bad(&format!("{kind:?} with {} fields", fields.len()))),
            [] => return Err(bad("empty")),
        }
    }
    Ok(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &'static str) -> Article {
        Article {
            id: Cow::Borrowed(id),
            category: Category::Security,
            title: "标题 title".into(),
            summary: "summary".into(),
            keywords: "a,b".into(),
            related: "".into(),
            updated: "2026-12-06".into(),
            body: "P\u{1}bold\u{1} text\n".into(),
        }
    }

    fn flow() -> Flow {
        let step = |id: &'static str, detail: Option<&'static str>, urgent| Step {
            id: id.into(),
            text: "Do this.".into(),
            detail: detail.map(Into::into),
            articles: "x".into(),
            done: "I did this.".into(),
            urgent,
        };
        Flow {
            case: "funds-drained".into(),
            category: FlowCategory::Security,
            title: "My funds are gone".into(),
            steps: Cow::Owned(vec![step("stop", None, true), step("report", Some("Why it helps."), false)]),
        }
    }

    fn item(id: &'static str, tool: Option<Tool>) -> Item {
        Item {
            id: id.into(),
            title: "两步验证已开启".into(),
            next: "turn it on".into(),
            why: "Why.".into(),
            steps: "One.\nTwo.".into(),
            articles: "one,two".into(),
            tool,
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let articles = [article("one"), article("two")];
        let checklist = [item("two-factor", None), item("official-support", Some(Tool::Verifier))];
        let text = encode("zh-CN", &["返回", "Search: words"], &articles, &[flow()], &checklist).unwrap();
        let pack = decode(Box::leak(text.into_boxed_str())).unwrap();
        let want = Pack {
            locale: "zh-CN",
            articles: articles.to_vec(),
            flows: vec![flow()],
            checklist: checklist.to_vec(),
            interface: vec!["返回", "Search: words"],
        };
        assert_eq!(pack, want);
    }

    #[test]
    fn an_empty_detail_is_kept_apart_from_no_detail() {
        let mut f = flow();
        f.steps.to_mut()[0].detail = Some("".into());
        let text = encode("en", &[], &[], std::slice::from_ref(&f), &[]).unwrap();
        assert_eq!(decode(Box::leak(text.into_boxed_str())).unwrap().flows, vec![f]);
    }

    #[test]
    fn a_separator_in_the_content_is_refused_at_build_time() {
        let mut a = article("one");
        a.title = "bad\u{1e}title".into();
        assert!(encode("en", &[], &[a], &[], &[]).unwrap_err().contains("bad\\u{1e}title"));
    }

    #[test]
    fn a_damaged_or_foreign_file_is_refused_with_the_record() {
        let good = encode("en", &["Back"], &[article("one")], &[flow()], &[item("x", None)]).unwrap();
        let cases = [
            ("<!doctype html><p>Not found", "not a content file"),
            ("wallet-help content 2\u{1f}en\u{1e}", "not a content file"),
            ("wallet-help content 1\u{1f}\u{1e}", "not a content file"),
            (
                "wallet-help content 1\u{1f}en\u{1e}S\u{1f}a\u{1f}b\u{1f}\u{1f}c\u{1f}d\u{1f}\u{1e}",
                "record 1: a step before any flow",
            ),
            ("wallet-help content 1\u{1f}en\u{1e}A\u{1f}x\u{1e}", "record 1: \"A\" with 2 fields"),
        ];
        for (text, error) in cases {
            let got = decode(text).unwrap_err();
            assert!(got.contains(error), "{text:?}: {got}");
        }
        for cut in [1, 3, 30] {
            let cut: &'static str = Box::leak(good[..good.len() - cut].to_string().into_boxed_str());
            assert_eq!(decode(cut).unwrap_err(), "the file is cut short");
        }
        let bad_category: &'static str = Box::leak(good.replace("security", "food").into_boxed_str());
        assert!(decode(bad_category).unwrap_err().contains("unknown category \"food\""));
        let bad_tool: &'static str =
            Box::leak(good.replacen("one,two\u{1f}", "one,two\u{1f}hammer", 1).into_boxed_str());
        assert!(decode(bad_tool).unwrap_err().contains("unknown tool \"hammer\""));
    }
}
