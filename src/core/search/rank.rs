//! Answering a query: each query term is expanded to the indexed terms it matches (exact,
//! completions of the last word, one-typo neighbours), their postings are scored into flat
//! per-document arrays, and the best `limit` documents are picked by partial sort.

use super::index::{doc_of, weight, Index};
use super::query::{counts, parse, prefix_quality, Term, EXACT, TYPO};
use super::text::{fnv, for_each_deletion, within_one, FNV_SEED};
use super::Hit;

/// At most this many completions of the last word are searched, the most frequent ones:
/// "re" may start hundreds of words and the user will type on anyway.
const MAX_COMPLETIONS: usize = 32;

impl Index {
    /// The documents matching `query`, best first, at most `limit`.
    ///
    /// Documents containing more of the query's terms come first; among those, a term in
    /// the title counts more than in the keywords, more than in the body; an exact word more
    /// than a completion of the last word, more than a word one typo away; rare terms more
    /// than common ones. Equal scores keep the build order. A query with nothing searchable
    /// (empty, spaces, punctuation) returns nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms = parse(query);
        if terms.is_empty() || limit == 0 || self.docs == 0 {
            return Vec::new();
        }
        let n = self.docs;
        let mut score = vec![0f32; n];
        let mut mask = vec![0u32; n];
        let mut seen = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        // Best weight of the current term per document: a term counts once per document,
        // through its best matching word ("trans" must not add up "transfer" and "transaction").
        let mut best = vec![0f32; n];
        let mut term_docs: Vec<u32> = Vec::new();
        let mut matches: Vec<(usize, f32)> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            self.expand(term, &mut matches);
            for &(id, quality) in &matches {
                for &posting in self.postings(id) {
                    let doc = doc_of(posting);
                    let w = weight(posting) * quality;
                    if best[doc] == 0.0 {
                        term_docs.push(doc as u32);
                    }
                    if w > best[doc] {
                        best[doc] = w;
                    }
                }
            }
            // Rarity, over the documents this term reached through any of its words.
            let idf = 1.0 + (n as f32 / term_docs.len().max(1) as f32).ln();
            let bit = if counts(term, &terms) { 1 << i } else { 0 };
            for &doc in &term_docs {
                let d = doc as usize;
                score[d] += best[d] * idf;
                mask[d] |= bit;
                best[d] = 0.0;
                if !seen[d] {
                    seen[d] = true;
                    touched.push(doc);
                }
            }
            term_docs.clear();
        }
        let total = terms.iter().filter(|t| counts(t, &terms)).count() as u32;
        let mut keys: Vec<u64> = touched
            .iter()
            .map(|&d| d as usize)
            .filter(|&d| mask[d] != 0)
            .map(|d| order_key(mask[d].count_ones(), score[d], d))
            .collect();
        if keys.len() > limit {
            keys.select_nth_unstable(limit - 1);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        keys.into_iter().map(|key| hit(key, total)).collect()
    }

    /// The indexed terms `term` matches, with their match quality, each once.
    fn expand(&self, term: &Term, out: &mut Vec<(usize, f32)>) {
        out.clear();
        if let Some(id) = self.find(&term.text) {
            out.push((id, EXACT));
        }
        if term.prefix {
            self.completions(&term.text, out);
        }
        if term.fuzzy {
            self.typos(&term.text, out);
            if let Some(unstripped) = &term.unstripped {
                self.typos(unstripped, out);
            }
        }
    }

    fn completions(&self, prefix: &str, out: &mut Vec<(usize, f32)>) {
        let lo = self.partition(|t| t <= prefix);
        let hi = self.partition(|t| t < prefix || t.starts_with(prefix));
        let mut ids: Vec<usize> = (lo..hi).collect();
        if ids.len() > MAX_COMPLETIONS {
            let df = |id: &usize| std::cmp::Reverse(self.postings(*id).len());
            ids.select_nth_unstable_by_key(MAX_COMPLETIONS - 1, df);
            ids.truncate(MAX_COMPLETIONS);
        }
        // Byte lengths: completions are Latin words, where bytes and letters mostly agree.
        out.extend(
            ids.into_iter()
                .map(|id| (id, prefix_quality(prefix.len(), self.term(id).len()))),
        );
    }

    /// Terms one edit away from `word`, found through shared one-character deletions and
    /// then verified, since deletions over-approximate (and hashes may collide).
    fn typos(&self, word: &str, out: &mut Vec<(usize, f32)>) {
        let mut candidates: Vec<usize> = Vec::new();
        let mut shorter = String::with_capacity(word.len());
        // `word` is a term minus one letter (the user missed one).
        self.with_deletion_hash(fnv(FNV_SEED, word.as_bytes()), &mut candidates);
        for_each_deletion(word, |hash, removed| {
            // Both lost the same letter position: a substitution or a swap.
            self.with_deletion_hash(hash, &mut candidates);
            // `word` minus a letter is a term (the user typed one too many).
            shorter.clear();
            shorter.push_str(&word[..removed.start]);
            shorter.push_str(&word[removed.end..]);
            candidates.extend(self.find(&shorter));
        });
        for id in candidates {
            if !out.iter().any(|m| m.0 == id) && within_one(word, self.term(id)) {
                out.push((id, TYPO));
            }
        }
    }

    fn with_deletion_hash(&self, hash: u32, out: &mut Vec<usize>) {
        let from = self.deletions.partition_point(|e| e.0 < hash);
        let same = self.deletions[from..].iter().take_while(|e| e.0 == hash);
        out.extend(same.map(|e| e.1 as usize));
    }
}

/// Documents beyond this position cannot be ordered by [`order_key`]; the posting format
/// already stops at 2^24 documents.
const DOC_BITS: u32 = 26;
const DOC_MASK: u64 = (1 << DOC_BITS) - 1;

/// The result order packed in one integer, smallest first: more matched terms, then higher
/// score, then build order. Sorting plain `u64`s is several times faster than comparing
/// three fields. A score is positive and finite, so its bits order like its value.
fn order_key(matched: u32, score: f32, doc: usize) -> u64 {
    let key =
        u64::from(matched) << 58 | u64::from(score.to_bits()) << DOC_BITS | (DOC_MASK - doc as u64);
    !key
}

fn hit(key: u64, terms: u32) -> Hit {
    let key = !key;
    Hit {
        doc: (DOC_MASK - (key & DOC_MASK)) as usize,
        score: f32::from_bits((key >> DOC_BITS) as u32),
        matched: (key >> 58) as u32,
        terms,
    }
}
