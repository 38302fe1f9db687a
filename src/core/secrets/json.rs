//! Secrets pasted as JSON: Ethereum keystore files (an encrypted key, but with a weak password
//! it is as good as the key) and Solana keypair files (a JSON array of 64 byte values).
//!
//! The text around them is prose, so instead of parsing JSON we look for the tell-tale key
//! and walk the braces around it. A paste cut short still counts: the finding then runs to
//! the end of the text.

use super::{Finding, SecretKind};

/// How far back from `"ciphertext"` to look for the opening brace of the keystore object.
const LOOK_BACK: usize = 4096;
/// A keypair array is at most 64 × "255," plus spacing.
const MAX_ARRAY_BYTES: usize = 1024;

pub fn scan_json(text: &str, lower: &str, out: &mut Vec<Finding>) {
    keystores(text, lower, out);
    byte_arrays(text, out);
}

/// An object with `"ciphertext"`, inside `"crypto"`/`"Crypto"` with a `"kdf"` (or the
/// `"cipher"` name), or in a `"version": 3` object.
fn keystores(text: &str, lower: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for (at, _) in lower.match_indices("\"ciphertext\"") {
        if out.iter().any(|f| f.start <= at && at < f.end) {
            continue;
        }
        let Some(open) = outermost_open(bytes, at) else { continue };
        let end = matching_close(bytes, open).map_or(text.len(), |close| close + 1);
        let object = &lower[open..end];
        // "kdf" may be cut off in a truncated paste; "cipher" comes before "ciphertext".
        let crypto = object.contains("\"crypto\"") && (object.contains("\"kdf\"") || object.contains("\"cipher\""));
        let version3 = object
            .split("\"version\"")
            .skip(1)
            .any(|rest| rest.trim_start().trim_start_matches(':').trim_start().starts_with('3'));
        if crypto || version3 {
            out.push(Finding { kind: SecretKind::Keystore, start: open, end });
        }
    }
}

/// The `{` of the outermost object that encloses byte `at`.
fn outermost_open(bytes: &[u8], at: usize) -> Option<usize> {
    let (mut depth, mut open) = (0usize, None);
    for i in (at.saturating_sub(LOOK_BACK)..at).rev() {
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth == 0 => open = Some(i),
            b'{' => depth -= 1,
            _ => {}
        }
    }
    open
}

/// The `}` closing the object opened at `open`, skipping braces inside strings.
fn matching_close(bytes: &[u8], open: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `[` 64 integers from 0 to 255 `]`: the `solana-keygen` keypair file.
fn byte_arrays(text: &str, out: &mut Vec<Finding>) {
    for (open, _) in text.match_indices('[') {
        let rest = &text[open + 1..];
        let Some(close) = rest.find(']').filter(|&c| c <= MAX_ARRAY_BYTES) else { continue };
        let mut count = 0;
        let all_bytes = rest[..close].split(',').all(|item| {
            count += 1;
            item.trim().parse::<u8>().is_ok()
        });
        if all_bytes && count == 64 {
            out.push(Finding { kind: SecretKind::SolanaSecretKey, start: open, end: open + close + 2 });
        }
    }
}
