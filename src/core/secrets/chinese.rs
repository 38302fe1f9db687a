//! Chinese recovery phrases written solid. Each word of the Chinese lists is one common
//! character, so ordinary Chinese text is mostly list words: "连接钱包授权才能领取空投" is
//! twelve of them. A run of list characters is therefore only a secret with more evidence
//! (characters laid out one by one, "的 一 是 …", are the business of `runs`):
//!
//! 1. **Laid out**: see `runs`.
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
use super::mnemonic::{checksum_ok, PHRASE_LENGTHS};
use super::tokens::{gap, is_cjk, Gap, Token, Word};
use super::wordlist::ListWord;
use super::{Finding, SecretKind};

const MIN_SOLID: usize = 12;
/// Mean bit length, in quarter bits, for a phrase (8.5) and for a fragment (9.25), which has
/// no checksum to back it.
const PHRASE_QUARTER_BITS: u32 = 34;
const FRAGMENT_QUARTER_BITS: u32 = 37;
/// How far from a segment's ends a phrase next to a cue may start or end.
const ANCHOR: usize = 3;

/// Which tokens belong to a Chinese cue word (助记词, 私钥…). The rules treat cue words as
/// breaks: their characters are list words too, and "提供助记词才能处理" must not become a run.
pub fn cue_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut in_cue = vec![false; tokens.len()];
    for (start, end) in cues::chinese_cue_spans(text) {
        let first = tokens.partition_point(|t| t.start < start);
        for (k, _) in tokens.iter().enumerate().skip(first).take_while(|(_, t)| t.end <= end) {
            in_cue[k] = true;
        }
    }
    in_cue
}

/// Reports Chinese phrases and fragments written solid (rules 2 and 3).
pub fn scan_chinese(text: &str, lower: &str, tokens: &[Token], in_cue: &[bool], out: &mut Vec<Finding>) {
    let word = |k: usize| -> Option<ListWord> {
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
        let (mut m, mut hole) = (k + 1, false);
        while m < tokens.len() {
            if word(m).is_some() && gap(text, &tokens[m - 1], &tokens[m]).is_some() {
                m += 1;
            } else if !hole && is_hole(tokens, in_cue, m) && word(m + 1).is_some() {
                // One character outside the lists, written solid between list characters (a
                // mistyped or misremembered word): the rest of the phrase still gives it away.
                hole = true;
                m += 1;
            } else {
                break;
            }
        }
        let chain: Vec<(Token, ListWord)> = (k..m).filter_map(|i| Some((tokens[i], word(i)?))).collect();
        for segment in solid_segments(text, &chain) {
            solid(text, lower, segment, out);
        }
        k = m;
    }
}

/// How many bytes before `start` and after `end` stay in the same sentence.
fn clause(text: &str, start: usize, end: usize) -> (usize, usize) {
    let stop = ['.', '。', '!', '！', '?', '？'];
    let before = text[..start].rfind(stop).map_or(start, |i| start - i - 1);
    let after = text[end..].find(stop).unwrap_or(text.len() - end);
    (before, after)
}

/// Spaces inside solid characters: none, or one every k characters (k ≥ 3: "的一是在 不了有和
/// 人这中大"). Prose puts them where clauses end, which is anywhere.
fn evenly_spaced(text: &str, chars: &[(Token, ListWord)]) -> bool {
    let spaced: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i - 1].0.end < chars[i].0.start)
        .filter(|&i| text[chars[i - 1].0.end..chars[i].0.start].trim().is_empty())
        .collect();
    let Some(&k) = spaced.first() else { return true };
    k >= 3 && spaced.iter().enumerate().all(|(n, &at)| at == k * (n + 1)) && spaced.len() == (chars.len() - 1) / k
}

/// A CJK character in no list, touching the characters on both sides.
fn is_hole(tokens: &[Token], in_cue: &[bool], m: usize) -> bool {
    let touches = |a: usize, b: usize| tokens.get(b).is_some_and(|t| tokens[a].end == t.start);
    matches!(tokens[m].word, Word::Cjk(None)) && !in_cue[m] && touches(m - 1, m) && touches(m, m + 1)
}

/// Splits a chain where punctuation, numbering or a wide space stands between two characters
/// (a hole, one unlisted character, does not split it).
fn solid_segments<'a>(
    text: &'a str,
    chain: &'a [(Token, ListWord)],
) -> impl Iterator<Item = &'a [(Token, ListWord)]> + 'a {
    let mut rest = chain;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = (1..rest.len())
            .find(|&i| {
                let between = &text[rest[i - 1].0.end..rest[i].0.start];
                let hole = between.chars().all(is_cjk);
                // Two spaces or more part clauses of informal Chinese, as a comma would.
                let wide_space = between.chars().filter(|c| c.is_whitespace()).count() >= 2;
                (gap(text, &rest[i - 1].0, &rest[i].0) == Some(Gap::Separator) && !hole) || wide_space
            })
            .unwrap_or(rest.len());
        let (segment, tail) = rest.split_at(cut);
        rest = tail;
        Some(segment)
    })
}

/// Rules 2 and 3.
fn solid(text: &str, lower: &str, seg: &[(Token, ListWord)], out: &mut Vec<Finding>) {
    let Some(((first, _), (last, _))) = seg.first().zip(seg.last()) else { return };
    let (start, end) = (first.start, last.end);
    // With a hole (one unlisted character) the other eleven of twelve are enough.
    let holed = text[start..end].chars().count() > seg.len();
    let window = if holed { MIN_SOLID - 1 } else { MIN_SOLID };
    if seg.len() < window {
        return;
    }
    let anchored = |s: usize, n: usize| s < ANCHOR || seg.len() - (s + n) < ANCHOR;
    // Most prose segments have no window random enough to matter: skip the cue search.
    let lengths = PHRASE_LENGTHS.iter().copied().chain(holed.then_some(window));
    let plausible = lengths.filter(|&n| n <= seg.len()).any(|n| {
        (0..=seg.len() - n).any(|s| anchored(s, n) && mean_bits_at_least(&seg[s..s + n], PHRASE_QUARTER_BITS))
    });
    if !plausible {
        return;
    }
    let whole = PHRASE_LENGTHS.contains(&seg.len()) && is_phrase(seg, true) && evenly_spaced(text, seg);
    if whole && stands_alone(text, start, end) {
        out.push(Finding { kind: SecretKind::Mnemonic, start, end });
        return;
    }
    // Beyond a line of its own, the cue must be right before or after the characters, in the
    // same sentence ("…lost my private key backup.\n钱包密码忘记了…" is two sentences).
    let (before, after) = clause(text, start, end);
    if !cues::near_within(lower, start, end, Cues::Phrase, before.min(cues::NEXT_TO + 8), after.min(cues::NEXT_TO)) {
        return;
    }
    let phrase = PHRASE_LENGTHS.iter().find_map(|&n| {
        let last = seg.len().checked_sub(n)?;
        (0..=last)
            .find(|&s| anchored(s, n) && is_phrase(&seg[s..s + n], true) && evenly_spaced(text, &seg[s..s + n]))
            .map(|s| (s, s + n))
    });
    // Without a checksum the cue must stand right next to the characters.
    let next_to = |s: usize, e: usize| {
        let (start, end) = (seg[s].0.start, seg[e - 1].0.end);
        let (before, after) = clause(text, start, end);
        cues::near_within(lower, start, end, Cues::Phrase, before.min(cues::NEXT_TO), after.min(cues::NEXT_TO))
    };
    let fragment = || {
        (0..=seg.len() - window)
            .find(|&s| {
                let chars = &seg[s..s + window];
                anchored(s, window)
                    && evenly_spaced(text, chars)
                    && mean_bits_at_least(chars, FRAGMENT_QUARTER_BITS)
                    && repeats(chars) <= 1
                    && next_to(s, s + window)
            })
            .map(|s| (s, s + window))
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

/// All in one list, checksum valid and, when `random` is asked, looking random.
fn is_phrase(words: &[(Token, ListWord)], random: bool) -> bool {
    let one_list = words.iter().fold(0xff, |lists, (_, w)| lists & w.lists) != 0;
    let indices: Vec<u16> = words.iter().map(|(_, w)| w.index).collect();
    one_list && (!random || mean_bits_at_least(words, PHRASE_QUARTER_BITS)) && checksum_ok(&indices)
}

/// How many characters repeat an earlier one. Prose reuses its words ("验证认证字符串"); twelve
/// random characters out of 2048 repeat one with a chance of 3%, two with a chance under 0.1%.
fn repeats(words: &[(Token, ListWord)]) -> usize {
    (1..words.len()).filter(|&i| words[..i].iter().any(|(_, w)| w.index == words[i].1.index)).count()
}

fn mean_bits_at_least(words: &[(Token, ListWord)], quarter_bits: u32) -> bool {
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
