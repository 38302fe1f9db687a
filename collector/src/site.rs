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

/// `/` is `<dir>/index.html`; any other path is the file under `<dir>`, or 404.
pub fn router(dir: &Path) -> Router {
    Router::new().fallback_service(ServeDir::new(dir)).layer(map_response(no_cache))
}

/// `no-cache` still lets browsers keep files, but makes them revalidate (ServeDir
/// answers `If-Modified-Since`), so a rebuilt widget shows up on the next reload.
async fn no_cache(mut response: Response) -> Response {
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    response
}
