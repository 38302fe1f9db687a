//! The text as a person reads it: what the detectors scan. Input methods and copy-paste
//! change how a phrase is encoded without changing how it looks, so before anything is
//! matched:
//! - full-width forms (a Chinese input method in full-width mode: `ａｂａｎｄｏｎ`, `１．`,
//!   `，`) become their ASCII originals, and the ideographic space a space;
//! - invisible format characters (zero-width space and joiners, word joiner, soft hyphen,
//!   BOM, direction marks, variation selectors, tags) are dropped;
//! - other compatibility and look-alike letters (mathematical bold `𝐚`, circled `ⓐ`,
//!   ligatures `ﬁ`, Cyrillic `а`, Greek `ο`, accented `é`) become the ASCII letters they
//!   show, through the UTS #39 table the contact verifier uses too; circled and
//!   parenthesised numbers (`①`, `⑴`, `⒈`), which users number phrases with, become digits.
//!
//! CJK ideographs are kept as they are: the Chinese word lists are made of them. Every byte
//! of the result remembers the range of the original character it came from, so a finding
//! in the seen text maps back onto the text the user typed (for highlighting and removal).

use crate::core::contacts::ascii_lookalike;

pub struct Seen {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the original character's byte range; empty when the text
    /// needed no change (then offsets are the same).
    from: Vec<(u32, u32)>,
}

impl Seen {
    pub fn new(original: &str) -> Seen {
        if original.bytes().all(|b| b.is_ascii() && b != 0x7f) {
            return Seen { text: original.to_string(), from: Vec::new() };
        }
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let range = (at as u32, (at + c.len_utf8()) as u32);
            match fold(c) {
                Folded::Keep => text.push(c),
                Folded::Drop => {}
                Folded::Char(a) => text.push(a),
                Folded::Str(s) => text.push_str(s),
            }
            from.resize(text.len(), range);
        }
        Seen { text, from }
    }

    /// The original byte range of `self.text[start..end]` (a non-empty range on character
    /// boundaries).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.from.is_empty() {
            return (start, end);
        }
        let first = self.from.get(start).map_or(0, |r| r.0 as usize);
        let last = self.from.get(end.saturating_sub(1)).map_or(first, |r| r.1 as usize);
        (first, last.max(first))
    }
}

enum Folded {
    Keep,
    Drop,
    Char(char),
    Str(&'static str),
}

/// What a reader sees for `c`.
fn fold(c: char) -> Folded {
    let code = u32::from(c);
    match c {
        _ if c.is_ascii() => Folded::Keep,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(code - 0xFEE0).map_or(Folded::Keep, Folded::Char),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Folded::Char(' '),
        _ if invisible(c) => Folded::Drop,
        // ① to ⑳, ⑴ to ⒇ and ⒈ to ⒛: numbering, so digits (the separator rules see them).
        '\u{2460}'..='\u{2473}' => number(code - 0x2460 + 1),
        '\u{2474}'..='\u{2487}' => number(code - 0x2474 + 1),
        '\u{2488}'..='\u{249B}' => number(code - 0x2488 + 1),
        '\u{2776}'..='\u{277F}' => number(code - 0x2776 + 1),
        // Circled and parenthesised letters: compatibility forms UTS #39 does not list.
        '\u{249C}'..='\u{24B5}' => letter(code - 0x249C),
        '\u{24B6}'..='\u{24CF}' => letter(code - 0x24B6),
        '\u{24D0}'..='\u{24E9}' => letter(code - 0x24D0),
        // Mathematical alphanumerics: 13 styles of A–Z a–z, then 5 of 0–9.
        '\u{1D400}'..='\u{1D6A3}' => {
            let k = (code - 0x1D400) % 52;
            char::from_u32(if k < 26 { u32::from(b'A') + k } else { u32::from(b'a') + k - 26 })
                .map_or(Folded::Keep, Folded::Char)
        }
        '\u{1D7CE}'..='\u{1D7FF}' => number((code - 0x1D7CE) % 10),
        _ if super::tokens::is_cjk(c) => Folded::Keep,
        _ => match ascii_lookalike(c) {
            Some(ascii) if ascii.bytes().all(|b| b.is_ascii_alphabetic()) => Folded::Str(ascii),
            _ => Folded::Keep,
        },
    }
}

fn letter(offset: u32) -> Folded {
    char::from_u32(u32::from(b'a') + offset).map_or(Folded::Keep, Folded::Char)
}

fn number(n: u32) -> Folded {
    const DIGITS: [&str; 21] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
        "20",
    ];
    DIGITS.get(n as usize).map_or(Folded::Keep, |s| Folded::Str(s))
}

/// Format characters (general category Cf) and other default-ignorable characters that
/// show nothing: soft hyphen, combining grapheme joiner, Arabic letter mark, Mongolian
/// vowel separator and free variation selectors, zero-width space/joiners and direction
/// marks, word joiner and invisible operators, direction isolates, Hangul fillers,
/// variation selectors, the BOM, and tag characters.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str) -> String {
        Seen::new(text).text
    }

    #[test]
    fn full_width_and_invisible_characters_read_as_ascii() {
        assert_eq!(seen("ａｂａｎｄｏｎ　ＡＢＩＬＩＴＹ，１．"), "abandon ABILITY,1.");
        assert_eq!(
            seen("aban\u{200B}don ab\u{00AD}le wo\u{2060}rd\u{FEFF} x\u{200D}y\u{200C}z"),
            "abandon able word xyz"
        );
        assert_eq!(seen("①abandon ⑵able ⒓about ⑳"), "1abandon 2able 12about 20");
    }

    #[test]
    fn look_alike_letters_become_ascii_but_cjk_stays() {
        assert_eq!(seen("𝐚𝐛𝐚𝐧𝐝𝐨𝐧 ⓐⓑⓛⓔ ﬁeld"), "abandon able field");
        assert_eq!(seen("аbаndоn"), "abandon", "Cyrillic а and о");
        assert_eq!(seen("的一是 助记词"), "的一是 助记词");
        assert_eq!(seen("café"), "cafe");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "x ａｂ\u{200B}ｃ y";
        let s = Seen::new(text);
        assert_eq!(s.text, "x abc y");
        let (a, b) = s.original(2, 5);
        assert_eq!(&text[a..b], "ａｂ\u{200B}ｃ");
        let plain = Seen::new("plain text");
        assert_eq!(plain.original(1, 4), (1, 4));
        let lig = Seen::new("ﬁx");
        assert_eq!(lig.text, "fix");
        assert_eq!(lig.original(0, 1), (0, 3), "half a ligature is the whole ligature");
    }
}
