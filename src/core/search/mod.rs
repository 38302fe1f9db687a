//! Full-text search over the FAQ: one [`Index`] per locale, built once in the browser the
//! first time the user searches, then queried on every keystroke.
//!
//! The design follows the latency budget (p50 ≤ 0.1 ms, p99 ≤ 1 ms at 1,000 articles in
//! Wasm) while staying small in the bundle (std only, few generic instantiations):
//! - [`text`]: how text becomes terms — lowercased Latin words ([`stem`] sends an English
//!   word's forms to one stem), and
//!   overlapping bigrams plus single characters for Chinese/Japanese/Korean runs, which have
//!   no spaces between words.
//! - [`index`]: a sorted vocabulary (prefix ranges by binary search), flat posting lists that
//!   carry which fields a term occurs in, and a one-deletion map for typo candidates;
//!   [`builder`] makes it in one pass.
//! - [`rank`]: scores in one flat per-document array, documents matching more query terms
//!   first, then field weight × match quality × rarity; [`sort`] keeps the top k as packed
//!   integer keys.
//! - [`highlight()`]: which parts of a title or summary the query matched, for display.
//! - [`Latest`]: drops results of a keystroke that a newer keystroke has superseded.

mod builder;
mod highlight;
mod index;
mod latest;
mod query;
mod rank;
mod sort;
mod stem;
mod text;

#[cfg(test)]
mod tests_content;
#[cfg(test)]
mod tests_en;
#[cfg(test)]
mod tests_rank;
#[cfg(test)]
mod tests_zh;

pub use highlight::highlight;
pub use index::Index;
pub use latest::{Latest, Ticket};

/// One article as the index sees it. The fields are borrowed only while the index is built.
///
/// `keywords` and `body` are lists so content stored as several strings (keywords, summary
/// plus body paragraphs) needs no joining; terms never span two entries.
#[derive(Clone, Debug, Default)]
pub struct Doc<'a> {
    pub title: &'a str,
    pub keywords: Vec<&'a str>,
    /// The one-sentence summary: weighs more than the body.
    pub summary: &'a str,
    /// Plain text.
    pub body: Vec<&'a str>,
}

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Position of the document in the order given to [`Index::build`].
    pub doc: usize,
    /// Relevance among documents that matched as many query terms; only meaningful to
    /// compare hits of the same query.
    pub score: f32,
    /// How many of the query's terms this document contains (common words such as "how" or
    /// "the" are not counted unless the query has nothing else).
    pub matched: u32,
    /// How many terms the query has, counted the same way: `matched == terms` means the
    /// document matched the whole query.
    pub terms: u32,
}

/// Results whose score is below this share of the best one's are noise next to it: shown
/// only on request ("more results").
pub const STRONG_SHARE: f32 = 0.3;

/// How many of `hits` (best first, from one search) are strong: within [`STRONG_SHARE`] of
/// the best score. At least one when there are any.
pub fn strong(hits: &[Hit]) -> usize {
    let Some(best) = hits.first().map(|h| h.score) else { return 0 };
    hits.iter().take_while(|h| h.score >= best * STRONG_SHARE).count()
}

/// A one-paragraph document, for the tests.
#[cfg(test)]
fn doc<'a>(title: &'a str, keywords: &[&'a str], body: &'a str) -> Doc<'a> {
    Doc { title, keywords: keywords.to_vec(), summary: "", body: vec![body] }
}
