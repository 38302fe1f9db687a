//! Building an [`Index`] in one pass over the documents. It runs in the browser the first
//! time the user searches, so it avoids per-occurrence allocation and sorting: terms are
//! interned with a fast hash (CJK characters and pairs as packed integers, not strings),
//! and repeated occurrences update the term's posting for the current document in place.

use super::index::{Index, BODY, DOC_SHIFT, EXTRA_BODY, KEYWORD, MAX_EXTRA_BODY, SUMMARY, TITLE};
use super::query::{FUZZY_MAX_CHARS, FUZZY_MIN_CHARS};
use super::sort::sort_keys;
use super::stem::stem;
use super::text::{for_each_deletion, normalize, pieces, Kind};
use super::Doc;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Marks a packed CJK pair (two 21-bit code points); a lone character is its code point.
const PAIR: u64 = 1 << 42;
const CHAR_BITS: u64 = 0x1F_FFFF;

type Map<K> = HashMap<K, u32, BuildHasherDefault<Fx>>;

#[derive(Default)]
pub(super) struct Builder {
    /// Latin words → provisional term id (in order of first appearance).
    words: Map<Box<str>>,
    /// CJK characters and pairs, packed → provisional term id.
    grams: Map<u64>,
    /// Per provisional term: the last document it occurred in (plus one, 0 = none) and the
    /// index of its posting for that document in `pairs`.
    last: Vec<(u32, u32)>,
    /// (provisional term, posting) for all documents, in document order.
    pairs: Vec<(u32, u32)>,
    docs: u32,
    /// Words (and CJK characters) in each document's body, for length normalisation.
    body_lengths: Vec<u32>,
    buf: String,
}

impl Builder {
    pub fn add(&mut self, doc: &Doc) {
        self.field(doc.title, TITLE);
        for text in &doc.keywords {
            self.field(text, KEYWORD);
        }
        self.field(doc.summary, SUMMARY);
        self.body_lengths.push(0);
        for text in &doc.body {
            self.field(text, BODY);
        }
        self.docs += 1;
    }

    fn field(&mut self, text: &str, field: u32) {
        for (kind, range) in pieces(text) {
            let piece = &text[range];
            if let Some(length) = self.body_lengths.last_mut().filter(|_| field == BODY) {
                *length += if kind == Kind::Cjk { piece.chars().count() as u32 } else { 1 };
            }
            match kind {
                Kind::Word => {
                    normalize(piece, &mut self.buf);
                    stem(&mut self.buf);
                    let id = match self.words.get(self.buf.as_str()).copied() {
                        Some(id) => id,
                        None => {
                            let id = self.new_term();
                            self.words.insert(self.buf.as_str().into(), id);
                            id
                        }
                    };
                    self.occur(id, field);
                }
                Kind::Cjk => {
                    // Every character alone (for one-character queries), and every pair.
                    let mut chars = piece.chars().peekable();
                    while let Some(c) = chars.next() {
                        self.gram(u64::from(c), field);
                        if let Some(&next) = chars.peek() {
                            self.gram(PAIR | u64::from(c) << 21 | u64::from(next), field);
                        }
                    }
                }
            }
        }
    }

    fn gram(&mut self, key: u64, field: u32) {
        let id = match self.grams.get(&key).copied() {
            Some(id) => id,
            None => {
                let id = self.new_term();
                self.grams.insert(key, id);
                id
            }
        };
        self.occur(id, field);
    }

    fn new_term(&mut self) -> u32 {
        self.last.push((0, 0));
        (self.last.len() - 1) as u32
    }

    fn occur(&mut self, id: u32, field: u32) {
        let current = self.docs + 1;
        let last = &mut self.last[id as usize];
        if last.0 != current {
            *last = (current, self.pairs.len() as u32);
            self.pairs.push((id, self.docs << DOC_SHIFT | field));
        } else {
            let posting = &mut self.pairs[last.1 as usize].1;
            if field == BODY && *posting & BODY != 0 && (*posting >> 3) & 7 < MAX_EXTRA_BODY {
                *posting += EXTRA_BODY;
            }
            *posting |= field;
        }
    }

    pub fn finish(self) -> Index {
        let grams = self.grams.into_iter().map(|(key, id)| (gram_text(key), id));
        let mut terms: Vec<(Box<str>, u32)> = self.words.into_iter().chain(grams).collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut rank = vec![0u32; terms.len()];
        let mut vocab = String::with_capacity(terms.iter().map(|t| t.0.len()).sum());
        let mut bounds = Vec::with_capacity(terms.len() + 1);
        bounds.push(0);
        for (i, (text, provisional)) in terms.iter().enumerate() {
            rank[*provisional as usize] = i as u32;
            vocab.push_str(text);
            bounds.push(vocab.len() as u32);
        }
        // Counting sort by final term id; documents stay in order within each list.
        let mut starts = vec![0u32; terms.len() + 1];
        for &(t, _) in &self.pairs {
            starts[rank[t as usize] as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut postings = vec![0u32; self.pairs.len()];
        for &(t, posting) in &self.pairs {
            let slot = &mut fill[rank[t as usize] as usize];
            postings[*slot as usize] = posting;
            *slot += 1;
        }
        let docs = self.docs as usize;
        let body_norms = body_norms(&self.body_lengths);
        let mut index =
            Index { vocab, bounds, starts, postings, deletions: Vec::new(), docs, ignored: Vec::new(), body_norms };
        index.deletions = deletions(&index);
        index
    }
}

/// BM25's length normalisation for the body (b = 0.75): a word in a short body says more
/// than the same word in a long one, which matches many words of any long question.
fn body_norms(lengths: &[u32]) -> Vec<f32> {
    const B: f32 = 0.75;
    let average = lengths.iter().map(|&l| l as f32).sum::<f32>() / lengths.len().max(1) as f32;
    lengths.iter().map(|&l| 1.0 / (1.0 - B + B * l as f32 / average.max(1.0))).collect()
}

fn gram_text(key: u64) -> Box<str> {
    let first = if key & PAIR != 0 { Some((key >> 21) & CHAR_BITS) } else { None };
    let codes = first.into_iter().chain([key & CHAR_BITS]);
    codes.filter_map(|c| char::from_u32(c as u32)).collect::<String>().into()
}

/// The one-deletion neighbourhood (SymSpell) of every term a typo could reach: a query
/// word of ≥ 5 letters is within one edit of a term only if they share a deletion, or one
/// is a deletion of the other. Shorter terms are reached through the vocabulary.
fn deletions(index: &Index) -> Vec<u64> {
    let mut out = Vec::new();
    for id in 0..index.terms() {
        let term = index.term(id);
        // Like query words, terms with digits (versions, amounts) take no part in typos.
        // CJK grams (≤ 2 characters) are always below the length range. Stems can be a
        // letter shorter than the five-letter words a typo is looked for in ("stake" → "stak").
        let chars = term.chars().count();
        let reachable = (FUZZY_MIN_CHARS - 1..=FUZZY_MAX_CHARS + 1).contains(&chars);
        if reachable && !term.bytes().any(|b| b.is_ascii_digit()) {
            for_each_deletion(term, |hash, _| out.push(u64::from(hash) << 32 | id as u64));
        }
    }
    sort_keys(&mut out);
    out.dedup();
    out
}

/// FxHash-like: one multiply per 8 bytes. Keys are our own text, not attacker-chosen, so
/// SipHash's flood resistance buys nothing here and costs build time.
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    /// The multiply leaves the low bits (which pick the bucket) poorly mixed; rotate the
    /// well-mixed high bits down.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}
