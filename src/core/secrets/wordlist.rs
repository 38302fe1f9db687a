//! The BIP39 word lists the guard looks words up in (English, Chinese simplified, Chinese
//! traditional) and fast lookup into them.
//!
//! The official one-word-per-line files are in `words/`, generated once from the `bip39`
//! crate (`Language::word_list()`); they can be diffed against the BIP39 repository's
//! `english.txt`, `chinese_simplified.txt` and `chinese_traditional.txt`. The Wasm carries the
//! simplified list as is and two smaller forms of the others (the tests check both expand to
//! the official files), which cut the lists from about 12.5 to 10.8 KB gzip in the Wasm:
//! - `english.fc`: front-coded, each word as one digit (letters shared with the word before)
//!   and the rest of its letters. The sorted list shares long prefixes.
//! - `chinese_traditional.patch`: one character per word, `.` where it is the simplified
//!   list's character (1,275 of the 2,048 are).

use std::sync::OnceLock;

const ENGLISH_CODED: &str = include_str!("words/english.fc");
const CHINESE_SIMPLIFIED: &str = include_str!("words/chinese_simplified.txt");
const CHINESE_TRADITIONAL_PATCH: &str = include_str!("words/chinese_traditional.patch");

/// Expands `english.fc` to one word per line.
fn expand_english(coded: &str) -> String {
    let mut out = String::with_capacity(13_200);
    let mut word = String::new();
    for c in coded.chars() {
        match c.to_digit(10) {
            Some(shared) => {
                if !out.is_empty() || !word.is_empty() {
                    out.push_str(&word);
                    out.push('\n');
                }
                word.truncate(shared as usize);
            }
            None => word.push(c),
        }
    }
    out.push_str(&word);
    out.push('\n');
    out
}

/// The traditional list's characters, in list order.
fn traditional() -> impl Iterator<Item = char> {
    CHINESE_SIMPLIFIED
        .lines()
        .filter_map(|line| line.chars().next())
        .zip(CHINESE_TRADITIONAL_PATCH.chars())
        .map(|(simplified, patch)| if patch == '.' { simplified } else { patch })
}

/// Bit set in [`ListWord::lists`] when the character is in the simplified list.
pub const SIMPLIFIED: u8 = 1;
/// Bit set in [`ListWord::lists`] when the character is in the traditional list.
pub const TRADITIONAL: u8 = 2;
/// [`ListWord::lists`] of an English word.
pub const ENGLISH: u8 = 4;

/// A word of a list: its index, and the lists it is in ([`ENGLISH`], or for a Chinese word,
/// always one character, [`SIMPLIFIED`] and/or [`TRADITIONAL`]). The 1,275 characters that
/// the two Chinese lists share sit at the same index in both, so one index serves both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListWord {
    pub index: u16,
    pub lists: u8,
}

/// The English list, in list order. It is sorted, so a binary search over it is enough.
pub fn english_words() -> &'static [&'static str] {
    static TEXT: OnceLock<String> = OnceLock::new();
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| TEXT.get_or_init(|| expand_english(ENGLISH_CODED)).lines().collect())
}

/// Every Chinese list word is in the CJK Unified Ideographs block.
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;
const INDEX_BITS: u16 = 0x07ff;

/// The Chinese lists are ordered by character frequency, not by code point, so lookup goes
/// through a table indexed by code point (42 KB of memory, built once on first use; a
/// sorted table would need a sort routine in the Wasm). Each entry is 0 for "not a word",
/// else the index plus the list bits shifted above the 11 index bits.
fn chinese() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u16; (CJK_LAST - CJK_FIRST + 1) as usize];
        let simplified = CHINESE_SIMPLIFIED.lines().filter_map(|line| line.chars().next());
        let lists: [(Box<dyn Iterator<Item = char>>, u8); 2] =
            [(Box::new(simplified), SIMPLIFIED), (Box::new(traditional()), TRADITIONAL)];
        for (list, bit) in lists {
            for (index, c) in list.enumerate() {
                if let Some(slot) = (c as u32).checked_sub(CJK_FIRST).and_then(|i| table.get_mut(i as usize)) {
                    // The 1,275 shared characters have the same index in both lists.
                    *slot = index as u16 | (*slot & !INDEX_BITS) | (u16::from(bit) << 11);
                }
            }
        }
        table
    })
}

/// Index of an English list word, ignoring ASCII case. Words longer than 8 letters or with
/// non-ASCII letters cannot be list words, so no allocation is needed.
pub fn english_index(word: &str) -> Option<u16> {
    let bytes = word.as_bytes();
    if !(3..=8).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut lower = [0u8; 8];
    for (slot, b) in lower.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&lower[..bytes.len()]).ok()?;
    english_words().binary_search(&lower).ok().map(|i| i as u16)
}

/// The Chinese list word for a character, if it is in either list.
pub fn chinese_word(c: char) -> Option<ListWord> {
    let entry = *chinese().get((c as u32).checked_sub(CJK_FIRST)? as usize)?;
    let lists = (entry >> 11) as u8;
    (lists != 0).then_some(ListWord { index: entry & INDEX_BITS, lists })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH_TXT: &str = include_str!("words/english.txt");
    const CHINESE_TRADITIONAL: &str = include_str!("words/chinese_traditional.txt");

    #[test]
    fn the_compact_forms_expand_to_the_official_lists() {
        assert_eq!(expand_english(ENGLISH_CODED), ENGLISH_TXT);
        let official: String = CHINESE_TRADITIONAL.lines().collect();
        assert_eq!(traditional().collect::<String>(), official);
        assert_eq!(CHINESE_TRADITIONAL_PATCH.chars().count(), 2048);
    }

    #[test]
    fn lists_have_2048_words() {
        assert_eq!(english_words().len(), 2048);
        assert_eq!(CHINESE_SIMPLIFIED.lines().count(), 2048);
        assert_eq!(CHINESE_TRADITIONAL.lines().count(), 2048);
        // Every character is in the table's block, and no character has two indices.
        let mut entries = 0;
        for list in [CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL] {
            for (i, line) in list.lines().enumerate() {
                let c = line.chars().next().unwrap();
                assert_eq!(line.chars().count(), 1);
                assert_eq!(chinese_word(c).map(|w| w.index), Some(i as u16), "{c}");
            }
        }
        for entry in chinese() {
            entries += usize::from(*entry != 0);
        }
        assert_eq!(entries, 2048 + 2048 - 1275);
    }

    #[test]
    fn english_lookup_ignores_case() {
        assert_eq!(english_index("abandon"), Some(0));
        assert_eq!(english_index("ZOO"), Some(2047));
        assert_eq!(english_index("Wallet"), english_index("wallet"));
        assert_eq!(english_index("the"), None);
        assert_eq!(english_index("abandons"), None);
        assert_eq!(english_index("café"), None);
    }

    #[test]
    fn chinese_lookup_knows_both_lists() {
        assert_eq!(chinese_word('的'), Some(ListWord { index: 0, lists: SIMPLIFIED | TRADITIONAL }));
        let simplified_only = chinese_word('这').map(|w| w.lists);
        let traditional_only = chinese_word('這').map(|w| w.lists);
        assert_eq!(simplified_only, Some(SIMPLIFIED));
        assert_eq!(traditional_only, Some(TRADITIONAL));
        assert_eq!(chinese_word('这').map(|w| w.index), chinese_word('這').map(|w| w.index));
        assert_eq!(chinese_word('a'), None);
    }
}
