//! Look-alike measures: how a name compares with an official one ([`compare`]) and whether a
//! longer name carries the brand ([`mentions`]). Distances are strsim's optimal string
//! alignment (Levenshtein plus adjacent swaps): a swap is one typo, as users see it.

use super::fold::fold;
use strsim::osa_distance;

/// How a candidate name relates to an official one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Near {
    Same,
    Confusable,
    Typo,
    Swapped,
    Doubled,
}

/// How many edits still count as a look-alike of `official`: none for very short names
/// (every 3-letter name is 1 edit from many others), one up to 6 characters, two from 7.
fn allowance(official: &str) -> usize {
    match official.chars().count() {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Compares two names of the same kind (domain labels, handles), ASCII already lowercased.
pub(super) fn compare(candidate: &str, official: &str) -> Option<Near> {
    if candidate == official {
        return Some(Near::Same);
    }
    let (cf, of) = (fold(candidate), fold(official));
    if cf == of {
        return Some(Near::Confusable);
    }
    let allowed = allowance(official);
    let raw = osa_distance(candidate, official);
    let folded = osa_distance(&cf, &of);
    // Look-alike characters explain the difference better when they account for part of it
    // (`tpwa1lett`: a `1` for an `l`, then a doubled `t`).
    if folded < raw && folded <= allowed && (folded < 2 || plausible_two_edits(&cf, &of)) {
        return Some(Near::Confusable);
    }
    (raw <= allowed && (raw < 2 || plausible_two_edits(candidate, official))).then(|| match raw {
        1 if swapped(candidate, official) => Near::Swapped,
        1 if doubled(candidate, official) => Near::Doubled,
        _ => Near::Typo,
    })
}

/// Two edits make many real names from one, so a two-edit look-alike must keep what a
/// reader checks: the start, where brands put their distinctive letters (`tbwalet` imitates
/// `tpwallet`; `okwallet` and `mywallet` are other names), and nearly the whole length (two
/// letters off the front of `tpwallet` leave `wallet`, a word). Two letters left out
/// (`metmsk`, `mytherwalet`) are the exception to the length rule: phishers drop letters a
/// hurried reader's eye fills in again. For a brand under ten letters two letters changed in
/// place, or a new ending, are other names: `metabase`, `metarank`, `metapack`, `metamax`
/// are companies of their own, two letters from `metamask`.
fn plausible_two_edits(candidate: &str, official: &str) -> bool {
    let (c, o): (Vec<char>, Vec<char>) = (candidate.chars().collect(), official.chars().collect());
    let keeps_start = c.first() == o.first() || c.get(1) == o.get(1);
    let two_changed = c.len() == o.len() && c.iter().zip(&o).filter(|(x, y)| x != y).count() == 2;
    // `metamax`, `metamag`: the brand's last two letters traded for one, another word's ending.
    let new_ending = c.len() < o.len() && c.iter().zip(&o).take_while(|(x, y)| x == y).count() + 2 >= o.len();
    let short = o.len() < 10;
    keeps_start && (two_left_out(&c, &o) || (c.len() + 1 >= o.len() && !(short && (two_changed || new_ending))))
}

/// `candidate` is `official` with two letters left out, the first one kept (`metmsk`).
fn two_left_out(candidate: &[char], official: &[char]) -> bool {
    let mut rest = official.iter();
    candidate.len() + 2 == official.len()
        && candidate.first() == official.first()
        && candidate.iter().all(|c| rest.any(|o| o == c))
}

/// One adjacent transposition (the distance is already known to be 1).
fn swapped(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count() && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 2
}

/// `a` is `b` with one letter written twice.
fn doubled(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    (1..a.len()).any(|i| a[i] == a[i - 1] && a[..i].iter().chain(&a[i + 1..]).copied().eq(b.chars()))
}

/// Whether `text` carries `brand`, ignoring separators and case: `tpwallet.support`,
/// `support-tpwa1let`, `tpwalletservice`, `tp_wallet_help`, `my-metmaask`. Both are compared
/// as written and folded ([`fold`] reads look-alike characters as the letters they imitate,
/// but it also spells `m` as `rn`, which would hide a swap next to an `m`). A brand of fewer
/// than 4 characters is too common a string to go by.
pub(super) fn mentions(text: &str, brand: &str) -> bool {
    let plain = |s: &str| s.chars().map(|c| c.to_ascii_lowercase()).collect::<String>();
    carries(&plain(text), &plain(brand)) || carries(&fold(text), &fold(brand))
}

fn carries(text: &str, brand: &str) -> bool {
    let n = brand.chars().count();
    if n < 4 {
        return false;
    }
    let joined: String = text.chars().filter(|c| !matches!(c, '.' | '-' | '_' | '+' | ' ')).collect();
    if joined.contains(brand) {
        return true;
    }
    // A misspelt brand among other words (`tpwaletservice`, `login-metmaask`,
    // `metmuskextension`), for brands long enough that an edit rarely makes another word:
    // one edit from 6 letters, two (as [`compare`] allows them) from 8, and the brand's first
    // two letters kept (`trustwallet` holds `twallet`, one edit from `tpwallet`, but is
    // another name). The other words must be more than a letter (`metamako` is one name two
    // letters from `metamask`, not the brand and a word), at least a short word for two edits.
    let chars: Vec<char> = joined.chars().collect();
    let start: Vec<char> = brand.chars().take(2).collect();
    n >= 6
        && (n - 2..=n + 1).any(|len| {
            chars.windows(len).filter(|w| w.starts_with(&start)).any(|w| {
                let (window, extra) = (w.iter().collect::<String>(), chars.len() - len);
                match osa_distance(&window, brand) {
                    0 | 1 => extra >= 2,
                    2 => n >= 8 && extra >= 4 && plausible_two_edits(&window, brand),
                    _ => false,
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_edit() {
        assert_eq!(compare("tpwallet", "tpwallet"), Some(Near::Same));
        assert_eq!(compare("tpwlalet", "tpwallet"), Some(Near::Swapped));
        assert_eq!(compare("tpwallett", "tpwallet"), Some(Near::Doubled));
        assert_eq!(compare("tppwallet", "tpwallet"), Some(Near::Doubled));
        assert_eq!(compare("tpwalet", "tpwallet"), Some(Near::Typo));
        assert_eq!(compare("tpwallat", "tpwallet"), Some(Near::Typo));
        assert_eq!(compare("tbwalet", "tpwallet"), Some(Near::Typo));
        assert_eq!(compare("tpwa1let", "tpwallet"), Some(Near::Confusable));
        assert_eq!(compare("tpvvallet", "tpwallet"), Some(Near::Confusable));
        assert_eq!(compare("tpwa1lett", "tpwallet"), Some(Near::Confusable));
    }

    #[test]
    fn unrelated_and_short_names_are_not_near() {
        assert_eq!(compare("wallet", "tpwallet"), None);
        assert_eq!(compare("mywalletz", "tpwallet"), None);
        assert_eq!(compare("okwallet", "tpwallet"), None);
        assert_eq!(compare("mywallet", "tpwallet"), None);
        assert_eq!(compare("trustwallet", "tpwallet"), None);
        assert_eq!(compare("okx", "okb"), None);
        assert_eq!(compare("okx", "okx"), Some(Near::Same));
        assert_eq!(compare("binanse", "binance"), Some(Near::Typo));
    }

    #[test]
    fn brand_mentions() {
        assert!(mentions("tpwallet.support", "tpwallet"));
        assert!(mentions("support-tpwa1let", "tpwallet"));
        assert!(mentions("tp_wallet_help", "tpwallet"));
        assert!(mentions("tpwaletservice", "tpwallet"));
        assert!(!mentions("mywallet_help", "tpwallet"));
        assert!(!mentions("trustwallet", "tpwallet"));
        assert!(!mentions("john.smith", "tpwallet"));
        assert!(!mentions("okx-support", "okx"));
    }

    #[test]
    fn two_letters_left_out_and_two_changed() {
        assert_eq!(compare("metmsk", "metamask"), Some(Near::Typo));
        assert_eq!(compare("mytherwalet", "myetherwallet"), Some(Near::Typo));
        assert_eq!(compare("wallet", "tpwallet"), None, "two letters off the front leave a word");
        assert_eq!(compare("metabase", "metamask"), None, "two letters changed in place");
        assert_eq!(compare("metamax", "metamask"), None, "a new ending");
        assert_eq!(compare("myetherwallat", "myetherwallet"), Some(Near::Typo));
    }

    #[test]
    fn a_swap_next_to_an_m_is_seen_although_m_folds_to_rn() {
        assert_eq!(fold("metmaask"), "rnetrnaask");
        assert!(mentions("my-metmaask", "metamask"));
        assert!(mentions("metmuskextension", "metamask"), "two edits among a long word");
        assert!(!mentions("metamako", "metamask"), "one letter more is not a word");
        assert!(!mentions("metamate", "metamask"));
    }
}
