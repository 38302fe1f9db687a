//! What a server's answer to a report means for the widget (delivered, try again later, or
//! rejected for good) and when the next try may happen: exponential backoff with full
//! jitter, never earlier than the server's `Retry-After`. The outbox applies it per entry.

use serde_json::Value;

/// First retry waits up to this long; each failure doubles the bound.
pub const BASE_MS: u64 = 1_000;
/// Backoff alone never waits longer than this (5 min), so a report is retried soon after the
/// network comes back even if the tab stayed open through a long outage.
pub const CAP_MS: u64 = 300_000;
/// A `Retry-After` above this (1 h) is treated as a server mistake, not a wish to wait days.
pub const RETRY_AFTER_MAX_SECS: u64 = 3_600;
/// No wait this module computes is longer than this: a next attempt set further ahead of
/// the clock than this can only mean the clock was set back since, and is due now.
pub const MAX_WAIT_MS: u64 = if CAP_MS > RETRY_AFTER_MAX_SECS * 1_000 { CAP_MS } else { RETRY_AFTER_MAX_SECS * 1_000 };
const _: () = assert!(MAX_WAIT_MS >= CAP_MS && MAX_WAIT_MS >= RETRY_AFTER_MAX_SECS * 1_000);

/// Why an attempt failed, as `platform::http` writes it in the entry's `last_error`.
pub const OFFLINE: &str = "offline";
pub const TIMED_OUT: &str = "timed out";
pub const NETWORK: &str = "network error";
/// The endpoint answered with a redirect, which the widget does not follow (a redirected
/// POST can turn into a GET that "succeeds" without the report): the operator must give
/// the final URL.
pub const REDIRECT: &str = "redirect";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The operator has the report; `reference` is their ticket number if they sent one,
    /// `status_token` the secret for reading its status later (`core::thread`) if the
    /// endpoint has that part of the contract.
    Delivered { reference: Option<String>, status_token: Option<String> },
    /// Nothing is wrong with the report; the server or network is, for now.
    RetryLater { retry_after_secs: Option<u64> },
    /// The server refused this report; its message is shown and the text kept.
    Rejected { message: String },
}

/// Classifies an HTTP answer. `retry_after` is the raw `Retry-After` header, if any; without
/// a clock only its delta-seconds form is understood (see [`classify_at`] for HTTP-dates).
pub fn classify(status: u16, body: &str, retry_after: Option<&str>) -> Outcome {
    classify_with(status, body, retry_after.and_then(|v| retry_after_secs(v, None)))
}

/// Like [`classify`], also understanding a `Retry-After` HTTP-date relative to `now_ms`
/// (milliseconds since the Unix epoch).
pub fn classify_at(status: u16, body: &str, retry_after: Option<&str>, now_ms: u64) -> Outcome {
    classify_with(status, body, retry_after.and_then(|v| retry_after_secs(v, Some(now_ms))))
}

fn classify_with(status: u16, body: &str, retry_after_secs: Option<u64>) -> Outcome {
    match status {
        200..=299 => {
            Outcome::Delivered { reference: field(body, "reference"), status_token: field(body, "status_token") }
        }
        // A redirect is the endpoint's setup, not the report's fault: kept and retried.
        300..=399 | 408 | 425 | 429 | 500..=599 => Outcome::RetryLater { retry_after_secs },
        _ => Outcome::Rejected {
            message: field(body, "error")
                .or_else(|| field(body, "message"))
                .unwrap_or_else(|| format!("HTTP {status}")),
        },
    }
}

/// A network failure or timeout: the request may not have arrived, so it is retried.
pub fn network_failure() -> Outcome {
    Outcome::RetryLater { retry_after_secs: None }
}

/// Why the last attempt failed, read back from the entry's `last_error`, for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    Offline,
    TimedOut,
    /// No answer: refused connection, DNS, TLS, CORS, or an unknown cause.
    Network,
    Redirect,
    /// The server answered with this HTTP status.
    Status(u16),
}

/// Reads a `last_error` detail (see [`OFFLINE`], [`TIMED_OUT`], [`REDIRECT`], "HTTP 503").
pub fn failure(detail: &str) -> Failure {
    match detail {
        OFFLINE => Failure::Offline,
        TIMED_OUT => Failure::TimedOut,
        REDIRECT => Failure::Redirect,
        _ => detail.strip_prefix("HTTP ").and_then(|n| n.parse().ok()).map_or(Failure::Network, Failure::Status),
    }
}

/// Seconds to wait from a `Retry-After` value: delta-seconds, or an HTTP-date when `now_ms`
/// is known (a date in the past means 0). Clamped to [`RETRY_AFTER_MAX_SECS`]; `None` if
/// the value is neither form.
pub fn retry_after_secs(value: &str, now_ms: Option<u64>) -> Option<u64> {
    let value = value.trim();
    let secs = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for u64 is still "a very long time", not "no header".
        value.parse::<u64>().unwrap_or(u64::MAX)
    } else {
        let at = http_date_ms(value)?;
        at.saturating_sub(now_ms?).div_ceil(1_000)
    };
    Some(secs.min(RETRY_AFTER_MAX_SECS))
}

/// The upper bound of the wait after the failed attempt number `attempt` (0 = the first
/// try): `min(CAP_MS, BASE_MS × 2^attempt)`.
pub fn backoff_bound_ms(attempt: u32) -> u64 {
    if attempt >= 32 {
        return CAP_MS;
    }
    (BASE_MS << attempt).min(CAP_MS)
}

/// Full jitter: a uniformly random wait in `[0, bound)`. `random` is in `[0, 1)` (passed in
/// so tests are deterministic); anything outside is clamped, NaN counts as 0.
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    let r = if random.is_nan() { 0.0 } else { random.clamp(0.0, 1.0) };
    let bound = backoff_bound_ms(attempt);
    ((r * bound as f64) as u64).min(bound)
}

/// When to try again after failed attempt `attempt`: the jittered backoff, but never
/// earlier than the server's `Retry-After` (itself clamped to an hour).
pub fn next_attempt_ms(now_ms: u64, attempt: u32, random: f64, retry_after_secs: Option<u64>) -> u64 {
    let server = retry_after_secs.map_or(0, |s| s.min(RETRY_AFTER_MAX_SECS) * 1_000);
    now_ms.saturating_add(backoff_ms(attempt, random).max(server))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Milliseconds since the Unix epoch of an HTTP-date (RFC 9110 §5.6.7): the IMF-fixdate
/// `Sun, 06 Nov 1994 08:49:37 GMT` and the obsolete RFC 850 and asctime forms, which
/// recipients must still accept. Hand-written because a date crate would cost more bundle
/// bytes than this whole module.
fn http_date_ms(value: &str) -> Option<u64> {
    let spaced: String = value.chars().map(|c| if c == ',' || c == '-' { ' ' } else { c }).collect();
    let mut tokens = spaced.split_whitespace();
    if !tokens.next()?.chars().all(|c| c.is_ascii_alphabetic()) {
        return None; // the weekday
    }
    let (mut month, mut time, mut numbers) = (None, None, Vec::new());
    for t in tokens {
        if let Some(m) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(t)) {
            if month.replace(m as u64 + 1).is_some() {
                return None;
            }
        } else if t.contains(':') {
            if time.replace(t).is_some() {
                return None;
            }
        } else if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(t.parse::<u64>().ok()?);
        } else if !t.eq_ignore_ascii_case("GMT") {
            return None;
        }
    }
    // Day comes before the year in all three forms, wherever the month and time stand.
    let [day, year] = numbers[..] else { return None };
    let year = match year {
        0..=69 => 2000 + year, // RFC 850's two-digit years
        70..=99 => 1900 + year,
        _ => year,
    };
    let mut hms = time?.split(':').map(|p| if p.len() == 2 { p.parse::<u64>().ok() } else { None });
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || !(1..=31).contains(&day) || year < 1970 || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month?, day);
    Some((days * 86_400 + h * 3_600 + m * 60 + s) * 1_000)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm), for years
/// from 1970 on.
pub(crate) fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 { year - 1 } else { year };
    let (era, yoe) = (y / 400, y % 400);
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A short string field of a JSON object body; anything else is ignored.
fn field(body: &str, name: &str) -> Option<String> {
    let v: Value = serde_json::from_str(body).ok()?;
    let s = v.get(name)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_carries_the_reference_when_there_is_one() {
        assert_eq!(
            classify(201, r#"{"reference":"WH-1234"}"#, None),
            Outcome::Delivered { reference: Some("WH-1234".into()), status_token: None }
        );
        assert_eq!(
            classify(201, r#"{"reference":"WH-1","status_token":"t0k"}"#, None),
            Outcome::Delivered { reference: Some("WH-1".into()), status_token: Some("t0k".into()) }
        );
        assert_eq!(classify(200, "", None), Outcome::Delivered { reference: None, status_token: None });
        assert_eq!(classify(204, "<html>", None), Outcome::Delivered { reference: None, status_token: None });
    }

    #[test]
    fn transient_statuses_are_retried_honouring_retry_after() {
        for s in [408, 425, 429, 500, 502, 503, 504] {
            assert!(matches!(classify(s, "", None), Outcome::RetryLater { .. }), "{s}");
        }
        assert_eq!(classify(503, "", Some("120")), Outcome::RetryLater { retry_after_secs: Some(120) });
        assert_eq!(classify(429, "", Some("soon")), Outcome::RetryLater { retry_after_secs: None });
        assert_eq!(network_failure(), Outcome::RetryLater { retry_after_secs: None });
    }

    #[test]
    fn other_client_errors_are_rejections_with_the_server_message() {
        assert_eq!(
            classify(422, r#"{"error":"description is empty","field":"description"}"#, None),
            Outcome::Rejected { message: "description is empty".into() }
        );
        assert_eq!(classify(403, r#"{"message":"blocked"}"#, None), Outcome::Rejected { message: "blocked".into() });
        assert_eq!(classify(400, "not json", None), Outcome::Rejected { message: "HTTP 400".into() });
        assert_eq!(classify(404, "", Some("30")), Outcome::Rejected { message: "HTTP 404".into() });
    }

    #[test]
    fn a_redirect_is_retried_not_taken_for_a_delivery_or_a_refusal() {
        for s in [301, 302, 303, 307, 308] {
            assert_eq!(classify(s, "", None), Outcome::RetryLater { retry_after_secs: None }, "{s}");
        }
    }

    #[test]
    fn failure_details_read_back_as_reasons() {
        assert_eq!(failure(OFFLINE), Failure::Offline);
        assert_eq!(failure(TIMED_OUT), Failure::TimedOut);
        assert_eq!(failure(REDIRECT), Failure::Redirect);
        assert_eq!(failure(NETWORK), Failure::Network);
        assert_eq!(failure("network"), Failure::Network, "older records");
        assert_eq!(failure("HTTP 503"), Failure::Status(503));
        assert_eq!(failure("HTTP x"), Failure::Network);
    }

    // 2015-10-21T07:28:00Z, the example date of RFC 9110.
    const NOW: u64 = 1_445_412_480_000;

    #[test]
    fn retry_after_understands_seconds_and_http_dates_and_clamps() {
        assert_eq!(retry_after_secs(" 0 ", None), Some(0));
        assert_eq!(retry_after_secs("99999999999999999999999", None), Some(RETRY_AFTER_MAX_SECS));
        assert_eq!(retry_after_secs("-5", None), None);
        assert_eq!(retry_after_secs("1.5", None), None);
        assert_eq!(retry_after_secs("", None), None);
        let date = "Wed, 21 Oct 2015 07:30:00 GMT";
        assert_eq!(retry_after_secs(date, Some(NOW)), Some(120));
        assert_eq!(retry_after_secs(date, None), None, "a date needs a clock");
        assert_eq!(retry_after_secs(date, Some(NOW + 500_000)), Some(0), "past dates mean now");
        assert_eq!(retry_after_secs("Thu, 01 Jan 2037 00:00:00 GMT", Some(NOW)), Some(3_600));
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00.5 GMT", Some(NOW)), None);
        assert_eq!(retry_after_secs("Wed, 32 Oct 2015 07:28:00 GMT", Some(NOW)), None);
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT+1", Some(NOW)), None);
        assert_eq!(retry_after_secs("Wednesday, 21-Oct-15 07:29:00 GMT", Some(NOW)), Some(60), "RFC 850");
        assert_eq!(retry_after_secs("Wed Oct 21 07:29:30 2015", Some(NOW)), Some(90), "asctime");
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777_000));
        assert_eq!(http_date_ms("Thu, 29 Feb 2024 00:00:00 GMT"), Some(1_709_164_800_000));
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            classify_at(503, "", Some(date), NOW + 1_500),
            Outcome::RetryLater { retry_after_secs: Some(119) },
            "partial seconds round up so the retry is never early"
        );
    }

    #[test]
    fn backoff_doubles_from_one_second_up_to_the_cap() {
        let bounds: Vec<u64> = (0..10).map(backoff_bound_ms).collect();
        assert_eq!(bounds, [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000]);
        for attempt in [0, 1, 5, 8, 9, 31, 32, 63, 64, u32::MAX] {
            let bound = backoff_bound_ms(attempt);
            assert!(bound <= CAP_MS, "{attempt}");
            assert_eq!(backoff_ms(attempt, 0.0), 0);
            let high = backoff_ms(attempt, 0.999_999_999);
            assert!(high <= bound && high + 1 >= bound, "{attempt}: {high} vs {bound}");
            assert!(backoff_ms(attempt, 0.5) <= bound);
        }
        assert_eq!(backoff_ms(2, 0.5), 2_000, "full jitter scales the whole bound");
        assert_eq!(backoff_ms(3, f64::NAN), 0);
        assert_eq!(backoff_ms(3, -1.0), 0);
        assert_eq!(backoff_ms(3, 7.0), 8_000, "out-of-range randomness stays within the bound");
    }

    #[test]
    fn the_next_attempt_is_never_before_retry_after() {
        assert_eq!(next_attempt_ms(NOW, 0, 0.0, None), NOW);
        assert_eq!(next_attempt_ms(NOW, 0, 0.0, Some(30)), NOW + 30_000);
        assert_eq!(next_attempt_ms(NOW, 9, 0.9, Some(30)), NOW + 270_000, "longer backoff wins");
        assert_eq!(next_attempt_ms(NOW, 0, 0.5, Some(86_400)), NOW + 3_600_000, "clamped to an hour");
        for r in [0.0, 0.3, 0.999_999] {
            let at = next_attempt_ms(NOW, 20, r, None);
            assert!((NOW..=NOW + CAP_MS).contains(&at));
        }
        assert_eq!(next_attempt_ms(u64::MAX - 5, 3, 0.9, None), u64::MAX);
    }
}
