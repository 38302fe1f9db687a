//! Splits text into the word tokens the mnemonic rules look at: runs of letters (Latin and
//! other alphabets) and single CJK ideographs, each with its byte range and, when it is one,
//! its BIP39 list word. Everything between tokens (spaces, punctuation, digits of a numbered
//! list) is a gap; the rules decide which gaps a phrase may contain.

use super::wordlist::{chinese_word, english_index, ListWord};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// A run of letters; the index is `Some` when it is an English list word.
    Latin(Option<u16>),
    /// One CJK ideograph; `Some` when it is in a Chinese list.
    Cjk(Option<ListWord>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: Word,
}

/// What lies between two consecutive tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The tokens touch (only possible between CJK characters).
    None,
    /// Only white space within a line (spaces, tabs, the ideographic space).
    Space,
    /// Punctuation, digits, symbols or a line break: commas, "1.", "2)", "、", "\n".
    Separator,
}

/// Gaps longer than this break a phrase: numbering and punctuation between two words of a
/// pasted phrase are short, so a long stretch of symbols means the words are not one phrase.
const MAX_GAP_BYTES: usize = 16;

/// CJK Unified Ideographs (with extension A and the compatibility block): every word of the
/// Chinese lists is in the first block.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Letters of any script, cheaply: ASCII letters, and any other character that is not
/// white space, punctuation or a symbol from the blocks users type between words (full-width
/// commas, quotes, dashes, emoji). `char::is_alphabetic` would be exact but brings a Unicode
/// table into the Wasm; an accented or Cyrillic letter only needs to break a run, and does.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let punctuation = matches!(c,
        '\u{80}'..='\u{BF}' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE10}'..='\u{FE6F}'
        | '\u{FF00}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '\u{1F000}'..);
    !punctuation && !c.is_whitespace() && c != '\u{D7}' && c != '\u{F7}'
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut letters_from: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_cjk(c) {
            close_letters(text, &mut tokens, &mut letters_from, i);
            let word = Word::Cjk(chinese_word(c));
            tokens.push(Token { start: i, end: i + c.len_utf8(), word });
        } else if is_letter(c) {
            letters_from.get_or_insert(i);
        } else {
            close_letters(text, &mut tokens, &mut letters_from, i);
        }
    }
    close_letters(text, &mut tokens, &mut letters_from, text.len());
    tokens
}

fn close_letters(text: &str, tokens: &mut Vec<Token>, from: &mut Option<usize>, end: usize) {
    if let Some(start) = from.take() {
        let word = Word::Latin(english_index(&text[start..end]));
        tokens.push(Token { start, end, word });
    }
}

/// Classifies the text between two tokens; `None` when it is too long to be inside a phrase.
pub fn gap(text: &str, before: &Token, after: &Token) -> Option<Gap> {
    let between = text.get(before.end..after.start)?;
    if between.is_empty() {
        Some(Gap::None)
    } else if between.len() > MAX_GAP_BYTES {
        None
    } else if between.chars().all(|c| c.is_whitespace() && c != '\n') {
        Some(Gap::Space)
    } else {
        Some(Gap::Separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_letters_digits_and_ideographs() {
        assert_eq!(words("1.abandon 2) Ability,able"), ["abandon", "Ability", "able"]);
        assert_eq!(words("助记词：的一 是"), ["助", "记", "词", "的", "一", "是"]);
        assert_eq!(words("my seed: café"), ["my", "seed", "café"]);
        assert_eq!(words("“word”—word…１２ｗｏｒｄ🙂word"), ["word", "word", "ｗｏｒｄ", "word"]);
    }

    #[test]
    fn marks_list_words() {
        let tokens = tokenize("Abandon the 的 ㄅ");
        assert_eq!(tokens[0].word, Word::Latin(Some(0)));
        assert_eq!(tokens[1].word, Word::Latin(None));
        assert!(matches!(tokens[2].word, Word::Cjk(Some(w)) if w.index == 0));
        assert_eq!(tokens.len(), 4);
    }

    #[test]
    fn classifies_gaps() {
        let text = "的一 是，在1.不                     了\n的";
        let t = tokenize(text);
        assert_eq!(gap(text, &t[0], &t[1]), Some(Gap::None));
        assert_eq!(gap(text, &t[1], &t[2]), Some(Gap::Space));
        assert_eq!(gap(text, &t[2], &t[3]), Some(Gap::Separator));
        assert_eq!(gap(text, &t[3], &t[4]), Some(Gap::Separator));
        assert_eq!(gap(text, &t[4], &t[5]), None);
        assert_eq!(gap(text, &t[5], &t[6]), Some(Gap::Separator));
    }
}
