//! Unpredictable values from the operating system: report references shown to users
//! and the admin token generated when none is configured.
//!
//! References are random rather than a counter so they do not reveal how many reports
//! an operator receives, and cannot be guessed to probe other users' reports.

/// Crockford's base-32 alphabet: no I, L, O or U, so a reference read aloud or copied
/// by hand from a screenshot cannot be mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `WH-` and 8 characters: 40 random bits, short enough to read over the phone.
pub fn reference() -> String {
    let mut bytes = [0u8; 5];
    fill(&mut bytes);
    let bits = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    let chars: String = (0..8).rev().map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize])).collect();
    format!("WH-{chars}")
}

/// 256 random bits as 64 lowercase hex digits.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn fill(buf: &mut [u8]) {
    // Without OS randomness there is no safe token or reference to hand out; this only
    // fails on a broken system, where stopping is the right answer.
    getrandom::fill(buf).expect("the operating system's random source failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_short_readable_and_distinct() {
        let a = reference();
        assert_eq!(a.len(), 11);
        assert!(a.starts_with("WH-"));
        assert!(a[3..].bytes().all(|b| ALPHABET.contains(&b)), "{a}");
        let many: std::collections::HashSet<String> = (0..1000).map(|_| reference()).collect();
        assert_eq!(many.len(), 1000);
    }

    #[test]
    fn tokens_are_64_hex_digits() {
        let t = token();
        assert_eq!(t.len(), 64);
        assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(t, token());
    }
}
