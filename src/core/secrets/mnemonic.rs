//! BIP39 facts the phrase rules share: the checksum, the phrase lengths, and which English
//! list words are everyday words. How runs of words become findings is in `runs` (laid out
//! word by word) and `chinese` (Chinese written solid).

use super::wordlist::english_index;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// Phrase lengths BIP39 defines, longest first (a longer valid window wins).
pub const PHRASE_LENGTHS: [usize; 5] = [24, 21, 18, 15, 12];
/// Fewer words than this are not reported without a checksum: short runs of list words are
/// common in prose ("you can use this"), eight in a row with nothing else are not.
pub const MIN_FRAGMENT: usize = 8;
/// Frequent English words, and words of wallet support, that happen to be list words. A
/// random phrase has few of them (94 of 2048 words: more than a quarter of 8 or 12 random
/// words are common less than once in 100 times), a sentence or a list of topics ("balance,
/// transfer, fee, network…") has many; a run with more than one in [`COMMON_SHARE`] and no
/// checksum is not a fragment.
const COMMON: &[&str] = &[
    "about", "above", "account", "across", "address", "again", "all", "also", "any", "area", "around", "away",
    "balance", "because", "before", "between", "can", "card", "cash", "chat", "code", "coin", "come", "credit", "day",
    "delay", "device", "during", "else", "enough", "error", "exchange", "face", "fee", "find", "first", "give", "have",
    "help", "history", "into", "just", "later", "left", "like", "little", "long", "make", "message", "mobile", "more",
    "much", "network", "never", "next", "now", "off", "often", "old", "one", "only", "order", "over", "payment",
    "phone", "problem", "report", "same", "say", "screen", "security", "service", "such", "swap", "that", "then",
    "there", "they", "this", "together", "token", "transfer", "two", "update", "use", "very", "way", "what", "when",
    "where", "will", "work", "wrong", "you",
];
pub const COMMON_SHARE: usize = 4;

/// True when `indices` (12, 15, 18, 21 or 24 words) end with the BIP39 checksum: the last
/// n/3 bits are the first n/3 bits of SHA-256 of the entropy the other bits encode.
pub fn checksum_ok(indices: &[u16]) -> bool {
    let n = indices.len();
    if !PHRASE_LENGTHS.contains(&n) {
        return false;
    }
    let checksum_bits = n / 3;
    let mut entropy = [0u8; 33];
    let (mut acc, mut bits, mut filled) = (0u32, 0u32, 0usize);
    for &index in indices {
        acc = ((acc << 11) | u32::from(index & 0x7ff)) & 0x00ff_ffff;
        bits += 11;
        while bits >= 8 {
            bits -= 8;
            entropy[filled] = (acc >> bits) as u8;
            filled += 1;
        }
    }
    // The last `checksum_bits` bits of the stream are still the low bits of `acc`.
    let checksum = acc & ((1 << checksum_bits) - 1);
    let hash = Sha256::digest(&entropy[..checksum_bits * 4]);
    u32::from(hash[0] >> (8 - checksum_bits)) == checksum
}

/// Is the English list word at `index` an everyday word ([`COMMON`])?
pub fn is_common(index: u16) -> bool {
    static INDICES: OnceLock<Vec<u16>> = OnceLock::new();
    INDICES.get_or_init(|| COMMON.iter().filter_map(|w| english_index(w)).collect()).contains(&index)
}

#[cfg(test)]
mod tests {
    use super::super::{scan, FieldKind, SecretKind};
    use super::*;

    fn kinds(text: &str) -> Vec<SecretKind> {
        scan(text, FieldKind::Text).into_iter().map(|f| f.kind).collect()
    }

    const ABOUT: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn checksum_accepts_test_vectors_and_rejects_changes() {
        assert_eq!(kinds(ABOUT), [SecretKind::Mnemonic]);
        let zoo = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote";
        assert_eq!(kinds(zoo), [SecretKind::Mnemonic]);
        // Same words, last one changed: twelve list words without a checksum are a fragment.
        let wrong = ABOUT.replace("about", "above");
        assert_eq!(kinds(&wrong), [SecretKind::MnemonicFragment]);
    }

    #[test]
    fn layouts_do_not_matter() {
        let numbered: String = ABOUT.split(' ').enumerate().map(|(i, w)| format!("{}. {w}\n", i + 1)).collect();
        assert_eq!(kinds(&numbered), [SecretKind::Mnemonic]);
        let glued: String =
            ABOUT.split(' ').enumerate().map(|(i, w)| format!("{}){}", i + 1, w.to_uppercase())).collect();
        assert_eq!(kinds(&glued), [SecretKind::Mnemonic]);
        assert_eq!(kinds(&ABOUT.replace(' ', "， ")), [SecretKind::Mnemonic]);
        let said = format!("support asked me for my seed: {ABOUT}. Is that ok?");
        assert_eq!(kinds(&said), [SecretKind::Mnemonic]);
    }

    #[test]
    fn common_words_are_list_words() {
        use super::super::wordlist::english_index;
        assert!(COMMON.iter().all(|w| english_index(w).is_some()));
        assert!(COMMON.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(COMMON.len(), 94);
    }

    #[test]
    fn sentences_are_not_runs() {
        assert!(kinds("I sent my money to the wrong address and the app said failed").is_empty());
        assert!(kinds("you can use this one only when they have that").is_empty());
        assert_eq!(kinds("ribbon cousin tunnel orbit mango pepper wagon crystal"), [SecretKind::MnemonicFragment]);
        assert!(kinds("ribbon cousin tunnel orbit mango pepper wagon").is_empty());
    }
}
