//! Phone numbers, compared by digits whatever the formatting (`+86 400-000-0000`,
//! `(400) 000 0000`, `0086 400 000 0000`). A listed number with another country calling code
//! is the classic impostor: same digits, someone else's line.

use super::{Advice, Channel, Official, Reason, Verdict};

/// Reads a phone number as `(national digits, calling code)`, the code when given with `+`
/// or the international prefix `00`. `None` if `text` is not only digits and separators, or
/// has too few or too many digits for a phone number.
pub(super) fn read(text: &str) -> Option<(String, Option<String>)> {
    let groups: Vec<&str> = text.trim().split('.').collect();
    if groups.len() == 4 && groups.iter().all(|g| (1..=3).contains(&g.len())) {
        return None; // 192.168.1.1 is an IPv4 address
    }
    // "+44 (0)20 …": the bracketed trunk 0 is not dialled from abroad.
    let text = text.trim().replace("(0)", "");
    let (mut digits, mut plus) = (String::new(), false);
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '-' | '(' | ')' | '.' | '/' | '\u{a0}' | '\u{2010}'..='\u{2015}' | '\u{3000}' => {}
            _ => return None,
        }
    }
    let international = match digits.strip_prefix("00") {
        Some(rest) if !plus => Some(rest.to_string()),
        _ => plus.then(|| digits.clone()),
    };
    match international {
        Some(number) if (8..=15).contains(&number.len()) => {
            let (code, national) = number.split_at(calling_code_len(&number));
            Some((national.to_string(), Some(code.to_string())))
        }
        Some(_) => None,
        None => (5..=12).contains(&digits.len()).then_some((digits, None)),
    }
}

/// Length of the country calling code at the start of `number`. ITU-T E.164 codes form a
/// prefix code: 1 and 7 are one digit, these two-digit codes are assigned, all others have
/// three digits (852, 886, 971…).
fn calling_code_len(number: &str) -> usize {
    let b = number.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(b'1' | b'7'), _) => 1,
        (Some(b'2'), Some(b'0' | b'7'))
        | (Some(b'3'), Some(b'0'..=b'4' | b'6' | b'9'))
        | (Some(b'4'), Some(b'0' | b'1' | b'3'..=b'9'))
        | (Some(b'5'), Some(b'1'..=b'8'))
        | (Some(b'6'), Some(b'0'..=b'6'))
        | (Some(b'8'), Some(b'1' | b'2' | b'4' | b'6'))
        | (Some(b'9'), Some(b'0'..=b'5' | b'8')) => 2,
        _ => 3,
    }
}

/// National numbers are equal up to one leading trunk `0` (`020 …` at home, `+44 20 …`).
fn same_national(a: &str, b: &str) -> bool {
    a.strip_prefix('0').unwrap_or(a) == b.strip_prefix('0').unwrap_or(b)
}

pub(super) fn verify(digits: &str, country: Option<&str>, official: &Official) -> Verdict {
    let mut wrong_code = None;
    for listed in &official.phones {
        let Some((national, code)) = read(listed) else { continue };
        let code = code.as_deref();
        let official_match = Verdict::Official { channel: Channel::Phone, matched: listed.clone() };
        match country {
            Some(c) if same_national(digits, &national) && code.is_some_and(|o| o != c) => {
                wrong_code.get_or_insert(listed);
            }
            _ if same_national(digits, &national) => return official_match,
            // Written without `+`: the official code and number run together is the number;
            // any other calling code in front of the official number is the trick again.
            None => match digits.strip_suffix(national.as_str()) {
                Some(prefix) if Some(prefix) == code => return official_match,
                Some(prefix) if prefix.len() == calling_code_len(prefix) && !prefix.starts_with('0') => {
                    wrong_code.get_or_insert(listed);
                }
                _ => {}
            },
            Some(_) => {}
        }
    }
    match wrong_code {
        Some(listed) => Verdict::Impostor {
            channel: Channel::Phone,
            reason: Reason::WrongCountryCode,
            resembles: listed.clone(),
            listed: true,
        },
        None => Verdict::Unknown { advice: Advice::NotListed },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> (String, Option<String>) {
        read(text).unwrap()
    }

    #[test]
    fn formats_read_to_the_same_digits() {
        let cn = ("4000000000".to_string(), Some("86".to_string()));
        assert_eq!(read_ok("+86 400-000-0000"), cn);
        assert_eq!(read_ok("0086 400 000 0000"), cn);
        assert_eq!(read_ok("+86 (400) 000.0000"), cn);
        assert_eq!(read_ok("(400) 000 0000"), ("4000000000".to_string(), None));
        assert_eq!(read_ok("+44 (0)20 7946 0000"), ("2079460000".to_string(), Some("44".to_string())));
        assert_eq!(read_ok("+852 2345 6789").1.as_deref(), Some("852"));
        assert_eq!(read_ok("+1 (212) 555-0100").1.as_deref(), Some("1"));
    }

    #[test]
    fn non_numbers_are_not_read() {
        assert_eq!(read("tpwallet"), None);
        assert_eq!(read("1234"), None);
        assert_eq!(read("+86 400 000 0000 ext"), None);
        assert_eq!(read("4+00"), None);
        assert_eq!(read("192.168.1.1"), None);
    }

    #[test]
    fn calling_codes() {
        assert_eq!(calling_code_len("8640000"), 2);
        assert_eq!(calling_code_len("85223456"), 3);
        assert_eq!(calling_code_len("12125550100"), 1);
        assert_eq!(calling_code_len("97150000"), 3);
    }
}
