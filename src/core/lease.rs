//! The rules of the outbox's fallback lease, for browsers without Web Locks (plain-http
//! sites, older browsers): one localStorage value `"<owner> <until ms>"` says which outbox
//! instance may send and until when. The holder renews it while it sends; an expired lease
//! (its tab closed or froze) is free for anyone. localStorage has no compare-and-swap, so
//! a taker writes, waits a moment and reads again: of two tabs writing at once only the
//! last writer still finds its own name.

/// How long a lease lasts without renewal: a tab that died mid-send blocks the others for
/// at most this long.
pub const LEASE_MS: u64 = 10_000;
/// The holder renews this often, well within [`LEASE_MS`].
pub const RENEW_MS: u64 = 3_000;
/// How long a taker waits before reading the lease back to see whether it won.
pub const SETTLE_MS: u64 = 60;

// Renewals come well before expiry, and a taker's wait is far shorter than either.
const _: () = assert!(RENEW_MS * 3 <= LEASE_MS && SETTLE_MS < RENEW_MS);

/// The stored value for `owner` holding the lease until `until_ms`.
pub fn value(owner: &str, until_ms: u64) -> String {
    format!("{owner} {until_ms}")
}

/// The owner and expiry in a stored value; `None` if it is not one.
pub fn parse(value: &str) -> Option<(&str, u64)> {
    let (owner, until) = value.rsplit_once(' ')?;
    Some((owner, until.parse().ok()?)).filter(|(o, _)| !o.is_empty())
}

/// Whether `owner` may take (or keep) the lease now: nobody holds it, it has expired, it is
/// unreadable, or `owner` holds it already. A lease further ahead than [`LEASE_MS`] can only
/// come from a clock set back, and counts as expired.
pub fn free_for(stored: Option<&str>, owner: &str, now_ms: u64) -> bool {
    match stored.and_then(parse) {
        None => true,
        Some((holder, until)) => holder == owner || until <= now_ms || until > now_ms.saturating_add(LEASE_MS),
    }
}

/// Whether the stored value names `owner` (read back after taking it, and before releasing).
pub fn held_by(stored: Option<&str>, owner: &str) -> bool {
    stored.and_then(parse).is_some_and(|(holder, _)| holder == owner)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000_000;

    #[test]
    fn a_lease_is_free_when_absent_expired_unreadable_or_ours() {
        assert!(free_for(None, "a", NOW));
        assert!(free_for(Some("garbage"), "a", NOW));
        assert!(free_for(Some(" 5"), "a", NOW), "no owner is no lease");
        let held = value("b", NOW + 5_000);
        assert_eq!(parse(&held), Some(("b", NOW + 5_000)));
        assert!(!free_for(Some(&held), "a", NOW), "another live holder keeps it");
        assert!(free_for(Some(&held), "b", NOW), "the holder may renew");
        assert!(free_for(Some(&held), "a", NOW + 5_000), "expired");
        assert!(free_for(Some(&value("b", NOW + LEASE_MS + 1)), "a", NOW), "from a clock set back");
        assert!(!free_for(Some(&value("b", NOW + LEASE_MS)), "a", NOW));
    }

    #[test]
    fn only_the_name_read_back_holds_the_lease() {
        let stored = value("tab-2", NOW + LEASE_MS);
        assert!(held_by(Some(&stored), "tab-2"));
        assert!(!held_by(Some(&stored), "tab-1"), "a later writer won");
        assert!(!held_by(None, "tab-1"));
    }
}
