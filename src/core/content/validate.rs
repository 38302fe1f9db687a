//! Checks a set of articles before the widget trusts them: the build script runs it on
//! `content/` (and fails the build), the widget on operator content (and skips the article).
//! Every problem names where it is and which field.

use super::model::{link_target, Article, Target};
use std::collections::HashSet;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A file path or a config location such as `config.articles.en[3]`.
    pub source: String,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.source, self.field, self.message)
    }
}

/// Whether an id is usable in a URL hash and a file name: lower-case kebab.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// All problems in one locale's articles; `sources[i]` says where `articles[i]` came from.
pub fn validate(articles: &[Article], sources: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_ref()).collect();
    let mut seen = HashSet::new();
    for (i, a) in articles.iter().enumerate() {
        let source = sources.get(i).cloned().unwrap_or_else(|| format!("article {i}"));
        let mut report =
            |field: &'static str, message: String| problems.push(Problem { source: source.clone(), field, message });
        if !is_valid_id(&a.id) {
            report("id", format!("{:?} is not a valid id (lower-case letters, digits and dashes)", a.id));
        }
        if !seen.insert(a.id.as_ref()) {
            report("id", format!("duplicate id {:?}", a.id));
        }
        if a.title.trim().is_empty() {
            report("title", "is empty".into());
        }
        if a.summary.trim().is_empty() {
            report("summary", "is empty".into());
        }
        if a.body.trim().is_empty() {
            report("body", "is empty".into());
        }
        if !is_date(&a.updated) {
            report("updated", format!("{:?} is not a date (YYYY-MM-DD)", a.updated));
        }
        for r in a.related() {
            if r == a.id {
                report("related", format!("{r:?} points to the article itself"));
            } else if !ids.contains(r) {
                report("related", format!("no article with id {r:?}"));
            }
        }
        for block in a.blocks() {
            for span in block.lines().into_iter().flatten() {
                match span.link.map(|href| (href, link_target(href))) {
                    None => {}
                    Some((href, None)) => {
                        report("body", format!("link {href:?} is not allowed (use article:, https:, mailto: or tel:)"))
                    }
                    Some((href, Some(Target::Article(id)))) if !ids.contains(id) => {
                        report("body", format!("link {href:?}: no article with id {id:?}"))
                    }
                    Some(_) => {}
                }
            }
        }
    }
    problems
}
