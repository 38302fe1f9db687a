//! Single-string keys: raw 32-byte keys in hex, WIF keys, BIP32 extended private keys and
//! Solana 64-byte secret keys in base58. Each candidate is a whole alphanumeric word of the
//! text ("0x…" included), so a key is never found inside a longer string.
//!
//! Hex rule. A transaction hash is also 64 hex digits, and users paste hashes into the
//! description, so the shape alone proves nothing. 64 hex digits are a key when:
//! - a key cue ("private key", "privkey", "secret key", "私钥", "密钥"…) is near (any field);
//! - or, in a free-text field, the word "key" is near ("my key is e8f3…": wallets export keys
//!   with and without `0x`);
//! - or it is in the address field, where no supported network's address has that shape.
//!
//! So a bare 64-hex value in the description is not flagged, and "tx", "hash", "交易"… standing between a cue
//! and the value cut the link ("my private key is safe, the tx hash is 0x…" passes). A raw key
//! pasted with no word around it is missed: we accept that rather than block every user who
//! pastes a transaction hash into the description.
//!
//! Solana rule. A Solana transaction signature is also 64 bytes of base58. An ed25519
//! signature's second half is a scalar below the group order, so its last byte is at most
//! 0x10; a secret key ends with a public key, whose last byte is anything. A 64-byte value
//! ending above 0x10 (about 93% of keys) cannot be a signature and is always a key; the rest
//! follow the hex rule (cue, or "key" in a free-text field).
//!
//! WIF and extended keys carry a checksum and a version, so no cue is needed.
//!
//! Other shapes: 64 hex digits written in groups (see [`grouped_hex`]) and 32- or 64-byte
//! keys in base64 next to a key word (see [`base64_keys`]).

use super::cues::{self, Cues};
use super::{FieldKind, Finding, SecretKind};

/// Version bytes of BIP32/SLIP-132 extended *private* keys: xprv, yprv, zprv, Yprv, Zprv
/// (mainnet) and tprv, uprv, vprv, Uprv, Vprv (testnet).
const XPRV_VERSIONS: [u32; 10] = [
    0x0488_ADE4,
    0x049D_7878,
    0x04B2_430C,
    0x0295_B005,
    0x02AA_7A99,
    0x0435_8394,
    0x044A_4E28,
    0x045F_18BC,
    0x0242_85B5,
    0x0257_5048,
];

/// Largest last byte of an ed25519 signature (S < 2^252 + …).
const SIGNATURE_LAST_BYTE_MAX: u8 = 0x10;

pub fn scan_keys(text: &str, lower: &str, field: FieldKind, out: &mut Vec<Finding>) {
    let words: Vec<(usize, usize)> = alphanumeric_words(text).collect();
    for &(start, end) in &words {
        let word = &text[start..end];
        if let Some(kind) = judge(word, lower, start, end, field) {
            out.push(Finding { kind, start, end });
        }
    }
    grouped_hex(text, lower, &words, field, out);
    base64_keys(text, lower, field, out);
}

/// Separators between the groups of a key written for reading: "e8f3 2a1b …", "e8f3-2a1b",
/// "e8:f3:…", or two lines of 32.
fn group_separator(between: &str) -> bool {
    (1..=3).contains(&between.len())
        && between.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b':' | b'-' | b'_'))
}

/// 64 hex digits in two or more groups of one length (the last may be shorter). Explorers
/// and wallets never show a hash like that, people copying a key by hand do; so it is a key
/// unless a hash word is near and no key word, or, in the hash field, unless a key cue is
/// near. (UUIDs, 8-4-4-4-12, do not have groups of one length.)
fn grouped_hex(text: &str, lower: &str, words: &[(usize, usize)], field: FieldKind, out: &mut Vec<Finding>) {
    let hex = |(s, e): (usize, usize)| {
        let w = &text[s..e];
        let digits = w.strip_prefix("0x").or_else(|| w.strip_prefix("0X")).unwrap_or(w);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit())).then_some(digits.len())
    };
    for i in 0..words.len() {
        let Some(first) = hex(words[i]) else { continue };
        let (mut total, mut j) = (first, i);
        while total < 64 && j + 1 < words.len() && group_separator(&text[words[j].1..words[j + 1].0]) {
            let next = &text[words[j + 1].0..words[j + 1].1];
            match hex(words[j + 1]) {
                Some(n) if n <= first && !next.starts_with("0x") => total += n,
                _ => break,
            }
            j += 1;
        }
        let same_length = (i..j).all(|k| hex(words[k]) == Some(first));
        if total != 64 || j == i || !same_length {
            continue;
        }
        let (start, end) = (words[i].0, words[j].1);
        let key_word = cues::near(lower, start, end, Cues::Key) || cues::near(lower, start, end, Cues::AnyKey);
        let key = match field {
            FieldKind::TxHash => cues::near(lower, start, end, Cues::Key),
            _ => key_word || !cues::near_hash_word(lower, start, end),
        };
        if key {
            out.push(Finding { kind: SecretKind::PrivateKeyHex, start, end });
        }
    }
}

/// A 32- or 64-byte value in base64 or base64url next to a key word. Without the word it
/// may be any token or hash, so the word is required. The length says how many bytes a
/// base64 value holds (43 characters, or 44 ending in one `=`, are 32 bytes; 86, or 88 ending
/// in `==`, are 64), so it need not be decoded.
fn base64_keys(text: &str, lower: &str, field: FieldKind, out: &mut Vec<Finding>) {
    let b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_');
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !b64(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && b64(bytes[i]) {
            i += 1;
        }
        let digits = i - start;
        let mut padding = 0;
        while i < bytes.len() && bytes[i] == b'=' && padding < 2 {
            padding += 1;
            i += 1;
        }
        let keyed = matches!((digits, padding), (43, 0 | 1) | (86, 0 | 2));
        if !keyed || !mixed(&text[start..i]) {
            continue;
        }
        let cue = cues::near(lower, start, i, Cues::Key)
            || (field != FieldKind::TxHash && cues::near(lower, start, i, Cues::AnyKey));
        if cue {
            out.push(Finding { kind: SecretKind::PrivateKeyBase64, start, end: i });
        }
    }
}

/// Random-looking: upper case, lower case and digits all present (words and numbers are not).
fn mixed(word: &str) -> bool {
    let has = |f: fn(&u8) -> bool| word.as_bytes().iter().any(f);
    has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase) && has(u8::is_ascii_digit)
}

fn judge(word: &str, lower: &str, start: usize, end: usize, field: FieldKind) -> Option<SecretKind> {
    let text_field = field == FieldKind::Text;
    let key_cue = || cues::near(lower, start, end, Cues::Key);
    let bare_key = || text_field && cues::near(lower, start, end, Cues::AnyKey);
    let digits = word.strip_prefix("0x").or_else(|| word.strip_prefix("0X")).unwrap_or(word);
    if digits.len() == 64 && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return (key_cue() || bare_key() || field == FieldKind::Address).then_some(SecretKind::PrivateKeyHex);
    }
    if !word.bytes().all(is_base58) {
        return None;
    }
    match word.len() {
        51 | 52 if is_wif(word) => Some(SecretKind::Wif),
        100..=120 if is_xprv(word) => Some(SecretKind::ExtendedPrivateKey),
        85..=88 => {
            let bytes = bs58::decode(word).into_vec().ok().filter(|b| b.len() == 64)?;
            let cannot_be_signature = bytes[63] > SIGNATURE_LAST_BYTE_MAX;
            (cannot_be_signature || key_cue() || bare_key()).then_some(SecretKind::SolanaSecretKey)
        }
        _ => None,
    }
}

/// Wallet Import Format: version 0x80 (mainnet) or 0xef (testnet), 32 key bytes, and 0x01
/// when the public key is compressed; base58check.
fn is_wif(word: &str) -> bool {
    match bs58::decode(word).with_check(None).into_vec() {
        Ok(b) => matches!(b[..], [0x80 | 0xef, ..]) && (b.len() == 33 || (b.len() == 34 && b[33] == 1)),
        Err(_) => false,
    }
}

/// BIP32 serialization: 78 bytes, a private version, and the key data starting with 0x00.
fn is_xprv(word: &str) -> bool {
    match bs58::decode(word).with_check(None).into_vec() {
        Ok(b) if b.len() == 78 => {
            let version = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            XPRV_VERSIONS.contains(&version) && b[45] == 0
        }
        _ => false,
    }
}

fn is_base58(b: u8) -> bool {
    b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l')
}

/// Byte ranges of the maximal runs of ASCII letters and digits.
fn alphanumeric_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        (i > start).then_some((start, i))
    })
}
