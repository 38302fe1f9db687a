//! The JSON API handlers: receiving a report, the admin listing, and the health check.
//! Turning HTTP into calls on `Store` and back is all they do; the rules live in
//! `validate`, the persistence in `store`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::validate::validate;
use crate::{AppState, MAX_BODY_BYTES};

/// `POST /api/reports`: 201 with a new reference, 200 with the old one for a repeat.
pub async fn post_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(MAX_BODY_BYTES),
        status => ApiError::new(status, rejection.body_text()),
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| ApiError::bad_request(format!("malformed JSON: the body is not UTF-8 ({e})")))?;
    let parsed: Value =
        serde_json::from_str(text).map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))?;
    let Value::Object(object) = parsed else {
        return Err(ApiError::bad_request("malformed report: the body must be a JSON object"));
    };
    // Decoding and hashing up to three 2 MiB attachments takes milliseconds of CPU:
    // done on a blocking thread, so it does not stall other requests.
    let report = tokio::task::spawn_blocking(move || validate(&object))
        .await
        .map_err(|e| ApiError::internal("could not check the report", e))??;
    check_idempotency_key(&headers, &report.id)?;

    let store = state.store.clone();
    let body_text = text.to_owned();
    let stored = tokio::task::spawn_blocking(move || store.insert_or_get(&report, &body_text))
        .await
        .map_err(|e| ApiError::internal("could not store the report", e))?
        .map_err(|e| ApiError::internal("could not store the report", e))?;

    let status = if stored.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(json!({ "reference": stored.reference }))).into_response())
}

/// The widget sends `Idempotency-Key: <id>`; a different value means a confused client
/// (or a proxy mixing requests), and storing under either key could lose a report.
fn check_idempotency_key(headers: &HeaderMap, id: &str) -> Result<(), ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(());
    };
    let key = value.to_str().map_err(|_| ApiError::bad_request("the Idempotency-Key header is not valid text"))?;
    // `id` is already lower-cased; UUIDs compare case-insensitively.
    if key.trim().eq_ignore_ascii_case(id) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("the Idempotency-Key header ({key}) must equal the report id ({id})")))
    }
}

/// `GET /api/reports`: every stored report, newest first, for the operator.
pub async fn list_reports(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    if !authorized(&headers, &state.config.admin_token) {
        return Err(ApiError::unauthorized());
    }
    let store = state.store.clone();
    let rows = tokio::task::spawn_blocking(move || store.list())
        .await
        .map_err(|e| ApiError::internal("could not read the reports", e))?
        .map_err(|e| ApiError::internal("could not read the reports", e))?;
    let reports: Vec<Value> = rows
        .into_iter()
        .map(|row| {
            // Bodies were parsed before they were stored; a string fallback keeps the
            // listing usable even if someone edited the database by hand.
            let report = serde_json::from_str(&row.body).unwrap_or(Value::String(row.body));
            // A summary only: the bytes are in the store (and base64 in `report`).
            let attachments: Vec<Value> = row
                .attachments
                .into_iter()
                .map(|a| json!({ "name": a.name, "type": a.mime, "size": a.size, "sha256": a.sha256 }))
                .collect();
            json!({
                "reference": row.reference,
                "id": row.id,
                "kind": row.kind,
                "category": row.category,
                "created_at": row.created_at,
                "received_at": row.received_at,
                "attachments": attachments,
                "report": report,
            })
        })
        .collect();
    Ok(Json(json!({ "reports": reports })))
}

/// `Authorization: Bearer <token>`, the scheme name in any case (RFC 9110).
fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let Some(value) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    match value.split_once(' ') {
        Some((scheme, given)) if scheme.eq_ignore_ascii_case("bearer") => {
            constant_time_eq(given.trim().as_bytes(), token.as_bytes())
        }
        _ => false,
    }
}

/// Compares without stopping at the first differing byte, so response timing does not
/// reveal how much of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || b.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `GET /api/health`: answers as soon as the server is up; used by scripts and tests.
pub async fn health() -> Json<Value> {
    Json(json!({ "ok": true }))
}

/// Unknown `/api/...` paths get a JSON 404 rather than the static site's empty one.
pub async fn api_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such API endpoint")
}

/// A known API path with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this endpoint")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_auth(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn bearer_token_must_match_exactly() {
        assert!(authorized(&with_auth("Bearer s3cret"), "s3cret"));
        assert!(authorized(&with_auth("bearer s3cret"), "s3cret"));
        assert!(!authorized(&with_auth("Bearer s3cre"), "s3cret"));
        assert!(!authorized(&with_auth("Bearer s3cret!"), "s3cret"));
        assert!(!authorized(&with_auth("Basic s3cret"), "s3cret"));
        assert!(!authorized(&with_auth("s3cret"), "s3cret"));
        assert!(!authorized(&HeaderMap::new(), "s3cret"));
        // An empty configured token must never open the listing.
        assert!(!authorized(&with_auth("Bearer "), ""));
    }

    #[test]
    fn idempotency_key_is_optional_but_must_match() {
        let id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        assert!(check_idempotency_key(&HeaderMap::new(), id).is_ok());
        let mut headers = HeaderMap::new();
        headers.insert("idempotency-key", HeaderValue::from_static("3F2504E0-4F89-41D3-9A0C-0305E82C3301"));
        assert!(check_idempotency_key(&headers, id).is_ok());
        headers.insert("idempotency-key", HeaderValue::from_static("other"));
        assert_eq!(check_idempotency_key(&headers, id).unwrap_err().status, StatusCode::BAD_REQUEST);
    }
}
