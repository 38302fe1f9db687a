//! The index: a sorted vocabulary, one posting list per term, and the typo map. Everything
//! lives in a few flat vectors (no per-term allocation), so queries touch little memory.
//! Building it is [`super::builder`]'s job.

use super::builder::Builder;
use super::Doc;

/// Field bits of a posting (its low byte); bits 3–5 count extra body occurrences (0–4).
pub(super) const TITLE: u32 = 1;
pub(super) const KEYWORD: u32 = 2;
pub(super) const BODY: u32 = 4;
pub(super) const EXTRA_BODY: u32 = 1 << 3;
pub(super) const MAX_EXTRA_BODY: u32 = 4;
/// The one-sentence summary: what the article is about, between keywords and body.
pub(super) const SUMMARY: u32 = 1 << 6;
pub(super) const DOC_SHIFT: u32 = 8;

/// What one posting is worth in the title, the keywords and the summary, and in the body
/// (before its length normalisation). Title beats keywords beats summary beats body whatever
/// the body repeats (a body counts at most 1 + 4 × 0.25 = 2).
const fn weights_of(bits: u32) -> [f32; 3] {
    let title = if bits & TITLE != 0 { 8.0 } else { 0.0 };
    let keyword = if bits & KEYWORD != 0 { 4.0 } else { 0.0 };
    let summary = if bits & SUMMARY != 0 { 2.5 } else { 0.0 };
    let body = if bits & BODY != 0 { 1.0 + 0.25 * ((bits >> 3) & 7) as f32 } else { 0.0 };
    [title, keyword + summary, body]
}

/// `weights_of` for every low byte a posting can have, so the query loop does one load.
const WEIGHTS: [[f32; 3]; 128] = {
    let mut table = [[0.0; 3]; 128];
    let mut bits = 0;
    while bits < 128 {
        table[bits] = weights_of(bits as u32);
        bits += 1;
    }
    table
};

/// Title, keywords + summary, and body weight of a posting in document `doc`.
pub(super) fn weights(posting: u32) -> [f32; 3] {
    WEIGHTS[(posting & 127) as usize]
}

pub(super) fn doc_of(posting: u32) -> usize {
    (posting >> DOC_SHIFT) as usize
}

/// A search index over one locale's articles; see [`Index::build`] and [`Index::search`].
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// All distinct terms in byte order, concatenated: term `i` is `vocab[bounds[i]..bounds[i + 1]]`.
    pub(super) vocab: String,
    pub(super) bounds: Vec<u32>,
    /// Postings of term `i` are `postings[starts[i]..starts[i + 1]]`, in document order,
    /// each `doc << 8 | field bits`.
    pub(super) starts: Vec<u32>,
    pub(super) postings: Vec<u32>,
    /// `hash of a term with one character removed << 32 | term`, sorted: the typo candidates.
    pub(super) deletions: Vec<u64>,
    pub(super) docs: usize,
    /// Names taken out of every query (the brand and its aliases), lowercase, longest first.
    pub(super) ignored: Vec<String>,
    /// Per document: what a body match is multiplied by (BM25 length normalisation).
    pub(super) body_norms: Vec<f32>,
}

impl Index {
    /// Indexes `docs` (up to 16 million); results refer to them by their position in this
    /// order. About 30 ms for 1,000 articles in the browser; see `tests/search_bench.rs`.
    pub fn build<'a>(docs: impl IntoIterator<Item = Doc<'a>>) -> Index {
        let mut builder = Builder::default();
        for doc in docs {
            builder.add(&doc);
        }
        builder.finish()
    }

    /// Takes `names` (the brand as users write it: "TP钱包", "TokenPocket", "tpwallet") out of
    /// every query: nearly every article names the brand, so it says nothing about which one
    /// is meant, and users add it to half their questions.
    pub fn ignoring<S: AsRef<str>>(mut self, names: &[S]) -> Index {
        let mut ignored: Vec<String> =
            names.iter().map(|n| n.as_ref().trim().to_ascii_lowercase()).filter(|n| !n.is_empty()).collect();
        // Longest first, so "tp钱包" goes before "tp".
        for i in 1..ignored.len() {
            let mut j = i;
            while j > 0 && ignored[j].len() > ignored[j - 1].len() {
                ignored.swap(j, j - 1);
                j -= 1;
            }
        }
        self.ignored = ignored;
        self
    }

    /// `query` without the ignored names (whole words only for Latin names: "tp" is not taken
    /// out of "https").
    pub(super) fn without_ignored<'q>(&self, query: &'q str) -> std::borrow::Cow<'q, str> {
        if self.ignored.is_empty() {
            return query.into();
        }
        let lower = query.to_ascii_lowercase();
        let mut cut = vec![false; query.len()];
        for name in &self.ignored {
            for (at, _) in lower.match_indices(name.as_str()) {
                let word_char = |i: Option<&u8>| i.is_some_and(u8::is_ascii_alphanumeric);
                let bytes = lower.as_bytes();
                let starts_word =
                    !name.as_bytes()[0].is_ascii_alphanumeric() || at == 0 || !word_char(bytes.get(at - 1));
                let last = name.as_bytes()[name.len() - 1];
                let ends_word = !last.is_ascii_alphanumeric() || !word_char(bytes.get(at + name.len()));
                if starts_word && ends_word && !cut[at..at + name.len()].iter().any(|c| *c) {
                    cut[at..at + name.len()].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        if !cut.contains(&true) {
            return query.into();
        }
        // Cut ranges become spaces, so the words on either side stay apart.
        let mut out = String::with_capacity(query.len());
        for (i, c) in query.char_indices() {
            out.push(if cut[i] { ' ' } else { c });
        }
        out.into()
    }

    /// Number of documents indexed.
    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Approximate memory held by the index, in bytes (for budgets and diagnostics).
    pub fn heap_bytes(&self) -> usize {
        self.vocab.capacity()
            + 4 * (self.bounds.capacity() + self.starts.capacity() + self.postings.capacity())
            + 8 * self.deletions.capacity()
    }

    pub(super) fn terms(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    pub(super) fn term(&self, id: usize) -> &str {
        &self.vocab[self.bounds[id] as usize..self.bounds[id + 1] as usize]
    }

    pub(super) fn postings(&self, id: usize) -> &[u32] {
        &self.postings[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The first term id for which `before(term)` is false (terms are sorted).
    pub(super) fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.terms());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if before(self.term(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    pub(super) fn find(&self, term: &str) -> Option<usize> {
        let id = self.partition(|t| t < term);
        (id < self.terms() && self.term(id) == term).then_some(id)
    }
}
