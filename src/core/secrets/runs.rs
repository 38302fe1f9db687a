//! Phrases laid out word by word: English list words, and Chinese list characters that each
//! stand alone between separators ("的 一 是 …", "1.的 2.一 …"; prose never separates single
//! characters like that). Chinese written solid is the business of `chinese`.
//!
//! 1. **Units.** The text becomes a row of units: each Latin word, each lone CJK character,
//!    and each stretch of touching CJK characters (a Chinese word, never a list word here).
//!    Everything between units is a gap: spaces, punctuation, symbols, numbering, line
//!    breaks, all alike; only a long stretch of them (see [`gap_ok`]) ends a phrase.
//! 2. **Runs.** A run is a row of list words of one language. It may carry a *hole*: one unit
//!    that is not a list word (a misspelt word, "xyz", an unknown character) with list words
//!    on both sides, at most one per [`HOLE_EVERY`] list words. Eleven words and the place of
//!    the twelfth recover a phrase in 2,048 guesses, so a hole must not hide one.
//! 3. **Verdict.** A run is a phrase when a window of a BIP39 length passes the checksum
//!    (a misspelt hole is tried as each list word it is one or two edits from); a fragment
//!    with [`MIN_FRAGMENT`] list words or more. Either way, unless too many of its words are
//!    everyday English words (`mnemonic::COMMON`): sentences and lists of topics are full of
//!    them, random phrases have about one in 22. Allowed: half of a checksummed window, a
//!    third of one with a hole or of a fragment of eleven words and more, a quarter of a
//!    shorter fragment.
//! 4. **Clusters.** A phrase told in parts ("the first six are … and the rest are …", six
//!    words in the subject and six in the description) is runs of a few random-looking words
//!    with a short bridge of other words between them: runs of at least [`CLUSTER_RUN`] list
//!    words, bridges of at most [`BRIDGE_UNITS`] units, [`CLUSTER_MIN`] list words in all.
//!    Each part is a finding; the bridges are the user's own words and stay.

use super::mnemonic::{checksum_ok, is_common, COMMON_SHARE, MIN_FRAGMENT, PHRASE_LENGTHS};
use super::tokens::{Token, Word};
use super::wordlist::{english_words, ListWord, ENGLISH};
use super::{Finding, SecretKind};
use strsim::osa_distance;

/// A run may have a hole once per this many list words (so 12 words may have one, 24 two).
const HOLE_EVERY: usize = 8;
/// Parts of a phrase told apart must each be at least this long to be joined…
const CLUSTER_RUN: usize = 4;
/// …with at most this many other units between two parts…
const BRIDGE_UNITS: usize = 8;
/// …and this many list words in all.
const CLUSTER_MIN: usize = 11;
/// Between two words of a phrase: at most this many characters other than white space
/// (numbering such as "12.", "(12)", "No.12" fits), and at most this many bytes in all.
const GAP_MARKS: usize = 8;
const GAP_BYTES: usize = 48;
/// Words that number a list ("No. 1", "Word 3:"), taken as part of the gap when a digit
/// follows them.
const LABELS: &[&str] = &["no", "nr", "num", "number", "word", "words", "w", "n"];
/// English function words that are not list words. Prose is full of them between list
/// words ("… lock file *the* first time you run …"); a mistyped or forgotten word of a phrase
/// is not one of them, so they are never a hole.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for", "from", "had", "has",
    "he", "her", "his", "i", "in", "is", "it", "its", "me", "my", "not", "of", "on", "or", "our", "she", "so", "the",
    "them", "to", "us", "was", "we", "were", "which", "who", "with", "would", "your",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    English,
    Chinese,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    /// The list word: English index, or a Chinese character with its lists.
    word: Option<(Lang, ListWord)>,
    /// What a hole in a run of this language may be.
    hole_for: Option<Lang>,
}

/// A run of list words of one language: `items` are the units `first..=last` in order,
/// `None` for a hole.
struct Run {
    lang: Lang,
    first: usize,
    last: usize,
    items: Vec<Option<ListWord>>,
    /// For holes: the unit index, to read a misspelt word back.
    holes: Vec<usize>,
}

/// List words a hole needs on each side: fewer, and the hole is more likely the next word
/// of a sentence ("… about. Is that normal?") than a word of the phrase.
const HOLE_SIDE: usize = 2;

impl Run {
    fn words(&self) -> impl Iterator<Item = ListWord> + '_ {
        self.items.iter().flatten().copied()
    }
    fn count(&self) -> usize {
        self.words().count()
    }
    fn common(&self) -> usize {
        if self.lang == Lang::Chinese {
            return 0;
        }
        self.words().filter(|w| is_common(w.index)).count()
    }
}

/// Reports phrases and fragments laid out word by word. `in_cue` marks tokens that belong
/// to a Chinese cue word (助记词…): their characters are list words too, but not a phrase.
pub fn scan_runs(text: &str, tokens: &[Token], in_cue: &[bool], out: &mut Vec<Finding>) {
    let units = units(text, tokens, in_cue);
    for lang in [Lang::English, Lang::Chinese] {
        let runs = runs(text, &units, lang);
        let mut alone = Vec::with_capacity(runs.len());
        for run in &runs {
            let verdict = judge(text, &units, run);
            if let Some((kind, first, last)) = verdict {
                out.push(Finding { kind, start: units[first].start, end: units[last].end });
            }
            alone.push(verdict.is_some());
        }
        clusters(&units, &runs, &alone, out);
    }
}

fn units(text: &str, tokens: &[Token], in_cue: &[bool]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        match t.word {
            Word::Latin(index) => {
                let word = index.map(|i| (Lang::English, ListWord { index: i, lists: ENGLISH }));
                // Even the list word "word": "Word 3: …" numbers the phrase.
                if is_label(text, t) {
                    k += 1;
                    continue;
                }
                let function_word = FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(&text[t.start..t.end]));
                let hole_for = (!function_word).then_some(Lang::English);
                units.push(Unit { start: t.start, end: t.end, word, hole_for });
                k += 1;
            }
            Word::Cjk(w) => {
                // Touching CJK characters are one unit: a Chinese word of prose.
                let mut m = k + 1;
                while m < tokens.len() && matches!(tokens[m].word, Word::Cjk(_)) && tokens[m].start == tokens[m - 1].end
                {
                    m += 1;
                }
                let alone = m == k + 1 && !in_cue[k];
                let word = w.filter(|_| alone).map(|w| (Lang::Chinese, w));
                // A lone unknown character or a two-character word may stand in a Chinese run.
                let hole_for = (m - k <= 2).then_some(Lang::Chinese);
                units.push(Unit { start: t.start, end: tokens[m - 1].end, word, hole_for });
                k = m;
            }
        }
    }
    units
}

/// "No" in "No.3 word", "Word" in "Word 3:": numbering, when a digit follows.
fn is_label(text: &str, t: Token) -> bool {
    let word = &text[t.start..t.end];
    let next = text[t.end..].trim_start_matches(['.', '#', ' ', ':']);
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(word)) && next.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the text between two units can lie inside a phrase. A sentence that ends and a
/// new one that starts with a capital ("…about. Can you check?") end it too; a phrase written
/// in capitals ("ABOUT. CAN") or numbered ("2. Can") does not. So do braces and the like:
/// code and error messages ("…later.', success: false }"), never a list of words.
fn gap_ok(text: &str, before: &Unit, after: &Unit) -> bool {
    let Some(between) = text.get(before.end..after.start) else { return false };
    let lower_before = text[before.start..before.end].bytes().all(|b| b.is_ascii_lowercase());
    let capital_after = text[after.start..after.end].bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    let new_sentence = ends_sentence(between) && lower_before && capital_after;
    let code = between.contains(['{', '}', '<', '>', '=']);
    between.len() <= GAP_BYTES
        && between.chars().filter(|c| !c.is_whitespace()).count() <= GAP_MARKS
        && !new_sentence
        && !code
}

/// "about. Is that…": a full stop without numbering ends a sentence, and what follows is
/// the user's next sentence, not a misspelt word of the phrase.
fn ends_sentence(gap: &str) -> bool {
    gap.contains(['.', '!', '?', '。', '！', '？']) && !gap.contains(|c: char| c.is_ascii_digit())
}

fn is_word(u: &Unit, lang: Lang) -> Option<ListWord> {
    u.word.filter(|(l, _)| *l == lang).map(|(_, w)| w)
}

fn runs(text: &str, units: &[Unit], lang: Lang) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let Some(first) = is_word(&units[i], lang) else {
            i += 1;
            continue;
        };
        let mut run = Run { lang, first: i, last: i, items: vec![Some(first)], holes: Vec::new() };
        let mut since_hole = 1;
        let mut j = i + 1;
        while j < units.len() && gap_ok(text, &units[j - 1], &units[j]) {
            if let Some(w) = is_word(&units[j], lang) {
                run.items.push(Some(w));
                since_hole += 1;
                run.last = j;
                j += 1;
                continue;
            }
            let bridged = units.get(j + 1).is_some_and(|n| is_word(n, lang).is_some() && gap_ok(text, &units[j], n));
            let room = run.holes.len() < 1 + run.count() / HOLE_EVERY && since_hole >= HOLE_SIDE;
            if units[j].hole_for == Some(lang)
                && bridged
                && room
                && !ends_sentence(&text[units[j - 1].end..units[j].start])
            {
                run.items.push(None);
                run.holes.push(j);
                since_hole = 0;
                j += 1;
                continue;
            }
            break;
        }
        // A hole too near the end gives its words back.
        while let Some(at) = run.items.iter().rposition(Option::is_none) {
            if run.items.len() - at > HOLE_SIDE {
                break;
            }
            run.items.truncate(at);
            run.holes.pop();
            run.last = run.first + run.items.len() - 1;
        }
        i = run.last + 1;
        out.push(run);
    }
    out
}

/// The finding a run makes, as a range of units: a phrase is its checksummed window, a
/// fragment the whole run.
fn judge(text: &str, units: &[Unit], run: &Run) -> Option<(SecretKind, usize, usize)> {
    if run.count() < CLUSTER_RUN {
        return None;
    }
    // Everyday words allowed, as a share of the words: random phrases have about one in 22.
    let at_most = |common: usize, words: usize, share: usize| common * share <= words;
    if let Some((s, e)) = phrase_window(text, units, run) {
        // A checksum passes by chance once in 16 or more: not for a sentence ("again, check
        // network, you can use this one only when they have"), and a run that needed a hole
        // must look more random still.
        let window = Run { items: run.items[s..e].to_vec(), holes: Vec::new(), ..*run };
        let share = if run.holes.is_empty() { 2 } else { 3 };
        if at_most(window.common(), e - s, share) {
            return Some((SecretKind::Mnemonic, run.first + s, run.first + e - 1));
        }
    }
    // Eleven words and more recover a phrase; chance gives them a few more everyday words.
    let share = if run.count() + 1 >= 12 { 3 } else { COMMON_SHARE };
    (run.count() >= MIN_FRAGMENT && at_most(run.common(), run.items.len(), share)).then_some((
        SecretKind::MnemonicFragment,
        run.first,
        run.last,
    ))
}

/// A checksummed window, as item positions `s..e`: over the list words alone (a hole that
/// was an extra word), or with a misspelt hole read as a list word it is close to.
fn phrase_window(text: &str, units: &[Unit], run: &Run) -> Option<(usize, usize)> {
    let positioned = |hole: Option<(usize, u16)>| -> Vec<(usize, ListWord)> {
        run.items
            .iter()
            .enumerate()
            .filter_map(|(k, w)| match hole {
                Some((at, index)) if at == k => Some((k, ListWord { index, lists: ENGLISH })),
                _ => w.map(|w| (k, w)),
            })
            .collect()
    };
    let to_items = |words: &[(usize, ListWord)], (s, e): (usize, usize)| (words[s].0, words[e - 1].0 + 1);
    // Of several windows that pass (each other one does so by chance, 1 in 16 or less), the
    // one that does not run across the end of a sentence.
    let across_sentence = |a: usize, b: usize| {
        let (before, after) = (&units[run.first + a], &units[run.first + b]);
        ends_sentence(&text[before.end..after.start])
    };
    let checksummed = |words: &[(usize, ListWord)]| {
        let clean = |(s, e): (usize, usize)| !words[s..e].windows(2).any(|w| across_sentence(w[0].0, w[1].0));
        let windows = checksummed_windows(words);
        windows.iter().copied().find(|&w| clean(w)).or(windows.first().copied())
    };
    let plain = positioned(None);
    if let Some(window) = checksummed(&plain) {
        return Some(to_items(&plain, window));
    }
    if run.lang != Lang::English || run.count() + 1 < PHRASE_LENGTHS[PHRASE_LENGTHS.len() - 1] {
        return None;
    }
    let holes = run.items.iter().enumerate().filter(|(_, item)| item.is_none()).map(|(at, _)| at);
    holes.zip(&run.holes).find_map(|(at, &unit)| {
        let typed = &text[units[unit].start..units[unit].end];
        near_words(typed).find_map(|index| {
            let filled = positioned(Some((at, index)));
            checksummed(&filled).map(|window| to_items(&filled, window))
        })
    })
}

/// The windows of the longest BIP39 length that pass the checksum, as positions in `words`.
/// A Chinese window must come from one list (English words are all in the one list).
fn checksummed_windows(words: &[(usize, ListWord)]) -> Vec<(usize, usize)> {
    let indices: Vec<u16> = words.iter().map(|(_, w)| w.index).collect();
    for n in PHRASE_LENGTHS {
        let Some(last) = indices.len().checked_sub(n) else { continue };
        let found: Vec<(usize, usize)> = (0..=last)
            .filter(|&s| {
                words[s..s + n].iter().fold(0xff, |lists, (_, w)| lists & w.lists) != 0
                    && checksum_ok(&indices[s..s + n])
            })
            .map(|s| (s, s + n))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// English list words one edit from a short typed word, two from a longer one.
fn near_words(typed: &str) -> impl Iterator<Item = u16> + '_ {
    let typed_lower = typed.to_ascii_lowercase();
    let allowed = if typed.len() >= 5 { 2 } else { 1 };
    english_words()
        .iter()
        .enumerate()
        .filter(move |(_, w)| {
            w.len().abs_diff(typed_lower.len()) <= allowed && osa_distance(w, &typed_lower) <= allowed
        })
        .map(|(i, _)| i as u16)
}

/// Rule 4: parts of a phrase with short bridges between them.
/// `alone` says which runs are findings by themselves: those need no cluster.
fn clusters(units: &[Unit], runs: &[Run], alone: &[bool], out: &mut Vec<Finding>) {
    // Shorter runs between the parts ("part two", "the rest") count as bridge. A part of six
    // random words has two everyday words now and then, so parts may have up to half; the
    // cluster as a whole must look random.
    let part = |r: &Run| r.count() >= CLUSTER_RUN && r.common() * 2 <= r.count();
    let parts: Vec<(&Run, bool)> = runs.iter().zip(alone.iter().copied()).filter(|(r, _)| part(r)).collect();
    let mut k = 0;
    while k < parts.len() {
        let mut m = k + 1;
        while m < parts.len() && parts[m].0.first - parts[m - 1].0.last - 1 <= BRIDGE_UNITS {
            m += 1;
        }
        if m - k >= 2 && parts[k..m].iter().any(|(_, found)| !found) {
            let words: Vec<(usize, ListWord)> =
                parts[k..m].iter().flat_map(|(r, _)| r.words()).map(|w| (0, w)).collect();
            let common: usize = parts[k..m].iter().map(|(r, _)| r.common()).sum();
            // One part at least must look as random as a phrase does (a message pasted
            // twice, "please try again later, success: false", has two parts of half
            // everyday words; halves of a real phrase are both like that 1 time in 1,000).
            let random_part = parts[k..m].iter().any(|(r, _)| r.common() * COMMON_SHARE <= r.count());
            // A third, not a quarter: parts are short, and chance gives them everyday words.
            let kind = if common * 3 > words.len() || !random_part {
                None
            } else if !checksummed_windows(&words).is_empty() {
                Some(SecretKind::Mnemonic)
            } else {
                (words.len() >= CLUSTER_MIN).then_some(SecretKind::MnemonicFragment)
            };
            // Each part is found, not the bridges: they are the user's own words.
            if let Some(kind) = kind {
                for (part, _) in parts[k..m].iter().filter(|(_, found)| !found) {
                    out.push(Finding { kind, start: units[part.first].start, end: units[part.last].end });
                }
            }
        }
        k = m;
    }
}
