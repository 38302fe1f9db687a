//! Confusable folding: maps every character to the ASCII it looks like, so `tpwаllet` (with
//! a Cyrillic `а`), `tpwa1let` and `tpwallet` fold to the same string. It follows the UTS #39
//! skeleton for the characters that look like ASCII (the generated `confusable_table`),
//! lowercases, and goes a little further where scams do: combining accents and invisible
//! characters are dropped (`tpwállet`, `tp\u{200b}wallet`), `vv` reads as `w` and `ii` as `ll`.

use super::confusable_table::{PROTOTYPES, RUNS};

/// The look-alike form of `text`: compare folds, never show them.
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if invisible(c) {
            continue;
        }
        match prototype(c) {
            Some(p) => out.push_str(p),
            None => out.push(c),
        }
    }
    // Not in UTS #39 (which has `rn` for `m`), but classic domain tricks: `vv` for `w`, and
    // `ii` for `ll` (`myetherwaiiet`: a capital `I` passes for an `l`, and a browser shows
    // the address in lowercase).
    out.replace("vv", "w").replace("ii", "ll")
}

/// Combining accents (U+0300–U+036F) and the default-ignorable characters that turn up in
/// pasted text: they change the address without changing what the user sees.
fn invisible(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The ASCII a non-ASCII character looks like (`а` → `a`, `𝐛` → `b`, `ﬁ` → `fi`), lowercase.
pub(crate) fn ascii_lookalike(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    prototype(c)
}

/// The ASCII prototype of `c`, if `c` looks like one (decodes the run table).
fn prototype(c: char) -> Option<&'static str> {
    let c = u32::from(c);
    let mut bytes = RUNS.iter().copied();
    let mut first = 0u32;
    loop {
        let mut delta = 0u32;
        let mut shift = 0;
        loop {
            let b = bytes.next()?;
            delta |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        first += delta;
        let (shape, proto) = (bytes.next()?, bytes.next()?);
        if c < first {
            return None; // runs are in order: no later run can hold `c`
        }
        let offset = c - first;
        if offset <= u32::from(shape >> 1) {
            let step = if shape & 1 == 1 { offset as usize } else { 0 };
            return PROTOTYPES.get(usize::from(proto) + step).copied();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_that_look_latin_fold_to_ascii() {
        assert_eq!(fold("tpwаllet"), "tpwallet"); // Cyrillic а
        assert_eq!(fold("tpwallеt"), "tpwallet"); // Cyrillic е
        assert_eq!(fold("ΤΡWΑLLΕΤ"), "tpwallet"); // Greek capitals
        assert_eq!(fold("tpwallet_οfficial"), "tpwallet_official"); // Greek ο
        assert_eq!(fold("ｔｐｗａｌｌｅｔ"), "tpwallet"); // fullwidth
        assert_eq!(fold("𝐭𝐩𝐰𝐚𝐥𝐥𝐞𝐭"), "tpwallet"); // mathematical bold
    }

    #[test]
    fn digits_and_letter_pairs_that_look_alike() {
        assert_eq!(fold("tpwa11et"), "tpwallet");
        assert_eq!(fold("tpwallet_0fficial"), "tpwallet_official");
        assert_eq!(fold("TPWALLET"), "tpwallet");
        assert_eq!(fold("tpvvallet"), "tpwallet");
        assert_eq!(fold("metamask"), fold("rnetarnask"));
    }

    #[test]
    fn accents_and_invisible_characters_are_dropped() {
        assert_eq!(fold("tpwállet"), "tpwallet");
        assert_eq!(fold("tpwa\u{301}llet"), "tpwallet");
        assert_eq!(fold("tp\u{200b}wallet"), "tpwallet");
    }

    #[test]
    fn other_characters_stay() {
        assert_eq!(fold("钱包"), "钱包");
        assert_eq!(fold("tp-wallet_2"), "tp-wallet_2");
        assert_eq!(prototype('z'), None);
        assert_eq!(prototype('\u{10ffff}'), None);
    }
}
