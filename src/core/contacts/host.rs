//! Host names: from a typed URL to a comparable host, `xn--` labels decoded, and the split
//! into subdomain labels, registrable label and public suffix.
//!
//! Hand-written rather than `url::Url` (whose IDNA tables add ~74 KB gzip to the Wasm): the
//! widget needs the host only, but must get the classic traps right — `user@host` (the part
//! after the last `@` is the host), ports, backslashes, trailing dots. Punycode decoding is
//! `punycode` (RFC 3492). The public-suffix rule is a short approximation (see
//! [`split`]): the full list would cost more than this whole module.

/// The host of a typed URL or bare domain: ASCII-lowercased (std's Unicode case tables would
/// cost ~15 KB of Wasm; `fold` maps non-ASCII look-alikes in either case), without scheme,
/// user info, port, path, query, fragment or trailing dot. `None` if what remains is not a
/// plausible host.
pub(super) fn host_of(input: &str) -> Option<String> {
    let rest = input.trim();
    let rest = match rest.find("://") {
        Some(i) if rest[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => &rest[i + 3..],
        _ => rest.strip_prefix("//").unwrap_or(rest),
    };
    // Browsers end the authority at `\` too, as at `/`.
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host_port,
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let plausible = !host.is_empty()
        && host.split('.').all(|l| {
            !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii())
        })
        && !host.chars().any(char::is_whitespace);
    plausible.then_some(host)
}

/// The user-info part of a URL (`https://USER@host/`), which browsers do not go to but
/// readers take for the address.
pub(super) fn userinfo(input: &str) -> Option<&str> {
    let (_, rest) = input.trim().split_once("://")?;
    let authority = rest.split(['/', '\\', '?', '#']).next()?;
    authority.rsplit_once('@').map(|(user, _)| user)
}

/// What follows the host of a URL: path, query and fragment (empty if none).
pub(super) fn path(input: &str) -> &str {
    let input = input.trim();
    let rest = input.split_once("://").map_or(input, |(_, rest)| rest);
    rest.find(['/', '\\', '?', '#']).map_or("", |i| &rest[i..])
}

/// `host` with every `xn--` label decoded, and whether there was one. A label that is not
/// valid punycode stays as it is.
pub(super) fn decode(host: &str) -> (String, bool) {
    let mut any = false;
    let labels: Vec<String> = host
        .split('.')
        .map(|label| {
            let decoded = label.strip_prefix("xn--").and_then(super::punycode::decode);
            any |= decoded.is_some();
            decoded.map(|d| d.to_ascii_lowercase()).unwrap_or_else(|| label.to_string())
        })
        .collect();
    (labels.join("."), any)
}

/// Whether `host` is `domain` or one of its subdomains (both already normalised).
pub(super) fn within(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.'))
}

/// A host cut into subdomain labels, the registrable label and the public suffix.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Parts<'a> {
    pub sub: Vec<&'a str>,
    pub label: &'a str,
    pub suffix: String,
}

/// Splits `host` at its public suffix: the last label, or the last two for the common
/// country second levels (`com.cn`, `co.uk`, `com.hk`: a generic word before a two-letter
/// country code). Good enough to find the name a scammer registered.
pub(super) fn split(host: &str) -> Parts<'_> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let second_level = n >= 3
        && labels[n - 1].len() == 2
        && ["com", "net", "org", "co", "gov", "edu", "ac", "or", "ne", "go"].contains(&labels[n - 2]);
    let suffix_len = if n == 1 {
        0
    } else if second_level {
        2
    } else {
        1
    };
    let label_at = n - suffix_len - 1;
    Parts { sub: labels[..label_at].to_vec(), label: labels[label_at], suffix: labels[label_at + 1..].join(".") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_from_typed_urls() {
        assert_eq!(host_of("https://WWW.TPWallet.com:443/help?q=1#x").as_deref(), Some("www.tpwallet.com"));
        assert_eq!(host_of("tpwallet.com.").as_deref(), Some("tpwallet.com"));
        assert_eq!(host_of("//tpwallet.com/").as_deref(), Some("tpwallet.com"));
        assert_eq!(host_of("https://tpwallet.com@evil.net/login").as_deref(), Some("evil.net"));
        assert_eq!(host_of("https://evil.net\\@tpwallet.com").as_deref(), Some("evil.net"));
        assert_eq!(host_of("http://tpwаllet.com").as_deref(), Some("tpwаllet.com"));
        assert_eq!(host_of("tpwallet..com"), None);
        assert_eq!(userinfo("https://tpwallet.com@evil.net/a@b"), Some("tpwallet.com"));
        assert_eq!(userinfo("https://evil.net/a@b"), None);
        assert_eq!(path("https://evil.net/tpwallet.com?x"), "/tpwallet.com?x");
        assert_eq!(path("evil.net"), "");
        assert_eq!(host_of("not a host"), None);
    }

    #[test]
    fn punycode_labels_are_decoded() {
        assert_eq!(decode("xn--tpwllet-4fg.com"), ("tpwаllet.com".to_string(), true));
        assert_eq!(decode("help.tpwallet.com"), ("help.tpwallet.com".to_string(), false));
        assert_eq!(decode("xn--!!.com"), ("xn--!!.com".to_string(), false));
    }

    #[test]
    fn subdomains_are_within_but_lookalike_suffixes_are_not() {
        assert!(within("help.tpwallet.com", "tpwallet.com"));
        assert!(within("tpwallet.com", "tpwallet.com"));
        assert!(!within("eviltpwallet.com", "tpwallet.com"));
        assert!(!within("tpwallet.com.evil.net", "tpwallet.com"));
    }

    #[test]
    fn registrable_label_and_suffix() {
        let p = split("help.tpwallet.com.cn");
        assert_eq!((p.sub, p.label, p.suffix.as_str()), (vec!["help"], "tpwallet", "com.cn"));
        let p = split("tpwallet.com.example.net");
        assert_eq!((p.sub, p.label, p.suffix.as_str()), (vec!["tpwallet", "com"], "example", "net"));
        assert_eq!(split("localhost").label, "localhost");
        assert_eq!(split("co.uk").label, "co");
    }
}
