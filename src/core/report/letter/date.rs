//! Calendar arithmetic for the reply deadline: nothing more than adding days to a date.

/// `date` (`YYYY-MM-DD`, a real calendar day) plus `days`, or `None` if it does not parse.
pub fn add_days(date: &str, days: u32) -> Option<String> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num =
        |r: std::ops::Range<usize>| date.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let day = days_from_civil(y, m, d);
    // The round trip rejects days that do not exist, such as 2026-02-30.
    (civil_from_days(day) == (y, m, d)).then(|| {
        let (y, m, d) = civil_from_days(day + i64::from(days));
        format!("{y:04}-{m:02}-{d:02}")
    })
}

// Days since 1970-01-01 and back, for the proleptic Gregorian calendar (H. Hinnant's
// `days_from_civil` / `civil_from_days`): a reply deadline needs nothing more than this.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, doy - (153 * mp + 2) / 5 + 1)
}
