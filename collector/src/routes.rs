//! The JSON API handlers: receiving a report, its status and thread (read and answered by
//! the widget with the report's status token; changed by the operator with the admin
//! token), the admin listing, and the health check.
//! Turning HTTP into calls on `Store` and back is all they do; the rules live in
//! `validate`, the persistence in `store`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::thread::{Added, Author, Status};
use crate::validate::{is_uuid, validate};
use crate::{AppState, MAX_BODY_BYTES};

/// `POST /api/reports`: 201 with a new reference, 200 with the old one for a repeat.
pub async fn post_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    check_sender(&state, &headers)?;
    let bytes = read_body(body)?;
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

    if !stored.same_body {
        // Someone who learnt a queued report's id (a script on the page) must not be able
        // to take its place: the widget's own retry is always the same bytes.
        return Err(ApiError::new(StatusCode::CONFLICT, "a different report was already sent under this id"));
    }
    let status = if stored.created { StatusCode::CREATED } else { StatusCode::OK };
    let mut answer = json!({ "reference": stored.reference });
    if let Some(token) = stored.status_token {
        answer["status_token"] = Value::String(token);
    }
    Ok((status, Json(answer)).into_response())
}

/// The body, or the error a reader understands: 413 past the size limit, 408 when the
/// client stopped sending it (`serve::Limits::body_timeout`).
fn read_body(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&rejection);
        while let Some(e) = cause {
            if e.is::<tower_http::timeout::TimeoutError>() {
                return ApiError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "the report did not arrive in time; it will be sent again",
                );
            }
            cause = e.source();
        }
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(MAX_BODY_BYTES),
            status => ApiError::new(status, rejection.body_text()),
        }
    })
}

/// The longest message in a thread, in characters: a few screens of text.
pub const MAX_MESSAGE_CHARS: usize = 5_000;

/// Runs a store call on a blocking thread; a failure is a 500 the widget retries.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    context: &'static str,
    call: impl FnOnce(&crate::Store) -> crate::store::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || call(&store))
        .await
        .map_err(|e| ApiError::internal(context, e))?
        .map_err(|e| ApiError::internal(context, e))
}

/// The report's id from the path, lower-cased as stored; anything but a UUID is unknown.
fn report_id(id: &str) -> Result<String, ApiError> {
    if is_uuid(id) {
        Ok(id.to_ascii_lowercase())
    } else {
        Err(ApiError::new(StatusCode::NOT_FOUND, "no report with this id"))
    }
}

/// The report's thread if `headers` carry its status token: 404 for an unknown id, 401 for
/// a missing or wrong token (the same answer for every wrong token, compared in constant
/// time, and for reports stored before there were tokens).
async fn thread_for_user(state: &AppState, id: &str, headers: &HeaderMap) -> Result<crate::thread::Thread, ApiError> {
    let id = report_id(id)?;
    let thread = blocking(state, "could not read the report", move |store| store.thread(&id))
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no report with this id"))?;
    match &thread.status_token {
        Some(token) if authorized(headers, token) => Ok(thread),
        _ => Err(ApiError::new(StatusCode::UNAUTHORIZED, "missing or wrong status token for this report")),
    }
}

/// `GET /api/reports/{id}`: the status, the thread without internal notes, and the history
/// of status changes, for the widget that sent the report.
pub async fn get_thread(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let thread = thread_for_user(&state, &id, &headers).await?;
    // Private to the user: no shared cache may keep it.
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(thread.public_json())).into_response())
}

/// `DELETE /api/reports/{id}` with the report's status token: the user takes their report
/// back; it and everything kept with it are deleted. 204, then 404 for that id.
pub async fn delete_report(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    thread_for_user(&state, &id, &headers).await?;
    let report = report_id(&id)?;
    blocking(&state, "could not delete the report", move |store| store.delete(&report)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A JSON object body, or a 400 that says what is wrong with it.
fn object_body(bytes: &Bytes) -> Result<serde_json::Map<String, Value>, ApiError> {
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(ApiError::bad_request("the body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request(format!("malformed JSON: {e}"))),
    }
}

/// `text`: required, not blank, at most [`MAX_MESSAGE_CHARS`].
fn message_text(body: &serde_json::Map<String, Value>) -> Result<String, ApiError> {
    let invalid = |message: String| ApiError::from(crate::validate::Violation::new("text", message));
    let text = body.get("text").and_then(Value::as_str).ok_or_else(|| invalid("text is required".into()))?;
    if text.trim().is_empty() {
        return Err(invalid("text must not be empty".into()));
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(invalid(format!("text is longer than {MAX_MESSAGE_CHARS} characters")));
    }
    Ok(text.to_owned())
}

/// `POST /api/reports/{id}/messages` `{"id", "text"}`: the user answers in the thread, with
/// the report's status token. `id` (a UUID, also the `Idempotency-Key`) makes a retry land
/// once. 201 `{"id", "at"}` when stored, 200 for a repeat, 409 when the report is closed.
pub async fn post_message(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    check_sender(&state, &headers)?;
    let body = read_body(body)?;
    thread_for_user(&state, &id, &headers).await?;
    let body = object_body(&body)?;
    let message_id = body.get("id").and_then(Value::as_str).unwrap_or_default().to_ascii_lowercase();
    if !is_uuid(&message_id) {
        return Err(crate::validate::Violation::new("id", "id must be a UUID (8-4-4-4-12 hexadecimal digits)").into());
    }
    check_idempotency_key(&headers, &message_id)?;
    let text = message_text(&body)?;
    let report = report_id(&id)?;
    let added = {
        let message_id = message_id.clone();
        blocking(&state, "could not store the message", move |store| {
            store.add_message(&report, &message_id, Author::You, "user", &text)
        })
        .await?
    };
    match added {
        Added::Stored { created, at } => {
            let status = if created { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, Json(json!({ "id": message_id, "at": at }))).into_response())
        }
        Added::Closed => Err(ApiError::new(
            StatusCode::CONFLICT,
            "this report is closed and takes no more answers; please send a new report",
        )),
        Added::Conflict => {
            Err(ApiError::new(StatusCode::CONFLICT, "this message id is already used for another message"))
        }
        Added::NoSuchReport => Err(ApiError::new(StatusCode::NOT_FOUND, "no report with this id")),
    }
}

/// `POST /api/reports/{id}/status` `{"status"}` with the admin token: the operator's tools
/// move a report along (the inbox does the same for agents).
pub async fn post_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !authorized(&headers, &state.config.admin_token) {
        return Err(ApiError::unauthorized());
    }
    let body = object_body(&body)?;
    let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let status = body.get("status").and_then(Value::as_str).and_then(Status::parse).ok_or_else(|| {
        ApiError::from(crate::validate::Violation::new("status", format!("status must be one of {}", names.join(", "))))
    })?;
    let report = report_id(&id)?;
    match blocking(&state, "could not change the status", move |store| store.set_status(&report, status, "admin"))
        .await?
    {
        Some(changed) => Ok(Json(json!({ "status": status.as_str(), "changed": changed })).into_response()),
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "no report with this id")),
    }
}

/// `POST /api/reports/{id}/replies` `{"text", "id"?}` with the admin token: support answers
/// the user; 201 `{"id", "at"}`. Without an `id` one is drawn, so a retry may post twice.
pub async fn post_reply(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !authorized(&headers, &state.config.admin_token) {
        return Err(ApiError::unauthorized());
    }
    let body = object_body(&body)?;
    let text = message_text(&body)?;
    let message_id = match body.get("id").and_then(Value::as_str) {
        Some(given) => given.to_owned(),
        None => crate::random::token(),
    };
    let report = report_id(&id)?;
    let added = {
        let message_id = message_id.clone();
        blocking(&state, "could not store the reply", move |store| {
            store.add_message(&report, &message_id, Author::Support, "admin", &text)
        })
        .await?
    };
    match added {
        Added::Stored { created, at } => {
            let status = if created { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, Json(json!({ "id": message_id, "at": at }))).into_response())
        }
        Added::Conflict => {
            Err(ApiError::new(StatusCode::CONFLICT, "this message id is already used for another message"))
        }
        Added::Closed | Added::NoSuchReport => Err(ApiError::new(StatusCode::NOT_FOUND, "no report with this id")),
    }
}

/// What every POST from the widget carries, so that a browser must ask first (a preflight)
/// before another site's page can send one: `Content-Type: application/json` (415
/// otherwise), and an `Origin`, when there is one, among the allowed (403 otherwise).
/// Tools without a page (curl, a relay) send no `Origin` and pass.
pub(crate) fn check_sender(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("send the body as Content-Type: application/json (got {:?})", content_type),
        ));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let allowed = &state.config.allowed_origins;
        let origin = origin.to_str().unwrap_or("");
        if !allowed.iter().any(|a| a == "*" || a == origin) {
            return Err(ApiError::new(StatusCode::FORBIDDEN, format!("reports from {origin} are not accepted here")));
        }
    }
    Ok(())
}

/// The widget sends `Idempotency-Key: <id>`: required, so a plain form post cannot make
/// one, and a different value means a confused client (or a proxy mixing requests), and
/// storing under either key could lose a report.
fn check_idempotency_key(headers: &HeaderMap, id: &str) -> Result<(), ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Err(ApiError::bad_request(format!("the Idempotency-Key header is required; send the id ({id})")));
    };
    let key = value.to_str().map_err(|_| ApiError::bad_request("the Idempotency-Key header is not valid text"))?;
    // `id` is already lower-cased; UUIDs compare case-insensitively.
    if key.trim().eq_ignore_ascii_case(id) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!("the Idempotency-Key header ({key}) must equal the report id ({id})")))
    }
}

/// Reports per page of `GET /api/reports` unless `limit` asks for fewer, and at most.
pub const LIST_DEFAULT: usize = 50;
pub const LIST_MAX: usize = 200;

/// `GET /api/reports?limit=N&cursor=C`: a page of stored reports, newest first, for the
/// operator: `{"reports": [...], "next_cursor": "…" | null}`. Pass `next_cursor` back as
/// `cursor` for the next page. File bytes are never in it (fetch them from the inbox).
pub async fn list_reports(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, ApiError> {
    if !authorized(&headers, &state.config.admin_token) {
        return Err(ApiError::unauthorized());
    }
    let param = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let limit = match param("limit").map(str::parse::<usize>) {
        None => LIST_DEFAULT,
        Some(Ok(n)) if (1..=LIST_MAX).contains(&n) => n,
        Some(_) => return Err(ApiError::bad_request(format!("limit must be a number from 1 to {LIST_MAX}"))),
    };
    let cursor = match param("cursor").map(str::parse::<i64>) {
        None => None,
        Some(Ok(c)) if c > 0 => Some(c),
        Some(_) => return Err(ApiError::bad_request("cursor must be a next_cursor this listing gave")),
    };
    let (rows, next) = blocking(&state, "could not read the reports", move |store| store.list(limit, cursor)).await?;
    let reports: Vec<Value> = rows
        .into_iter()
        .map(|row| {
            // Bodies were parsed before they were stored; a string fallback keeps the
            // listing usable even if someone edited the database by hand.
            let report = serde_json::from_str(&row.body).unwrap_or(Value::String(row.body));
            // A summary only: the bytes are in the store, once.
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
    Ok(Json(json!({ "reports": reports, "next_cursor": next.map(|c| c.to_string()) })))
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
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || b.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `GET /api/health`: `200 {"ok": true}` when a report could be stored now (a real write
/// to the database succeeds), `503 {"ok": false, "error"}` otherwise, so a load balancer
/// stops sending users to an instance whose disk is full or read-only.
pub async fn health(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    match tokio::task::spawn_blocking(move || store.check_writable()).await {
        Ok(Ok(())) => Json(json!({ "ok": true })).into_response(),
        Ok(Err(e)) => {
            eprintln!("wallet-help collector: health: the database cannot be written: {e}");
            let body = json!({ "ok": false, "error": "the database cannot be written" });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
        Err(e) => ApiError::internal("could not check the database", e).into_response(),
    }
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

    #[tokio::test]
    async fn health_is_not_ok_when_the_database_cannot_be_written() {
        let config = crate::Config {
            admin_token: "t".repeat(32),
            allowed_origins: vec![],
            site_dir: std::path::PathBuf::from("."),
            brand: "tpWallet".into(),
            webhook: None,
            retain_days: None,
            limits: None,
        };
        let state = AppState::new(crate::Store::scratch().unwrap(), config);
        assert_eq!(health(State(state.clone())).await.status(), StatusCode::OK);
        // What a full or read-only disk (or a server refusing writes) looks like to the
        // store: every write refused.
        let refuse = match state.store.dialect() {
            crate::db::Dialect::Sqlite => "PRAGMA query_only = 1",
            crate::db::Dialect::Postgres => {
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
                   $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
                 CREATE TRIGGER refuse BEFORE UPDATE ON wallet_help_schema FOR EACH ROW EXECUTE FUNCTION refuse();"
            }
        };
        state.store.write(|tx| tx.batch(refuse)).unwrap();
        let response = health(State(state)).await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["ok"], false);
    }

    #[test]
    fn idempotency_key_is_required_and_must_match() {
        let id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        let missing = check_idempotency_key(&HeaderMap::new(), id).unwrap_err();
        assert_eq!(missing.status, StatusCode::BAD_REQUEST);
        assert!(missing.message.contains("Idempotency-Key header is required"), "{}", missing.message);
        let mut headers = HeaderMap::new();
        headers.insert("idempotency-key", HeaderValue::from_static("3F2504E0-4F89-41D3-9A0C-0305E82C3301"));
        assert!(check_idempotency_key(&headers, id).is_ok());
        headers.insert("idempotency-key", HeaderValue::from_static("other"));
        assert_eq!(check_idempotency_key(&headers, id).unwrap_err().status, StatusCode::BAD_REQUEST);
    }
}
