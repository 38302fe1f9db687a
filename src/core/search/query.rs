//! What the user typed, as terms with the ways each may match, and the match qualities that
//! order exact words before completions before typos.

use super::stem::stem;
use super::text::{is_stop, normalize, pieces, within_one, Kind};

/// Query words shorter than this match exactly (a typo in "fee" would match "few", "fed",
/// "feel"... and drown the results).
pub(super) const FUZZY_MIN_CHARS: usize = 5;
/// Longer words (pasted hashes, addresses) are not worth a typo search.
pub(super) const FUZZY_MAX_CHARS: usize = 24;
/// A word being typed completes from its third letter: two letters ("fi", "tr") still
/// expand to a good part of the vocabulary.
const PREFIX_MIN_CHARS: usize = 3;
/// One bit per term in the per-document coverage mask; a longer query is cut here.
pub(super) const MAX_TERMS: usize = 32;

/// Match qualities, multiplied with the field weight. A completed prefix is worth more the
/// more of the word was typed, always between typo and exact.
pub(super) const EXACT: f32 = 1.0;
pub(super) const TYPO: f32 = 0.35;
/// A completion of a word that is complete already ("fee" → "feedback"): above a typo,
/// below any completion of an unfinished word (at least 0.4).
pub(super) const WORD_COMPLETION: f32 = 0.38;
pub(super) fn prefix_quality(typed_len: usize, term_len: usize) -> f32 {
    0.4 + 0.4 * typed_len as f32 / term_len.max(1) as f32
}

/// One query term.
#[derive(Debug, PartialEq)]
pub(super) struct Term {
    /// Normalised like indexed terms: a word, or one or two CJK characters.
    pub text: String,
    /// The word before stemming, when that differs: typos are looked for from both, so
    /// "adress" still finds "address" although it would stem to "adres".
    pub unstripped: Option<String>,
    /// The last word, still being typed: also matches longer words starting with it.
    pub prefix: bool,
    /// Long enough to tolerate one typo.
    pub fuzzy: bool,
    /// A common word: scores, but does not count for coverage.
    pub stop: bool,
    pub kind: Kind,
}

impl Term {
    /// Whether typos are looked for from the stem too: not when stemming left it shorter than
    /// a word that tolerates typos ("pending" → "pend" is one letter from "send" and "spend").
    pub fn stem_fuzzy(&self) -> bool {
        self.fuzzy && self.text.chars().count() >= FUZZY_MIN_CHARS
    }

    /// How well an indexed term (normalised, from the text) matches this query term.
    pub fn quality(&self, word: &str) -> Option<f32> {
        if word == self.text {
            Some(EXACT)
        } else if self.prefix && word.starts_with(self.text.as_str()) {
            Some(prefix_quality(self.text.len(), word.len()))
        } else if self.fuzzy
            && ((self.stem_fuzzy() && within_one(&self.text, word))
                || self.unstripped.as_deref().is_some_and(|u| within_one(u, word)))
        {
            Some(TYPO)
        } else {
            None
        }
    }
}

/// The terms of a query, in order, without duplicates. Empty when nothing is searchable.
pub(super) fn parse(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut buf = String::new();
    for (kind, range) in pieces(query) {
        let raw = &query[range.clone()];
        match kind {
            Kind::Word => {
                normalize(raw, &mut buf);
                let chars = buf.chars().count();
                // A lone letter is the tail of "can't" or "won't", or a first keystroke: it
                // would match nearly every article.
                if chars == 1 && buf.bytes().all(|b| b.is_ascii_alphabetic()) {
                    continue;
                }
                let mut stop = is_stop(&buf);
                let fuzzy = (FUZZY_MIN_CHARS..=FUZZY_MAX_CHARS).contains(&chars)
                    // Digits are amounts, codes, hashes: "10025" is not a typo of "10026".
                    && !buf.bytes().any(|b| b.is_ascii_digit());
                // Ending the query means still typing; a trailing space means the word is done.
                let prefix = range.end == query.len() && chars >= PREFIX_MIN_CHARS;
                let unstripped = buf.clone();
                stem(&mut buf);
                // Other forms of a common word are common too ("wants", "needs", "doing").
                stop |= is_stop(&buf);
                let unstripped = (unstripped != buf).then_some(unstripped);
                push(&mut terms, Term { text: buf.clone(), unstripped, prefix, fuzzy, stop, kind });
            }
            Kind::Cjk => {
                let segments = without_question_words(raw);
                // A run of nothing but such words ("钱包", "怎么办") is still searched as typed.
                for segment in if segments.is_empty() { vec![raw] } else { segments } {
                    cjk_terms(segment, &mut terms);
                }
            }
        }
    }
    terms.truncate(MAX_TERMS);
    terms
}

/// Chinese question words, particles and degree words: "怎么办", "为什么", "吗", "这么"… say
/// that it is a question (and how upset the user is), not what it is about, and their pairs
/// ("么办") would match any article that asks one. So do the filler verbs and nouns of a
/// complaint (出现, 遇到, 情况, 问题: "happen", "situation", "problem") and the verbs of "how
/// do I tell / avoid" (识别, 判断, 防范), whose object is what the question is about. The words
/// for the wallet and the money itself (钱包, 数字货币) are in nearly every question and
/// article; left in, they also make pairs with their neighbours ("钱包客服" → "包客") that match
/// by chance. "了" and "的" only go at the end of a run, where they are particles (not in
/// "了解", "目的").
#[rustfmt::skip]
const QUESTION_WORDS: [&str; 59] = [
    "为什么", "怎么办", "怎么样", "怎么回事", "是什么", "在哪里", "能不能", "是不是", "有没有", "怎么才能",
    "怎样", "怎么", "如何", "什么", "在哪", "可以", "请问", "一下", "我的", "为啥", "咋办", "咋",
    "这么", "那么", "这样", "那样", "非常", "特别", "总是", "老是", "应该", "到底", "究竟", "是否",
    "钱包", "数字货币", "加密货币", "虚拟货币", "虚拟币",
    "出现", "遇到", "发生", "情况", "问题", "处理",
    "识别", "辨别", "分辨", "判断", "防范", "防止", "避免", "保障",
    "吗", "呢", "吧", "啊", "呀", "我",
];
/// The same words in traditional characters, where they differ, for zh-TW readers (and
/// 為何, their usual "why").
#[rustfmt::skip]
const QUESTION_WORDS_TRADITIONAL: [&str; 37] = [
    "為什麼", "怎麼辦", "怎麼樣", "怎麼回事", "是什麼", "在哪裡", "有沒有", "怎麼才能", "怎樣", "怎麼",
    "什麼", "請問", "為啥", "咋辦", "這麼", "那麼", "這樣", "那樣", "特別", "總是", "應該", "為何",
    "錢包", "數字貨幣", "加密貨幣", "虛擬貨幣", "虛擬幣",
    "出現", "發生", "情況", "問題", "處理",
    "識別", "辨別", "判斷", "防範",
    "嗎",
];
const FINAL_PARTICLES: [char; 2] = ['了', '的'];

/// The parts of a CJK run between question words.
fn without_question_words(run: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < run.len() {
        let words = QUESTION_WORDS.iter().chain(&QUESTION_WORDS_TRADITIONAL);
        match words.filter(|w| run[i..].starts_with(*w)).map(|w| w.len()).max() {
            Some(len) => {
                parts.push(&run[start..i]);
                i += len;
                start = i;
            }
            None => i += run[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    parts.push(&run[start..]);
    parts.into_iter().map(|p| p.trim_end_matches(FINAL_PARTICLES)).filter(|p| !p.is_empty()).collect()
}

/// A lone character is searched as itself; a longer run as its pairs, which is how the index
/// stores it.
fn cjk_terms(raw: &str, terms: &mut Vec<Term>) {
    let ends: Vec<usize> = raw.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let gram_end = |i: usize| ends[(i + 1).min(ends.len() - 1)];
    let count = if ends.len() == 1 { 1 } else { ends.len() - 1 };
    for i in 0..count {
        let start = if i == 0 { 0 } else { ends[i - 1] };
        let text = raw[start..gram_end(i)].to_string();
        push(terms, Term { text, unstripped: None, prefix: false, fuzzy: false, stop: false, kind: Kind::Cjk });
    }
}

/// Adds a term unless the query already has it ("fee fees" is one term).
fn push(terms: &mut Vec<Term>, term: Term) {
    match terms.iter_mut().find(|t| t.text == term.text) {
        Some(same) => same.prefix |= term.prefix,
        None => terms.push(term),
    }
}

/// Whether a term counts towards coverage: common words only when the query has nothing else.
pub(super) fn counts(term: &Term, terms: &[Term]) -> bool {
    !term.stop || terms.iter().all(|t| t.stop)
}
