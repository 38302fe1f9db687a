//! The one shape of every error answer: `{"error": "<sentence>"}`, plus `"field"` when a
//! report broke a validation rule. The widget shows `error` to the user as is, so
//! messages are written for people, not for logs.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::validate::Violation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into(), field: None }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn too_large(limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the report is larger than the {} MiB limit; remove or shrink attachments", limit / (1024 * 1024)),
        )
    }

    pub fn unauthorized() -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "missing or wrong admin token (Authorization: Bearer <token>)")
    }

    /// Storage failures: the widget retries 5xx later, so the report is not lost.
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        eprintln!("wallet-help collector: {context}: {cause}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{context}; please try again later"))
    }
}

impl From<Violation> for ApiError {
    fn from(v: Violation) -> Self {
        ApiError { status: StatusCode::UNPROCESSABLE_ENTITY, message: v.message, field: Some(v.field) }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = match self.field {
            Some(field) => json!({ "error": self.message, "field": field }),
            None => json!({ "error": self.message }),
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            // RFC 9110 asks a 401 to name the scheme it wants.
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
