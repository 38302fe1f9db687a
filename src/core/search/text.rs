//! How text becomes search terms. The index, the query parser and the highlighter all go
//! through these functions, so what is highlighted is exactly what was searched.

use std::ops::Range;

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters and digits: one word.
    Word,
    /// A run of Chinese, Japanese or Korean characters: no spaces mark the words inside, so
    /// it is indexed as overlapping character pairs.
    Cjk,
}

/// Words and CJK runs of `text` with their byte ranges; everything else (spaces, ASCII and
/// full-width punctuation such as `，。？：（）`) separates them.
pub(super) fn pieces(text: &str) -> Pieces<'_> {
    Pieces { text, pos: 0 }
}

pub(super) struct Pieces<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for Pieces<'_> {
    type Item = (Kind, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        // Byte by byte with an ASCII shortcut: this loop sees every character of every
        // article while the index is built.
        let bytes = self.text.as_bytes();
        let mut current: Option<(Kind, usize)> = None;
        let mut i = self.pos;
        while i < bytes.len() {
            let (class, len) = if bytes[i].is_ascii() {
                (bytes[i].is_ascii_alphanumeric().then_some(Kind::Word), 1)
            } else {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                (class(c), c.len_utf8())
            };
            match current {
                None => current = class.map(|k| (k, i)),
                Some((kind, _)) if class == Some(kind) => {}
                Some((kind, start)) => {
                    self.pos = i;
                    return Some((kind, start..i));
                }
            }
            i += len;
        }
        self.pos = bytes.len();
        current.map(|(kind, start)| (kind, start..bytes.len()))
    }
}

/// For non-ASCII characters. Std's `is_alphanumeric` and `to_lowercase` would bring about
/// 15 KB of Unicode tables into the Wasm; a few ranges cover what help text contains: any
/// character that is not a known separator is a letter (other scripts, accents, marks).
fn class(c: char) -> Option<Kind> {
    if is_cjk(c) {
        Some(Kind::Cjk)
    } else if is_separator(c) {
        None
    } else {
        Some(Kind::Word)
    }
}

/// Han (with extensions and compatibility ideographs), kana and Hangul.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FA | 0x30FC..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// Non-ASCII punctuation, spaces and symbols: Latin-1 ones, general punctuation to dingbats
/// (dashes, quotes, `…`, currency, arrows), supplemental and CJK punctuation (`、。「」・`),
/// full-width punctuation (`，？：（）`), emoji, private use, byte-order mark.
fn is_separator(c: char) -> bool {
    matches!(c as u32,
        0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0x2E00..=0x2E7F | 0x3000..=0x303F | 0x30FB
        | 0xE000..=0xF8FF | 0xFE10..=0xFE6F | 0xFEFF | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFFF0..=0xFFFF | 0x1F000..=0x1FAFF)
}

/// Lowercases a word into `out`, folding full-width letters and digits (`ＵＳＤＴ`, typed
/// with a Chinese input method) to ASCII so they match the half-width spelling.
pub(super) fn normalize(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    out.extend(word.chars().map(fold));
}

/// Lowercase for ASCII, full-width forms, Latin-1, Latin Extended-A, Greek and Cyrillic,
/// without std's case tables (see [`class`]); other characters are kept as they are.
fn fold(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x410..=0x42F => u + 0x20,
        0xFF21..=0xFF3A => u - 0xFF21 + 0x61,
        0xFF10..=0xFF19 | 0xFF41..=0xFF5A => u - 0xFEE0,
        0x400..=0x40F => u + 0x50,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Words too common to say anything about the article. A query term that is one of them
/// still scores, but does not count towards "matched every term" (else "how to get a
/// refund" would prefer any article saying "how", "to" and "a").
pub(super) const STOP: [&str; 180] = [
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "any",
    "anybody",
    "anyone",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "everybody",
    "everyone",
    "everything",
    "explain",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "guys",
    "had",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "he",
    "hello",
    "help",
    "her",
    "here",
    "hers",
    "hi",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "im",
    "in",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "ive",
    "just",
    "kindly",
    "know",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "need",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "please",
    "pls",
    "plz",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "somebody",
    "someone",
    "something",
    "such",
    "tell",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "through",
    "till",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "want",
    "was",
    "wasn",
    "way",
    "ways",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Expects a normalised word, before plural stripping.
pub(super) fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// FNV-1a, 32 bits: hashes for the typo map. Collisions only add candidates, which are
/// verified anyway, so 32 bits are plenty and keep the map at 8 bytes an entry.
pub(super) const FNV_SEED: u32 = 0x811c_9dc5;

pub(super) fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// Calls `f(hash, removed)` for every copy of `word` with one character removed, `removed`
/// being the byte range of that character. Hashes are computed without building strings.
pub(super) fn for_each_deletion(word: &str, mut f: impl FnMut(u32, Range<usize>)) {
    let bytes = word.as_bytes();
    let mut head = FNV_SEED;
    let mut start = 0;
    for (i, c) in word.char_indices() {
        // `head` covers bytes[..i]; the removed char is bytes[i..end].
        head = fnv(head, &bytes[start..i]);
        start = i;
        let end = i + c.len_utf8();
        f(fnv(head, &bytes[end..]), i..end);
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance ≤ 1: equal, or one substitution,
/// insertion, deletion or swap of two adjacent characters. Linear, no matrix.
pub(super) fn within_one(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        within_one_in(a.as_bytes(), b.as_bytes())
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within_one_in(&a, &b)
    }
}

fn within_one_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if a.len() - b.len() > 1 {
        return false;
    }
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() != b.len() {
        return a[i + 1..] == b[i..];
    }
    i == a.len()
        || a[i + 1..] == b[i + 1..]
        || (i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_one_is_damerau_levenshtein() {
        for (a, b) in [
            ("abcde", "abcde"),
            ("abcde", "abxde"),
            ("abcde", "abde"),
            ("abde", "abcde"),
            ("abcde", "bacde"),
            ("abcde", "abced"),
        ] {
            assert!(within_one(a, b), "{a} {b}");
        }
        for (a, b) in [("abcde", "badce"), ("abcde", "abc"), ("abcde", "acbed"), ("abcde", "xbcdy")] {
            assert!(!within_one(a, b), "{a} {b}");
        }
        assert!(!within_one("größe", "grösse"));
        assert!(within_one("größe", "gröse"));
    }
}
