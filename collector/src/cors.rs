//! Cross-origin rules. The widget runs on the wallet's pages but posts reports to, and
//! loads its `.wasm` and `config.json` from, the collector's origin, so browsers need
//! CORS answers on the API and on the static files alike.
//!
//! No credentials are allowed (the admin token travels in `Authorization`, never in
//! cookies), which is what makes the `*` option safe to offer.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The origins a browser may call this collector from when none are configured:
/// its own, written the ways a developer may type it in the address bar.
pub fn default_origins(local: std::net::SocketAddr) -> Vec<String> {
    let port = local.port();
    let mut origins =
        vec![format!("http://{local}"), format!("http://localhost:{port}"), format!("http://127.0.0.1:{port}")];
    // Bound to 127.0.0.1, the first and last are the same origin.
    origins.sort();
    origins.dedup();
    origins
}

/// Trims what people add by habit (spaces, a trailing `/`): browsers send origins
/// without a path, so `https://wallet.example/` would otherwise never match.
pub fn normalize_origin(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_owned()
}

/// `Err` with a sentence when `origin` cannot be a browser `Origin` value.
pub fn check_origin(origin: &str) -> Result<(), String> {
    if origin == "*" {
        return Ok(());
    }
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .ok_or_else(|| format!("origin {origin:?} must start with http:// or https://"))?;
    if rest.is_empty() || rest.contains('/') || HeaderValue::from_str(origin).is_err() {
        return Err(format!("origin {origin:?} must be scheme://host[:port], without a path"));
    }
    Ok(())
}

/// The layer for the given origins; `*` among them allows every origin.
pub fn layer(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        // The CLI has already rejected values that are not valid header text.
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([header::CONTENT_TYPE, HeaderName::from_static("idempotency-key"), header::AUTHORIZATION])
        // A widget on another origin must read Retry-After to honour it.
        .expose_headers([header::RETRY_AFTER])
        // Saves a preflight round trip per report for ten minutes.
        .max_age(Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_cover_the_ways_to_write_the_local_origin() {
        let origins = default_origins("127.0.0.1:8080".parse().unwrap());
        assert_eq!(origins, ["http://127.0.0.1:8080", "http://localhost:8080"]);
        let origins = default_origins("0.0.0.0:9000".parse().unwrap());
        assert_eq!(origins.len(), 3);
        assert!(origins.contains(&"http://0.0.0.0:9000".to_owned()));
    }

    #[test]
    fn origins_are_checked_and_normalized() {
        assert_eq!(normalize_origin(" https://wallet.example/ "), "https://wallet.example");
        assert!(check_origin("https://wallet.example").is_ok());
        assert!(check_origin("http://localhost:3000").is_ok());
        assert!(check_origin("*").is_ok());
        assert!(check_origin("wallet.example").is_err());
        assert!(check_origin("https://wallet.example/path").is_err());
        assert!(check_origin("https://").is_err());
    }
}
