//! The secret guard: finds recovery phrases and private keys in what a user typed, so the
//! report form can refuse to send them (fake "support" asking for the seed phrase is the
//! classic theft). [`scan`] says what and where (byte ranges, for a "remove it" action),
//! [`redact`] removes it and keeps the rest readable.
//!
//! Detectors, each in its own module with its rule documented there:
//! - `seen`: the text as a person reads it (full-width forms, invisible characters and
//!   look-alike letters folded), which every detector scans;
//! - `runs`: phrases laid out word by word, English or Chinese (checksum verified, with a
//!   misspelt or unknown word tolerated, and phrases told in parts);
//! - `chinese`: Chinese phrases written solid, which need more evidence;
//! - `mnemonic`: the BIP39 checksum and the everyday words;
//! - `keys`: 64-hex keys (cue-dependent, see the transaction-hash rule; also in groups), WIF,
//!   xprv & co., Solana base58 secret keys, base64 keys next to a key word;
//! - `json`: Ethereum keystore JSON and Solana keypair arrays.
//!
//! A false positive blocks a scared user from reaching support, a false negative can cost
//! them everything: the rules are tuned on `tests/fixtures/secrets/` (see
//! `tests/secrets_corpus.rs`, which prints precision and recall). As a wider check, the
//! 886,000 one-line package summaries of PyPI (11,000 of them Chinese) gave 5 findings:
//! four lists of English list words ("cross-session merge, cross-tool recall, memory
//! drift") and one 12-character Chinese line that happens to pass the checksum.

mod chinese;
mod cues;
mod json;
mod keys;
mod mnemonic;
mod runs;
mod seen;
mod tokens;
mod wordlist;

#[cfg(test)]
mod tests;

use seen::Seen;

/// What kind of secret was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// A complete BIP39 phrase (12–24 words) with a valid checksum.
    Mnemonic,
    /// A run of list words that is probably part of a phrase (no checksum to confirm).
    MnemonicFragment,
    /// 32 bytes in hex, with or without `0x`, in one piece or in groups.
    PrivateKeyHex,
    /// A 32- or 64-byte key in base64, next to a key word.
    PrivateKeyBase64,
    /// A Wallet Import Format key (`5…`, `K…`, `L…`, testnet `9…`, `c…`).
    Wif,
    /// A BIP32 extended private key (`xprv`, `yprv`, `zprv`, `tprv`…).
    ExtendedPrivateKey,
    /// An Ethereum keystore (encrypted key JSON).
    Keystore,
    /// A Solana 64-byte secret key, in base58 or as a JSON byte array.
    SolanaSecretKey,
}

impl SecretKind {
    pub const ALL: [SecretKind; 8] = [
        SecretKind::Mnemonic,
        SecretKind::MnemonicFragment,
        SecretKind::PrivateKeyHex,
        SecretKind::PrivateKeyBase64,
        SecretKind::Wif,
        SecretKind::ExtendedPrivateKey,
        SecretKind::Keystore,
        SecretKind::SolanaSecretKey,
    ];

    /// A stable name, for logs, events and the test corpus.
    pub fn name(self) -> &'static str {
        match self {
            SecretKind::Mnemonic => "mnemonic",
            SecretKind::MnemonicFragment => "mnemonic-fragment",
            SecretKind::PrivateKeyHex => "private-key-hex",
            SecretKind::PrivateKeyBase64 => "private-key-base64",
            SecretKind::Wif => "wif",
            SecretKind::ExtendedPrivateKey => "extended-private-key",
            SecretKind::Keystore => "keystore",
            SecretKind::SolanaSecretKey => "solana-secret-key",
        }
    }

    /// Is this one of the recovery-phrase kinds (for choosing the warning text)?
    pub fn is_phrase(self) -> bool {
        matches!(self, SecretKind::Mnemonic | SecretKind::MnemonicFragment)
    }
}

/// A secret found in the text: its kind and its byte range (`text[start..end]`, always on
/// character boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: SecretKind,
    pub start: usize,
    pub end: usize,
}

/// Which form field the text comes from. In the transaction-hash field, 64 hex digits (or a
/// 64-byte base58 value that may be a Solana signature) are a hash unless a key cue says
/// otherwise; in free text, a `0x` value next to the word "key" is also a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    TxHash,
    /// The other party's address: no supported network's address is 32 bytes of hex.
    Address,
}

/// Every secret in `text`, ordered by position; a finding inside another is dropped.
/// Fast enough to run on each keystroke: well under a millisecond for 5,000 characters.
pub fn scan(original: &str, field: FieldKind) -> Vec<Finding> {
    let seen = Seen::new(original);
    let text = seen.text.as_str();
    // ASCII lowering keeps every byte offset, so ranges found in `lower` hold for `text`.
    let lower = text.to_ascii_lowercase();
    let tokens = tokens::tokenize(text);
    let mut found = Vec::new();
    json::scan_json(text, &lower, &mut found);
    let in_cue = chinese::cue_tokens(text, &tokens);
    runs::scan_runs(text, &tokens, &in_cue, &mut found);
    chinese::scan_chinese(text, &lower, &tokens, &in_cue, &mut found);
    keys::scan_keys(text, &lower, field, &mut found);
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    let found = found.into_iter().map(|f| {
        let (start, end) = seen.original(f.start, f.end);
        Finding { start, end, ..f }
    });
    for f in by_position(found.collect()) {
        if !kept.iter().any(|k| k.start <= f.start && f.end <= k.end) {
            kept.push(f);
        }
    }
    kept
}

/// Does `text` hold any secret (free-text rules)?
pub fn holds_secret(text: &str) -> bool {
    !scan(text, FieldKind::Text).is_empty()
}

/// What [`redact`] puts where a secret was.
pub const REDACTED: &str = "***";

/// `text` with every finding replaced by [`REDACTED`]; overlapping findings are merged and
/// ranges that are out of bounds or not on character boundaries are ignored.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let valid = findings.iter().filter(|f| f.start < f.end && text.get(f.start..f.end).is_some());
    let ranges = by_position(valid.copied().collect());
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for Finding { start, end, .. } in ranges {
        if end <= copied {
            continue;
        }
        out.push_str(&text[copied..start.max(copied)]);
        if start >= copied {
            out.push_str(REDACTED);
        }
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Findings ordered by start, longer first at the same start. There are only a handful, so
/// inserting each in place is enough (and keeps a sort routine out of the Wasm).
fn by_position(findings: Vec<Finding>) -> Vec<Finding> {
    let mut sorted: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        let at = sorted.partition_point(|k| (k.start, std::cmp::Reverse(k.end)) <= (f.start, std::cmp::Reverse(f.end)));
        sorted.insert(at, f);
    }
    sorted
}
