//! Punycode decoding (RFC 3492, section 6.2) for `xn--` labels. Hand-written because the
//! verifier needs only this one function: the `idna` crate brings its own generic decoder,
//! encoder and `smallvec`, which cost more Wasm than these few lines. Behaves as
//! `idna::punycode::decode_to_string`: the basic code points before the last `-` are kept
//! as typed (they must be ASCII), digits are case-insensitive, and any overflow, bad digit,
//! truncated delta or invalid code point makes the whole label `None`.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

/// The bias adaptation of RFC 3492 section 6.1.
fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = delta / if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

fn digit(byte: u8) -> Option<u32> {
    match byte {
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 26),
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a')),
        _ => None,
    }
}

/// Decodes the part of a label after `xn--`.
pub(super) fn decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    // A delimiter at the very start is not a separator: the whole input is then read as
    // deltas, and `-` is not a digit.
    let (basic, deltas) = match bytes.iter().rposition(|&b| b == b'-') {
        Some(0) => return None,
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (&bytes[..0], bytes),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.iter().map(|&b| char::from(b)).collect();
    let (mut n, mut bias, mut i) = (INITIAL_N, INITIAL_BIAS, 0u32);
    let mut rest = deltas.iter();
    while let Some(&first) = rest.next() {
        let previous = i;
        let (mut weight, mut k, mut byte) = (1u32, BASE, first);
        loop {
            let d = digit(byte)?;
            i = i.checked_add(d.checked_mul(weight)?)?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if d < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
            byte = *rest.next()?;
        }
        let length = output.len() as u32 + 1;
        bias = adapt(i - previous, length, previous == 0);
        n = n.checked_add(i / length)?;
        i %= length;
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn rfc_3492_sample_strings() {
        // Section 7.1 of the RFC: (A) Arabic (Egyptian), (B) Chinese (simplified),
        // (D) Czech, (I) Russian, (L) Japanese with mixed ASCII.
        assert_eq!(decode("egbpdaj6bu4bxfgehfvwxn").as_deref(), Some("ليهمابتكلموشعربي؟"));
        assert_eq!(decode("ihqwcrb4cv8a8dqg056pqjye").as_deref(), Some("他们为什么不说中文"));
        assert_eq!(decode("Proprostnemluvesky-uyb24dma41a").as_deref(), Some("Pročprostěnemluvíčesky"));
        assert_eq!(decode("b1abfaaepdrnnbgefbadotcwatmq2g4l").as_deref(), Some("почемужеонинеговорятпорусски"));
        assert_eq!(decode("3B-ww4c5e180e575a65lsy2b").as_deref(), Some("3年B組金八先生"));
    }

    #[test]
    fn wallet_lookalikes_and_simple_labels() {
        assert_eq!(decode("tpwllet-4fg").as_deref(), Some("tpwаllet"));
        assert_eq!(decode("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(
            decode("BCHER-KVA").as_deref(),
            Some("BüCHER"),
            "digits are case-insensitive, basic code points kept"
        );
        assert_eq!(decode("abc-").as_deref(), Some("abc"));
        assert_eq!(decode("").as_deref(), Some(""));
    }

    #[test]
    fn malformed_labels_are_rejected() {
        assert_eq!(decode("!!"), None);
        assert_eq!(decode("-abc"), None);
        assert_eq!(decode("tpwllet-4f9999999999"), None, "overflow");
        assert_eq!(decode("abc-9"), None, "delta ends mid-number");
        assert_eq!(decode("ü-abc"), None, "basic code points must be ASCII");
        assert_eq!(decode("zzzzzzzzzzzz"), None);
    }
}
