//! What a server's answer to a report means for the widget: delivered, try again later, or
//! rejected for good. Retries themselves are scheduled by the outbox; this only classifies.

use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The operator has the report; `reference` is their ticket number if they sent one.
    Delivered { reference: Option<String> },
    /// Nothing is wrong with the report; the server or network is, for now.
    RetryLater { retry_after_secs: Option<u64> },
    /// The server refused this report; its message is shown and the text kept.
    Rejected { message: String },
}

/// Classifies an HTTP answer. `retry_after` is the raw `Retry-After` header, if any.
pub fn classify(status: u16, body: &str, retry_after: Option<&str>) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered { reference: field(body, "reference") },
        408 | 425 | 429 | 500..=599 => {
            Outcome::RetryLater { retry_after_secs: retry_after.and_then(|v| v.trim().parse().ok()) }
        }
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
            Outcome::Delivered { reference: Some("WH-1234".into()) }
        );
        assert_eq!(classify(200, "", None), Outcome::Delivered { reference: None });
        assert_eq!(classify(204, "<html>", None), Outcome::Delivered { reference: None });
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
        assert_eq!(classify(302, "", None), Outcome::Rejected { message: "HTTP 302".into() });
    }
}
