//! POSTing a report: JSON body, `Idempotency-Key`, and the server's answer classified by
//! `core::delivery`. A request that cannot complete counts as a network failure.

use crate::core::delivery::{self, Outcome};
use gloo_net::http::Request;

pub async fn post_report(endpoint: &str, id: &str, body: String) -> Outcome {
    let request = Request::post(endpoint)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", id)
        .body(body);
    let Ok(request) = request else { return delivery::network_failure() };
    match request.send().await {
        Ok(response) => {
            let status = response.status();
            let retry_after = response.headers().get("Retry-After");
            let text = response.text().await.unwrap_or_default();
            delivery::classify(status, &text, retry_after.as_deref())
        }
        Err(_) => delivery::network_failure(),
    }
}

/// Fetches and parses a JSON document (the operator's config file).
pub async fn get_json(url: &str) -> Result<serde_json::Value, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))
}
