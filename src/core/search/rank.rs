//! Answering a query: each query term is expanded to the indexed terms it matches (exact,
//! completions of the last word, one-typo neighbours), their postings are scored into a flat
//! per-document array, and the best `limit` documents are kept as packed integer keys.

use super::index::{doc_of, weights, Index};
use super::query::{counts, parse, prefix_quality, Term, EXACT, TYPO, WORD_COMPLETION};
use super::sort::smallest;
use super::text::{fnv, for_each_deletion, within_one, Kind, FNV_SEED};
use super::Hit;

/// At most this many completions of the last word are searched, the most frequent ones:
/// "re" may start hundreds of words and the user will type on anyway.
const MAX_COMPLETIONS: usize = 32;

impl Index {
    /// The documents matching `query`, best first, at most `limit`.
    ///
    /// Each query term adds its weight in the document: a term in the title counts more
    /// than in the keywords, more than in the body; an exact word (or another form of it)
    /// more than a completion of the last word, more than a word one typo away; and every
    /// term by its rarity in the catalogue (BM25's IDF), so a word that most articles
    /// contain ("wallet", the brand) weighs almost nothing and rare words decide; in titles
    /// and keywords also by its rarity there ([`heading_rarity`]); in the body less in a long
    /// body than in a short one (BM25's length normalisation). The sum is then scaled by the
    /// share of the query's rarity the document covers (its square root for long English
    /// questions): an article with both rare words of "revoke approval" beats one that
    /// repeats either. Brand names the index was told to ignore are taken out of the query
    /// first, and common words count only when there is nothing else. Equal scores keep the
    /// build order. A query with nothing searchable (empty, spaces, punctuation) returns
    /// nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = self.without_ignored(query);
        let terms = parse(&query);
        if terms.is_empty() || limit == 0 || self.docs == 0 {
            return Vec::new();
        }
        let n = self.docs;
        // One slot per document, all it needs in one place: the hot loop does one access.
        let mut slots = vec![Slot::default(); n];
        let mut touched: Vec<usize> = Vec::new();
        let mut term_docs: Vec<usize> = Vec::new();
        let mut matches: Vec<(usize, f32)> = Vec::new();
        // The rarity of the counted query terms, for the share each document covers.
        let mut total_idf = 0.0f32;
        for (i, term) in terms.iter().enumerate() {
            // Common words ("how", "my") only count when the query has nothing else.
            if !counts(term, &terms) {
                continue;
            }
            self.expand(term, &mut matches);
            let bit = 1 << i;
            if let [(id, quality)] = matches[..] {
                // One matching word, the usual case: every posting is final as it comes.
                let postings = self.postings(id);
                let idf = rarity(n, postings.len());
                let headings = postings.iter().filter(|&&p| in_heading(weights(p))).count();
                let heading_idf = heading_rarity(n, headings, idf);
                total_idf += idf;
                for &posting in postings {
                    let doc = doc_of(posting);
                    let [t, k, b] = weights(posting);
                    let weight = (t + k) * heading_idf + b * self.body_norms[doc] * idf;
                    credit(&mut slots[doc], weight * quality, bit, idf, doc, &mut touched);
                }
                continue;
            }
            for &(id, quality) in &matches {
                for &posting in self.postings(id) {
                    let doc = doc_of(posting);
                    let slot = &mut slots[doc];
                    if slot.term != i + 1 {
                        slot.term = i + 1;
                        term_docs.push(doc);
                    }
                    // Plain comparisons: at opt-level "z", iterator adapters stay calls and
                    // `f32::max` becomes a libm call (weights are never NaN).
                    let [t, k, b] = weights(posting);
                    let [bt, bk, bb] = &mut slot.best;
                    if t * quality > *bt {
                        *bt = t * quality;
                    }
                    if k * quality > *bk {
                        *bk = k * quality;
                    }
                    if b * quality > *bb {
                        *bb = b * quality;
                    }
                }
            }
            // Rarity, over the documents this term reached through any of its words.
            let idf = rarity(n, term_docs.len());
            let headings = term_docs.iter().filter(|&&d| in_heading(slots[d].best)).count();
            let heading_idf = heading_rarity(n, headings, idf);
            total_idf += idf;
            for &doc in &term_docs {
                let slot = &mut slots[doc];
                let [t, k, b] = std::mem::take(&mut slot.best);
                credit(slot, (t + k) * heading_idf + b * self.body_norms[doc] * idf, bit, idf, doc, &mut touched);
            }
            term_docs.clear();
        }
        let total = terms.iter().filter(|t| counts(t, &terms)).count() as u32;
        // Every word of a short query, and every pair of a Chinese one (the pairs of one
        // phrase), was meant; a long English question has many words only by the way
        // ("12 hours", "frustrated"), so missing some of those costs less.
        let strict = total <= 3 || terms.iter().all(|t| t.kind == Kind::Cjk);
        let mut keys: Vec<u64> = Vec::with_capacity(touched.len());
        for doc in touched {
            let slot = &slots[doc];
            // Documents reached only through common words are no results.
            if slot.mask != 0 {
                let covered = if total_idf > 0.0 { slot.covered / total_idf } else { 1.0 };
                let covered = if strict { covered } else { covered.sqrt() };
                keys.push(order_key(slot.score * covered, doc));
            }
        }
        smallest(&mut keys, limit);
        keys.into_iter().map(|key| hit(key, slots[doc_of_key(key)].mask.count_ones(), total)).collect()
    }

    /// The indexed terms `term` matches, with their match quality, each once.
    fn expand(&self, term: &Term, out: &mut Vec<(usize, f32)>) {
        out.clear();
        let exact = self.find(&term.text);
        if let Some(id) = exact {
            out.push((id, EXACT));
        }
        if term.prefix {
            // A typed word that is a word of the text itself ("fee") is more likely finished
            // than the start of a longer one ("feedback"): its completions weigh little more than a typo.
            self.completions(&term.text, exact.is_some(), out);
        }
        if term.stem_fuzzy() {
            self.typos(&term.text, out);
        }
        if let Some(unstripped) = term.unstripped.as_ref().filter(|_| term.fuzzy) {
            self.typos(unstripped, out);
        }
    }

    fn completions(&self, prefix: &str, is_word: bool, out: &mut Vec<(usize, f32)>) {
        let lo = self.partition(|t| t <= prefix);
        let hi = self.partition(|t| t < prefix || t.starts_with(prefix));
        // Most frequent first: document count (negated) above the id, in one `u64` so the
        // selection is the same code as the result ranking's.
        let mut keys: Vec<u64> = (lo..hi).map(|id| !(self.postings(id).len() as u64) << 32 | id as u64).collect();
        smallest(&mut keys, MAX_COMPLETIONS);
        for key in keys {
            let id = (key & 0xFFFF_FFFF) as usize;
            // Byte lengths: completions are Latin words, where bytes and letters mostly agree.
            let quality = prefix_quality(prefix.len(), self.term(id).len());
            out.push((id, if is_word { quality.min(WORD_COMPLETION) } else { quality }));
        }
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
        let hash = u64::from(hash);
        let from = self.deletions.partition_point(|e| e >> 32 < hash);
        let same = self.deletions[from..].iter().take_while(|&&e| e >> 32 == hash);
        out.extend(same.map(|e| (e & 0xFFFF_FFFF) as usize));
    }
}

/// Inverse document frequency as BM25 has it: a term found in few documents says much about
/// them, one found in nearly all (the brand, "wallet", "钱包") almost nothing.
fn rarity(docs: usize, with_term: usize) -> f32 {
    let (n, df) = (docs as f32, with_term as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Whether a posting's weights include the title, keywords or summary: the fields that say
/// what an article is about.
fn in_heading([title, keywords, _]: [f32; 3]) -> bool {
    title + keywords > 0.0
}

/// The rarity a title or keyword match is weighed by: halfway between the term's rarity in
/// the whole text and its rarity among titles and keywords. "pending" is in most bodies but
/// names one article; fully by its heading rarity, though, a common word in one title
/// ("phone") would beat a rarer word the user misspelt.
fn heading_rarity(docs: usize, in_headings: usize, idf: f32) -> f32 {
    0.5 * (idf + rarity(docs, in_headings).max(idf))
}

/// Adds one query term's contribution to a document, and its rarity to what the document
/// covers the first time the term reaches it.
fn credit(slot: &mut Slot, amount: f32, bit: u32, idf: f32, doc: usize, touched: &mut Vec<usize>) {
    slot.score += amount;
    if slot.mask & bit == 0 {
        slot.covered += idf;
    }
    slot.mask |= bit;
    if !slot.seen {
        slot.seen = true;
        touched.push(doc);
    }
}

/// A document's accumulated state during one search.
#[derive(Clone, Copy, Default)]
struct Slot {
    score: f32,
    /// Best weight of the current term in the title, keywords and body: a term counts once
    /// per field, through its best matching word there ("trans" must not add up "transfer"
    /// and "transaction"), while a title and a keyword match do add up.
    best: [f32; 3],
    /// Bit `i`: query term `i` matched.
    mask: u32,
    /// The rarity of the counted query terms matched.
    covered: f32,
    /// 1 + the last query term that reached this document.
    term: usize,
    seen: bool,
}

/// Documents beyond this position cannot be ordered by [`order_key`]; the posting format
/// already stops at 2^24 documents.
const DOC_BITS: u32 = 26;
const DOC_MASK: u64 = (1 << DOC_BITS) - 1;

/// The result order packed in one integer, smallest first: higher score, then build order.
/// Sorting plain `u64`s is several times faster than comparing fields. A score is positive
/// and finite, so its bits order like its value.
fn order_key(score: f32, doc: usize) -> u64 {
    let key = u64::from(score.to_bits()) << DOC_BITS | (DOC_MASK - doc as u64);
    !key
}

fn doc_of_key(key: u64) -> usize {
    (DOC_MASK - (!key & DOC_MASK)) as usize
}

fn hit(key: u64, matched: u32, terms: u32) -> Hit {
    Hit { doc: doc_of_key(key), score: f32::from_bits((!key >> DOC_BITS) as u32), matched, terms }
}
