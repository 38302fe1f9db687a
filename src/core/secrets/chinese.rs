//! Chinese recovery phrases. Each word of the Chinese lists is one common character, so
//! ordinary Chinese text is mostly list words: "连接钱包授权才能领取空投" is twelve of them.
//! A run of list characters is therefore only a secret with more evidence:
//!
//! 1. **Laid out as a phrase**: ≥ 8 list characters each standing alone between spaces,
//!    commas or numbers ("的 一 是 …", "1.的 2.一 …"). Prose never separates single characters
//!    like that. A phrase if a window passes the checksum, else a fragment.
//! 2. **Written solid** (no separators, or only spaces within a line): a segment of exactly
//!    12/15/18/21/24 characters that passes the checksum, looks random (below) and either has
//!    a cue word near it or stands on its own (whole field, own line, after a colon, quoted).
//! 3. **Solid with a cue** (助记词, 私钥, seed, mnemonic… near): in a longer segment, a window
//!    that passes the checksum and looks random, starting or ending within [`ANCHOR`]
//!    characters of the segment's ends ("助记词是…", "…是我的助记词") → phrase; else a
//!    12-character window there that looks very random and repeats at most one character
//!    → fragment.
//!
//! "Looks random": both lists are ordered by how common the character is (的 一 是 在 不 了…).
//! A phrase draws its characters uniformly from all 2048, prose mostly from the first few
//! hundred. The measure is the mean bit length of (index + 1): random 12-character phrases
//! have a median of 10 and fall below 8.5 once in 1,000; 6% of the 12-character windows of
//! real Chinese text (our content, the seed article, the negative corpus) reach 8.5, 1.7%
//! reach 9 and 0.5% reach 9.25. With the 4-bit checksum on top, a lone 12-character line of
//! prose is taken for a phrase about 4 times in 1,000. A better separation would need a word
//! (bigram) model, which costs more than it saves here.
//! Cue words themselves break runs: their characters are list words too.

use super::cues::{self, Cues};
use super::mnemonic::{checksum_ok, MIN_FRAGMENT, PHRASE_LENGTHS};
use super::tokens::{gap, Gap, Token, Word};
use super::wordlist::CjkWord;
use super::{Finding, SecretKind};

const MIN_SOLID: usize = 12;
/// Mean bit length, in quarter bits, for a phrase (8.5) and for a fragment (9.25), which has
/// no checksum to back it.
const PHRASE_QUARTER_BITS: u32 = 34;
const FRAGMENT_QUARTER_BITS: u32 = 37;
/// How far from a segment's ends a phrase next to a cue may start or end.
const ANCHOR: usize = 3;

/// Reports Chinese phrases and fragments found by the rules above.
pub fn scan_chinese(text: &str, lower: &str, tokens: &[Token], out: &mut Vec<Finding>) {
    let mut in_cue = vec![false; tokens.len()];
    for (start, end) in cues::chinese_cue_spans(text) {
        let first = tokens.partition_point(|t| t.start < start);
        for (k, t) in tokens.iter().enumerate().skip(first).take_while(|(_, t)| t.end <= end) {
            in_cue[k] = t.start >= start;
        }
    }
    let word = |k: usize| -> Option<CjkWord> {
        match tokens.get(k)?.word {
            Word::Cjk(Some(w)) if !in_cue[k] => Some(w),
            _ => None,
        }
    };
    let mut k = 0;
    while k < tokens.len() {
        if word(k).is_none() {
            k += 1;
            continue;
        }
        let mut m = k + 1;
        while m < tokens.len() && word(m).is_some() && gap(text, &tokens[m - 1], &tokens[m]).is_some() {
            m += 1;
        }
        let chain: Vec<(Token, CjkWord)> = (k..m).filter_map(|i| Some((tokens[i], word(i)?))).collect();
        let touches_before = k > 0 && tokens[k - 1].end == tokens[k].start;
        let touches_after = m < tokens.len() && tokens[m - 1].end == tokens[m].start;
        laid_out(text, &chain, touches_before, touches_after, out);
        for segment in solid_segments(text, &chain) {
            solid(text, lower, segment, out);
        }
        k = m;
    }
}

/// Rule 1: the longest stretches of characters that touch no other character.
fn laid_out(text: &str, chain: &[(Token, CjkWord)], touches_before: bool, touches_after: bool, out: &mut Vec<Finding>) {
    let n = chain.len();
    let alone = |i: usize| {
        let before_ok =
            if i == 0 { !touches_before } else { gap(text, &chain[i - 1].0, &chain[i].0) != Some(Gap::None) };
        let after_ok =
            if i + 1 == n { !touches_after } else { gap(text, &chain[i].0, &chain[i + 1].0) != Some(Gap::None) };
        before_ok && after_ok
    };
    let mut i = 0;
    while i < n {
        let j = (i..n).find(|&j| !alone(j)).unwrap_or(n);
        if j - i >= MIN_FRAGMENT {
            let words = &chain[i..j];
            let kind = if phrase_window(words).is_some() { SecretKind::Mnemonic } else { SecretKind::MnemonicFragment };
            out.push(Finding { kind, start: words[0].0.start, end: words[j - i - 1].0.end });
        }
        i = j + 1;
    }
}

/// Splits a chain where punctuation or numbering stands between two characters.
fn solid_segments<'a>(
    text: &'a str,
    chain: &'a [(Token, CjkWord)],
) -> impl Iterator<Item = &'a [(Token, CjkWord)]> + 'a {
    let mut rest = chain;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = (1..rest.len())
            .find(|&i| gap(text, &rest[i - 1].0, &rest[i].0) == Some(Gap::Separator))
            .unwrap_or(rest.len());
        let (segment, tail) = rest.split_at(cut);
        rest = tail;
        Some(segment)
    })
}

/// Rules 2 and 3.
fn solid(text: &str, lower: &str, seg: &[(Token, CjkWord)], out: &mut Vec<Finding>) {
    if seg.len() < MIN_SOLID {
        return;
    }
    let (start, end) = (seg[0].0.start, seg[seg.len() - 1].0.end);
    let anchored = |s: usize, n: usize| s < ANCHOR || seg.len() - (s + n) < ANCHOR;
    // Most prose segments have no window random enough to matter: skip the cue search.
    let plausible = PHRASE_LENGTHS.iter().filter(|&&n| n <= seg.len()).any(|&n| {
        (0..=seg.len() - n).any(|s| anchored(s, n) && mean_bits_at_least(&seg[s..s + n], PHRASE_QUARTER_BITS))
    });
    if !plausible {
        return;
    }
    let whole = PHRASE_LENGTHS.contains(&seg.len()) && is_phrase(seg, true);
    if whole && stands_alone(text, start, end) {
        out.push(Finding { kind: SecretKind::Mnemonic, start, end });
        return;
    }
    if !cues::near(lower, start, end, Cues::Phrase) {
        return;
    }
    let phrase = PHRASE_LENGTHS.iter().find_map(|&n| {
        let last = seg.len().checked_sub(n)?;
        (0..=last).find(|&s| anchored(s, n) && is_phrase(&seg[s..s + n], true)).map(|s| (s, s + n))
    });
    let fragment = || {
        (0..=seg.len() - MIN_SOLID)
            .find(|&s| {
                let window = &seg[s..s + MIN_SOLID];
                anchored(s, MIN_SOLID) && mean_bits_at_least(window, FRAGMENT_QUARTER_BITS) && repeats(window) <= 1
            })
            .map(|s| (s, s + MIN_SOLID))
    };
    let (kind, (s, e)) = match phrase {
        Some(window) => (SecretKind::Mnemonic, window),
        None => match fragment() {
            Some(window) => (SecretKind::MnemonicFragment, window),
            None => return,
        },
    };
    out.push(Finding { kind, start: seg[s].0.start, end: seg[e - 1].0.end });
}

/// A window of a BIP39 length whose characters are all in one list and whose checksum holds.
fn phrase_window(words: &[(Token, CjkWord)]) -> Option<(usize, usize)> {
    PHRASE_LENGTHS.iter().find_map(|&n| {
        let last = words.len().checked_sub(n)?;
        (0..=last).find(|&s| is_phrase(&words[s..s + n], false)).map(|s| (s, s + n))
    })
}

/// All in one list, checksum valid and, when `random` is asked, looking random.
fn is_phrase(words: &[(Token, CjkWord)], random: bool) -> bool {
    let one_list = words.iter().fold(0xff, |lists, (_, w)| lists & w.lists) != 0;
    let indices: Vec<u16> = words.iter().map(|(_, w)| w.index).collect();
    one_list && (!random || mean_bits_at_least(words, PHRASE_QUARTER_BITS)) && checksum_ok(&indices)
}

/// How many characters repeat an earlier one. Prose reuses its words ("验证认证字符串"); twelve
/// random characters out of 2048 repeat one with a chance of 3%, two with a chance under 0.1%.
fn repeats(words: &[(Token, CjkWord)]) -> usize {
    (1..words.len()).filter(|&i| words[..i].iter().any(|(_, w)| w.index == words[i].1.index)).count()
}

fn mean_bits_at_least(words: &[(Token, CjkWord)], quarter_bits: u32) -> bool {
    let bits: u32 = words.iter().map(|(_, w)| u32::BITS - u32::from(w.index + 1).leading_zeros()).sum();
    4 * bits >= quarter_bits * words.len() as u32
}

/// The segment is the whole field, a line of its own, or set off by a colon or quotes.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let opens = |c: char| matches!(c, '\n' | ':' | '：' | '"' | '“' | '「' | '『' | '(' | '（' | '[' | '【');
    let closes = |c: char| matches!(c, '\n' | '"' | '”' | '」' | '』' | ')' | '）' | ']' | '】' | '.' | '。');
    let before = text[..start].chars().rev().find(|c| !c.is_whitespace() || *c == '\n');
    let after = text[end..].chars().find(|c| !c.is_whitespace() || *c == '\n');
    before.is_none_or(opens) && after.is_none_or(closes)
}
