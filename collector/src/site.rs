//! Serving the built widget and demo page (`dist/` from the lead's build) as static
//! files, so one process is enough to try the whole thing locally.
//!
//! `ServeDir` picks the `Content-Type` from the extension, which gives `.wasm` the
//! `application/wasm` type that `WebAssembly.instantiateStreaming` insists on.

use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::middleware::map_response;
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;

/// `/` is `<dir>/index.html`; any other path is the file under `<dir>`, or 404. A browser
/// that accepts brotli or gzip gets the `.br` or `.gz` copy `make dist` wrote beside the
/// file, when there is one, so the widget travels compressed as from a CDN.
pub fn router(dir: &Path) -> Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new().fallback_service(files).layer(map_response(no_cache))
}

/// `no-cache` still lets browsers keep files, but makes them revalidate (ServeDir
/// answers `If-Modified-Since`), so a rebuilt widget shows up on the next reload.
async fn no_cache(mut response: Response) -> Response {
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    response
}
