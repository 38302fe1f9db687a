//! Serving the built widget and demo page (`dist/`, from `make dist`) as static files, so
//! one process is enough to try the whole thing locally. Only what is plainly in the
//! folder is served: no dotfile (`.env`, `.git`), nothing a symlink leads to outside it,
//! and the collector will not start with its database inside it.
//!
//! `ServeDir` picks the `Content-Type` from the extension, which gives `.wasm` the
//! `application/wasm` type that `WebAssembly.instantiateStreaming` insists on.

use std::path::{Path, PathBuf};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{map_response, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;

/// `/` is `<dir>/index.html`; any other path is the file under `<dir>`, or 404. A browser
/// that accepts brotli or gzip gets the `.br` or `.gz` copy `make dist` wrote beside the
/// file, when there is one, so the widget travels compressed as from a CDN.
pub fn router(dir: &Path) -> Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    // Resolved once: a folder given as `dist` or `./dist/` is the same folder.
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    Router::new().fallback_service(files).layer(map_response(no_cache)).layer(axum::middleware::from_fn(
        move |request: Request, next: Next| {
            let allowed = allowed(&root, request.uri().path());
            async move {
                if allowed {
                    next.run(request).await
                } else {
                    (StatusCode::NOT_FOUND, "not found").into_response()
                }
            }
        },
    ))
}

/// Whether the URL path may be served from `root`: no segment starting with a dot, and
/// the file it names (and its `.br`/`.gz` copies), if it exists, inside `root` once every
/// symlink is followed.
pub fn allowed(root: &Path, url_path: &str) -> bool {
    let Some(decoded) = percent_decode(url_path) else { return false };
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| s.starts_with('.') || s.contains('\\')) {
        return false;
    }
    let file: PathBuf = segments.iter().fold(root.to_owned(), |p, s| p.join(s));
    let mut names = vec![file.clone()];
    for ext in ["br", "gz"] {
        let mut with = file.clone().into_os_string();
        with.push(format!(".{ext}"));
        names.push(with.into());
    }
    // `/` serves `index.html`.
    names.push(file.join("index.html"));
    names.iter().all(|name| match std::fs::canonicalize(name) {
        Ok(real) => real.starts_with(root),
        Err(_) => true, // absent: ServeDir answers 404
    })
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `Err` with a sentence when the database file would be inside the served folder, where
/// anyone could download every report.
pub fn check_database_outside(site: &Path, db: &Path) -> Result<(), String> {
    let site_real = real_path(site);
    let db_real = real_path(db);
    if db_real.starts_with(&site_real) {
        return Err(format!(
            "the database {} is inside the served folder {}: anyone could download it; put it elsewhere with --db",
            db.display(),
            site.display()
        ));
    }
    Ok(())
}

/// The absolute path with every symlink of its existing part followed (the rest, not yet
/// created, appended as written).
fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |p: PathBuf, s| p.join(s));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// `no-cache` still lets browsers keep files, but makes them revalidate (ServeDir
/// answers `If-Modified-Since`), so a rebuilt widget shows up on the next reload.
async fn no_cache(mut response: Response) -> Response {
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotfiles_and_links_out_of_the_folder_are_not_served() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(root.join("index.html"), "hi").unwrap();
        std::fs::create_dir(root.join("wallet-help")).unwrap();
        std::fs::write(root.join("wallet-help/a.js"), "x").unwrap();
        std::fs::write(root.join(".env"), "SECRET=1").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", root.join("passwd")).unwrap();
            std::os::unix::fs::symlink(root.join("wallet-help/a.js"), root.join("b.js")).unwrap();
            std::os::unix::fs::symlink("/etc", root.join("etc")).unwrap();
            assert!(!allowed(&root, "/passwd"));
            assert!(!allowed(&root, "/etc/hostname"));
            assert!(allowed(&root, "/b.js"), "a link that stays inside is fine");
        }
        assert!(allowed(&root, "/"));
        assert!(allowed(&root, "/wallet-help/a.js"));
        assert!(allowed(&root, "/missing.js"), "ServeDir answers 404");
        for hidden in ["/.env", "/%2Eenv", "/wallet-help/.git/config", "/.well-known/x", "/a/%2e%2e/b", "/%zz"] {
            assert!(!allowed(&root, hidden), "{hidden}");
        }
    }

    #[test]
    fn the_database_may_not_live_in_the_served_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("dist");
        std::fs::create_dir(&site).unwrap();
        assert!(check_database_outside(&site, &dir.path().join("data/reports.sqlite3")).is_ok());
        let err = check_database_outside(&site, &site.join("reports.sqlite3")).unwrap_err();
        assert!(err.contains("anyone could download it"), "{err}");
        assert!(check_database_outside(&site, &site.join("new/deeper/r.db")).is_err(), "not created yet");
        assert!(check_database_outside(&dir.path().join("dist/."), &dir.path().join("dist/../dist/x.db")).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&site, dir.path().join("link")).unwrap();
            assert!(check_database_outside(&site, &dir.path().join("link/r.db")).is_err(), "through a link");
        }
    }
}
