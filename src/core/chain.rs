//! Address and transaction-hash formats of the chains the report form knows (EVM, Bitcoin,
//! TRON, Solana): is what the user typed well-formed, with its checksum, and which chain does
//! an address belong to. Only the format: whether it exists on chain is the operator's job.
//!
//! - EVM: `0x` + 40 hex; mixed case must carry the EIP-55 checksum (Keccak-256), all lower or
//!   all upper case carries none. Hash: `0x` + 64 hex.
//! - Bitcoin: base58check P2PKH/P2SH (version 0x00/0x05, `1…`/`3…`) or segwit `bc1…`
//!   (bech32 for version 0, bech32m for 1–16, BIP173/BIP350). Hash: 64 hex, as explorers show
//!   it (no `0x`).
//! - TRON: base58check, version 0x41, 21 bytes (`T…`). Hash: 64 hex; a `0x` prefix is
//!   accepted too, because some TRON SDKs and explorers print it and it is the same 32 bytes.
//! - Solana: base58 decoding to 32 bytes. Transaction id (its first signature): base58
//!   decoding to 64 bytes whose last byte is at most 0x10, as every ed25519 signature's is
//!   (S < group order). This also keeps a pasted 64-byte secret key out of the hash field.
//!
//! The bech32 checksum is written here (≈ 40 lines from BIP173) rather than taken from the
//! `bech32` crate, which added 2.1 KB gzip to the Wasm for the same check.

use sha3::{Digest, Keccak256};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chain {
    Evm,
    Bitcoin,
    Tron,
    Solana,
}

/// Is `s` (already trimmed) a well-formed address on `chain`?
pub fn valid_address(chain: Chain, s: &str) -> bool {
    match chain {
        Chain::Evm => evm_address(s),
        Chain::Bitcoin => base58check_version(s, &[0x00, 0x05]) || segwit_address(s),
        Chain::Tron => s.starts_with('T') && base58check_version(s, &[0x41]),
        Chain::Solana => (32..=44).contains(&s.len()) && base58_len(s) == Some(32),
    }
}

/// Is `s` (already trimmed) a well-formed transaction hash on `chain`?
pub fn valid_tx_hash(chain: Chain, s: &str) -> bool {
    match chain {
        Chain::Evm => s.strip_prefix("0x").is_some_and(|h| is_hex(h, 64)),
        Chain::Bitcoin => is_hex(s, 64),
        Chain::Tron => is_hex(s.strip_prefix("0x").unwrap_or(s), 64),
        Chain::Solana => {
            (85..=88).contains(&s.len()) && bs58::decode(s).into_vec().is_ok_and(|b| b.len() == 64 && b[63] <= 0x10)
        }
    }
}

/// The chain an address belongs to, for the form to pre-select. Formats do not overlap once
/// checksums and decoded lengths are checked, so at most one chain matches.
pub fn guess_chain(address: &str) -> Option<Chain> {
    let s = address.trim();
    [Chain::Evm, Chain::Bitcoin, Chain::Tron, Chain::Solana].into_iter().find(|&c| valid_address(c, s))
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn evm_address(s: &str) -> bool {
    let Some(hex) = s.strip_prefix("0x").filter(|h| is_hex(h, 40)) else {
        return false;
    };
    let upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    let lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    if !(upper && lower) {
        return true;
    }
    // EIP-55: a letter is upper case exactly when the matching nibble of
    // keccak256(lower-case hex) is 8 or more.
    let hash = Keccak256::digest(hex.to_ascii_lowercase().as_bytes());
    hex.bytes().enumerate().all(|(i, b)| {
        let nibble = if i % 2 == 0 { hash[i / 2] >> 4 } else { hash[i / 2] & 0x0f };
        !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == (nibble >= 8)
    })
}

/// Base58check payload of 21 bytes (version + 20-byte hash) with one of `versions`.
fn base58check_version(s: &str, versions: &[u8]) -> bool {
    (25..=35).contains(&s.len())
        && bs58::decode(s).with_check(None).into_vec().is_ok_and(|b| b.len() == 21 && versions.contains(&b[0]))
}

fn base58_len(s: &str) -> Option<usize> {
    bs58::decode(s).into_vec().ok().map(|b| b.len())
}

const BECH32_CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_CONST: u32 = 1;
const BECH32M_CONST: u32 = 0x2bc8_30a3;

fn bech32_polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3];
    values.fold(1, |chk, v| {
        let top = chk >> 25;
        let chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        GEN.iter().enumerate().filter(|(i, _)| (top >> i) & 1 == 1).fold(chk, |c, (_, g)| c ^ g)
    })
}

/// The human-readable part "bc", expanded as BIP173 says: high bits, 0, low bits.
const BC_EXPANDED: [u8; 5] = [3, 3, 0, 2, 3];

/// A mainnet segwit address: `bc1`, witness version, program, checksum of the right variant.
fn segwit_address(s: &str) -> bool {
    if !(14..=90).contains(&s.len())
        || (s.bytes().any(|b| b.is_ascii_uppercase()) && s.bytes().any(|b| b.is_ascii_lowercase()))
    {
        return false;
    }
    let s = s.to_ascii_lowercase();
    let Some(data) = s.strip_prefix("bc1") else { return false };
    let Some(values) =
        data.bytes().map(|c| BECH32_CHARSET.iter().position(|&x| x == c).map(|p| p as u8)).collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let version = values[0];
    let expected = if version == 0 { BECH32_CONST } else { BECH32M_CONST };
    if version > 16 || bech32_polymod(BC_EXPANDED.into_iter().chain(values.iter().copied())) != expected {
        return false;
    }
    let Some(program) = five_to_eight(&values[1..values.len() - 6]) else { return false };
    (2..=40).contains(&program.len()) && (version != 0 || program.len() == 20 || program.len() == 32)
}

/// Regroups 5-bit values into bytes; the leftover padding must be under 5 zero bits.
fn five_to_eight(values: &[u8]) -> Option<Vec<u8>> {
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::with_capacity(values.len() * 5 / 8));
    for &v in values {
        acc = ((acc << 5) | u32::from(v)) & 0xfff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (bits < 5 && acc & ((1 << bits) - 1) == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check58(bytes: &[u8]) -> String {
        bs58::encode(bytes).with_check().into_string()
    }

    /// A segwit address built from a program, with the checksum constant chosen by the test.
    fn segwit(version: u8, program: &[u8], constant: u32) -> String {
        let mut values = vec![version];
        let (mut acc, mut bits) = (0u32, 0u32);
        for &b in program {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                values.push(((acc >> bits) & 31) as u8);
            }
        }
        if bits > 0 {
            values.push(((acc << (5 - bits)) & 31) as u8);
        }
        let chk = bech32_polymod(BC_EXPANDED.into_iter().chain(values.iter().copied()).chain([0; 6])) ^ constant;
        values.extend((0..6).map(|i| ((chk >> (5 * (5 - i))) & 31) as u8));
        let data: String = values.iter().map(|&v| BECH32_CHARSET[v as usize] as char).collect();
        format!("bc1{data}")
    }

    #[test]
    fn evm_addresses_and_eip55() {
        // The examples of EIP-55 itself.
        for a in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            assert!(valid_address(Chain::Evm, a), "{a}");
            assert!(valid_address(Chain::Evm, &a.to_ascii_lowercase()));
            assert!(valid_address(Chain::Evm, &format!("0x{}", a[2..].to_ascii_uppercase())));
            assert!(!valid_address(Chain::Evm, &a.replacen('a', "A", 1)), "{a}");
            assert_eq!(guess_chain(a), Some(Chain::Evm));
        }
        for bad in [
            "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg",
        ] {
            assert!(!valid_address(Chain::Evm, bad), "{bad}");
        }
    }

    #[test]
    fn bitcoin_base58_addresses() {
        assert!(valid_address(Chain::Bitcoin, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
        let p2sh = check58(&[&[0x05][..], &[0x5a; 20]].concat());
        assert!(p2sh.starts_with('3') && valid_address(Chain::Bitcoin, &p2sh));
        assert_eq!(guess_chain(&p2sh), Some(Chain::Bitcoin));
        assert!(!valid_address(Chain::Bitcoin, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
        assert!(!valid_address(Chain::Bitcoin, &check58(&[&[0x6f][..], &[1; 20]].concat())), "testnet");
    }

    #[test]
    fn bitcoin_segwit_addresses() {
        // BIP173 and BIP350 valid vectors, then generated ones.
        assert!(valid_address(Chain::Bitcoin, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
        assert!(valid_address(Chain::Bitcoin, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"));
        assert!(!valid_address(Chain::Bitcoin, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
        assert!(!valid_address(Chain::Bitcoin, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4"), "mixed case");
        let wsh = segwit(0, &[9; 32], BECH32_CONST);
        assert!(valid_address(Chain::Bitcoin, &wsh));
        assert_eq!(guess_chain(&wsh), Some(Chain::Bitcoin));
        assert!(valid_address(Chain::Bitcoin, &segwit(1, &[3; 32], BECH32M_CONST)));
        // The wrong checksum variant for the version, a bad v0 length, a testnet prefix.
        assert!(!valid_address(Chain::Bitcoin, &segwit(0, &[9; 20], BECH32M_CONST)));
        assert!(!valid_address(Chain::Bitcoin, &segwit(1, &[3; 32], BECH32_CONST)));
        assert!(!valid_address(Chain::Bitcoin, &segwit(0, &[9; 25], BECH32_CONST)));
        assert!(!valid_address(Chain::Bitcoin, &segwit(0, &[9; 20], BECH32_CONST).replacen("bc1", "tb1", 1)));
    }

    #[test]
    fn tron_addresses() {
        assert!(valid_address(Chain::Tron, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
        let generated = check58(&[&[0x41][..], &[0xab; 20]].concat());
        assert!(valid_address(Chain::Tron, &generated));
        assert_eq!(guess_chain(&generated), Some(Chain::Tron));
        assert!(!valid_address(Chain::Tron, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"));
        assert!(!valid_address(Chain::Tron, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
        assert!(!valid_address(Chain::Bitcoin, &generated));
    }

    #[test]
    fn solana_addresses_and_signatures() {
        assert!(valid_address(Chain::Solana, "So11111111111111111111111111111111111111112"));
        let generated = bs58::encode([0xc4u8; 32]).into_string();
        assert!(valid_address(Chain::Solana, &generated));
        assert_eq!(guess_chain(&generated), Some(Chain::Solana));
        assert!(!valid_address(Chain::Solana, &bs58::encode([0xc4u8; 31]).into_string()));
        assert!(!valid_address(Chain::Solana, "So1111111111111111111111111111111111111111O"));
        let mut sig = [0x9du8; 64];
        sig[63] = 0x0f;
        assert!(valid_tx_hash(Chain::Solana, &bs58::encode(sig).into_string()));
        sig[63] = 0x9d; // not a canonical ed25519 signature: a secret key, probably
        assert!(!valid_tx_hash(Chain::Solana, &bs58::encode(sig).into_string()));
    }

    #[test]
    fn transaction_hashes() {
        let h = "9fb1e0c2d9d0a3b2c6f1e8d7c6b5a4938271605f4e3d2c1b0a99887766554433";
        assert!(valid_tx_hash(Chain::Evm, &format!("0x{h}")));
        assert!(!valid_tx_hash(Chain::Evm, h));
        assert!(valid_tx_hash(Chain::Bitcoin, h));
        assert!(valid_tx_hash(Chain::Bitcoin, &h.to_ascii_uppercase()));
        assert!(!valid_tx_hash(Chain::Bitcoin, &format!("0x{h}")));
        assert!(valid_tx_hash(Chain::Tron, h) && valid_tx_hash(Chain::Tron, &format!("0x{h}")));
        assert!(!valid_tx_hash(Chain::Tron, &h[1..]));
        assert!(!valid_tx_hash(Chain::Evm, &format!("0x{}g", &h[1..])));
        assert_eq!(guess_chain("not an address"), None);
    }
}
