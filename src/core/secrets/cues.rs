//! Cue words ("private key", "私钥", "seed phrase", "助记词"…) and the rule for when one is
//! "near" a value. A cue turns an ambiguous value (64 hex digits that may be a transaction
//! hash, a run of common Chinese characters) into a secret.

/// Words that say the value next to them is a private key.
const KEY_CUES: &[&str] = &[
    "private key",
    "private-key",
    "private_key",
    "privatekey",
    "privkey",
    "priv key",
    "secret key",
    "secret-key",
    "secret_key",
    "secretkey",
    // "pk: …", "PK = …": how keys are labelled in exports and notes.
    "pk:",
    "pk :",
    "pk=",
    "pk =",
    "pk is",
    "私钥",
    "密钥",
    "私鑰",
    "密鑰",
];

/// Words that say a phrase is a wallet's recovery words (key cues count too).
const PHRASE_CUES: &[&str] = &[
    "seed",
    "mnemonic",
    "recovery phrase",
    "secret phrase",
    "backup phrase",
    "recovery words",
    "助记词",
    "助記詞",
    "助记",
    "助記",
    "种子",
    "種子",
    "恢复短语",
    "恢復短語",
];

/// Words that say the value is a hash or a signature: between a cue and a value they cut the
/// link ("my private key is safe, the tx hash is 0x…", "… no private key. My transfer 0x…").
const HASH_WORDS: &[&str] = &[
    "hash",
    "txid",
    "tx id",
    "tx:",
    "tx ",
    "tx/",
    "transaction",
    "signature",
    "transfer",
    "payment",
    "deposit",
    "withdraw",
    "scan",
    "explorer",
    "哈希",
    "交易",
    "浏览器",
    "瀏覽器",
    "签名",
    "簽名",
    "转账",
    "转帐",
    "轉帳",
    "提币",
    "提幣",
    "充值",
    "付款",
];

/// How far (in bytes) a cue may stand before the value ("my private key is: 0x…") or after it
/// ("0x… is my private key"). About a short clause in either language.
const BEFORE: usize = 48;
const AFTER: usize = 32;
/// How close before a value a hash word labels it ("tx hash: 0x…", "哈希值：").
const LABEL: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cues {
    /// Private-key words only.
    Key,
    /// Key words plus recovery-phrase words.
    Phrase,
    /// The bare word "key"/"keys" (used with a `0x` value in free text).
    AnyKey,
}

/// Is a cue of the given set near `lower[start..end]`? `lower` is the text with ASCII letters
/// lowered, so its byte offsets are the original's.
pub fn near(lower: &str, start: usize, end: usize, cues: Cues) -> bool {
    near_within(lower, start, end, cues, BEFORE, AFTER)
}

/// How close a cue must be to a value with no checksum to back it: next to it ("助记词：…",
/// "…是我的助记词"), not in a neighbouring sentence.
pub const NEXT_TO: usize = 16;

/// [`near`] with other distances: `before` bytes before the value, `after` bytes after it.
pub fn near_within(lower: &str, start: usize, end: usize, cues: Cues, before: usize, after: usize) -> bool {
    let from = floor_boundary(lower, start.saturating_sub(before));
    let to = ceil_boundary(lower, (end + after).min(lower.len()));
    let words: &[&[&str]] = match cues {
        Cues::Key => &[KEY_CUES],
        Cues::Phrase => &[KEY_CUES, PHRASE_CUES],
        Cues::AnyKey => &[&["key"]],
    };
    words.iter().flat_map(|set| set.iter()).any(|cue| {
        find_all(lower, from, to, cue).any(|at| {
            let cue_end = at + cue.len();
            if cue_end <= start {
                !has_hash_word(&lower[cue_end..start])
            } else if at >= end {
                // "哈希值：0x… 金额…私钥": a value labelled as a hash is not claimed by a later cue.
                let label = &lower[floor_boundary(lower, start.saturating_sub(LABEL))..start];
                !has_hash_word(&lower[end..at]) && !has_hash_word(label)
            } else {
                // A cue inside the value itself (a run of Chinese characters such as 助记词…).
                true
            }
        })
    })
}

/// Byte ranges of the Chinese cue words in the text. The Chinese rules treat them as breaks:
/// their characters are list words too, and "提供助记词才能处理" must not become a run.
pub fn chinese_cue_spans(text: &str) -> Vec<(usize, usize)> {
    KEY_CUES
        .iter()
        .chain(PHRASE_CUES)
        .filter(|cue| !cue.is_ascii())
        .flat_map(|cue| text.match_indices(cue).map(|(at, cue)| (at, at + cue.len())))
        .collect()
}

/// Is a hash word ("hash", "txid", "交易"…) near `lower[start..end]`?
pub fn near_hash_word(lower: &str, start: usize, end: usize) -> bool {
    let from = floor_boundary(lower, start.saturating_sub(BEFORE));
    let to = ceil_boundary(lower, (end + AFTER).min(lower.len()));
    has_hash_word(&lower[from..start]) || has_hash_word(&lower[end..to])
}

fn has_hash_word(between: &str) -> bool {
    HASH_WORDS.iter().any(|w| between.contains(w))
}

/// Occurrences of `cue` in `lower[from..to]`; an ASCII cue must not continue a word on its
/// left ("monkey" is not "key"), and the bare word "key" not on its right either ("keys"
/// is fine, "keystore" and "keyboard" are other words).
fn find_all<'a>(lower: &'a str, from: usize, to: usize, cue: &'a str) -> impl Iterator<Item = usize> + 'a {
    let window = &lower[from..to];
    window.match_indices(cue).map(move |(i, _)| from + i).filter(move |&at| {
        let bytes = lower.as_bytes();
        let ascii = cue.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
        let left = !ascii || at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let rest = &bytes[at + cue.len()..];
        let right = cue != "key" || !rest.first().is_some_and(u8::is_ascii_alphanumeric) || rest.starts_with(b"s ");
        left && right
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, value: &str, cues: Cues) -> bool {
        let lower = text.to_ascii_lowercase();
        let start = lower.find(value).unwrap();
        near(&lower, start, start + value.len(), cues)
    }

    #[test]
    fn finds_cues_before_and_after() {
        assert!(around("My Private Key is: VALUE", "value", Cues::Key));
        assert!(around("VALUE 这是我的私钥", "value", Cues::Key));
        assert!(around("助记词：VALUE", "value", Cues::Phrase));
        assert!(!around("助记词：VALUE", "value", Cues::Key));
        assert!(around("here is my key 0xVALUE", "0xvalue", Cues::AnyKey));
        assert!(!around("the monkey ate VALUE", "value", Cues::AnyKey));
    }

    #[test]
    fn far_cues_and_hash_words_do_not_count() {
        let far = "private key stays on my phone, I would never share it with anyone at all: VALUE";
        assert!(!around(far, "value", Cues::Key));
        assert!(!around("my private key is safe, tx hash: VALUE", "value", Cues::Key));
        assert!(!around("私钥没泄露，交易哈希是VALUE", "value", Cues::Key));
    }
}
