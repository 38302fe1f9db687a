//! Unit tests of `validate`: the required fields, their formats, the closed lists, the
//! order of the rules, and what is deliberately left unchecked.

use serde_json::{json, Map, Value};

use crate::validate::*;

fn good() -> Map<String, Value> {
    match json!({
        "schema": "wallet-help.report.v1",
        "id": "3F2504E0-4F89-41D3-9A0C-0305E82C3301",
        "created_at": "2025-03-04T05:06:07.890Z",
        "kind": "complaint",
        "category": "transaction",
        "locale": "zh-CN",
        "description": "My withdrawal is pending",
        "attachments": [],
    }) {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

fn with(field: &str, value: Value) -> Map<String, Value> {
    let mut body = good();
    body.insert(field.to_owned(), value);
    body
}

fn without(field: &str) -> Map<String, Value> {
    let mut body = good();
    body.remove(field);
    body
}

fn field_of(body: Map<String, Value>) -> String {
    validate(&body).expect_err("should be rejected").field
}

#[test]
fn accepts_a_complete_report_and_lowercases_the_id() {
    let ok = validate(&good()).unwrap();
    assert_eq!(ok.id, "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    assert_eq!(ok.kind, "complaint");
    assert_eq!(ok.category, "transaction");
    assert_eq!(ok.created_at, "2025-03-04T05:06:07.890Z");
}

#[test]
fn every_required_field_is_required() {
    for field in ["schema", "id", "created_at", "kind", "category", "locale", "description"] {
        assert_eq!(field_of(without(field)), field, "missing {field}");
        assert_eq!(field_of(with(field, Value::Null)), field, "null {field}");
        assert_eq!(field_of(with(field, json!(7))), field, "number {field}");
    }
}

#[test]
fn rejects_another_schema() {
    let v = validate(&with("schema", json!("wallet-help.report.v2"))).unwrap_err();
    assert_eq!(v.field, "schema");
    assert!(v.message.contains("wallet-help.report.v1"), "{}", v.message);
}

#[test]
fn rejects_bad_uuids() {
    for id in [
        "",
        "not-a-uuid",
        "3f2504e04f8941d39a0c0305e82c3301",
        "3f2504e0-4f89-41d3-9a0c-0305e82c330",
        "3f2504e0-4f89-41d3-9a0c-0305e82c33011",
        "3f2504e0-4f89-41d3-9a0c-0305e82c330g",
        "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}",
        "3f2504e0-4f89-41d3-9a0c-0305e82c3301-",
    ] {
        assert_eq!(field_of(with("id", json!(id))), "id", "{id:?}");
    }
}

#[test]
fn rejects_timestamps_that_are_not_rfc3339() {
    for t in [
        "",
        "yesterday",
        "2025-03-04",
        "2025/03/04T05:06Z",
        "2025-13-04T05:06Z",
        "2025-03-04T25:06Z",
        "2025-03-0éT05:06Z",
    ] {
        assert_eq!(field_of(with("created_at", json!(t))), "created_at", "{t:?}");
    }
    assert!(looks_like_rfc3339("2025-03-04T05:06:07+08:00"));
    assert!(looks_like_rfc3339("2025-03-04 05:06:07Z"));
}

#[test]
fn kind_and_category_are_closed_lists() {
    assert_eq!(field_of(with("kind", json!("praise"))), "kind");
    assert_eq!(field_of(with("kind", json!("Complaint"))), "kind");
    assert_eq!(field_of(with("category", json!("billing"))), "category");
    for kind in kinds() {
        assert!(validate(&with("kind", json!(kind))).is_ok());
    }
    for category in categories() {
        assert!(validate(&with("category", json!(category))).is_ok());
    }
}

#[test]
fn blank_locale_or_description_is_rejected() {
    assert_eq!(field_of(with("locale", json!(""))), "locale");
    assert_eq!(field_of(with("description", json!(" \n\t "))), "description");
}

#[test]
fn the_first_broken_rule_wins() {
    let mut body = without("description");
    body.insert("schema".into(), json!("nope"));
    assert_eq!(field_of(body), "schema");
}
#[test]
fn checklist_and_unknown_fields_are_accepted() {
    let mut body = with("checklist", json!({ "done": ["update-app", "enable-2fa"] }));
    body.insert("from_a_newer_widget".into(), json!([1, { "x": null }]));
    assert!(validate(&body).is_ok());
}

#[test]
fn attachments_are_optional_and_checked_after_the_report_fields() {
    assert_eq!(validate(&without("attachments")).unwrap().attachments, vec![]);
    let mut body = with("attachments", json!("receipt.png"));
    assert_eq!(field_of(body.clone()), "attachments");
    body.remove("locale");
    assert_eq!(field_of(body), "locale");
}

#[test]
fn every_text_has_a_limit_the_widget_keeps_too() {
    use wallet_help_report::limits::{DESCRIPTION_MAX, STEPS_MAX, SUBJECT_MAX, TEXT_MAX};
    // The widget's longest description passes, one more character does not.
    assert!(validate(&with("description", json!("字".repeat(DESCRIPTION_MAX)))).is_ok());
    let long = validate(&with("description", json!("x".repeat(DESCRIPTION_MAX + 1)))).unwrap_err();
    assert_eq!(
        (long.field.as_str(), long.message.as_str()),
        ("description", "description is longer than 5000 characters")
    );
    assert_eq!(field_of(with("description", json!("x".repeat(9 * 1024 * 1024)))), "description");
    assert_eq!(field_of(with("subject", json!("x".repeat(SUBJECT_MAX + 1)))), "subject");
    assert_eq!(field_of(with("steps_tried", json!(vec!["a"; STEPS_MAX + 1]))), "steps_tried");
    assert_eq!(field_of(with("steps_tried", json!(["ok", "x".repeat(201)]))), "steps_tried[1]");
    assert_eq!(
        field_of(with("context", json!({ "page_url": "https://w.example/".repeat(TEXT_MAX) }))),
        "context.page_url"
    );
    let prefill: serde_json::Map<String, Value> = (0..21).map(|n| (format!("k{n}"), json!("v"))).collect();
    assert_eq!(field_of(with("context", json!({ "prefill": prefill }))), "context.prefill");
    assert_eq!(field_of(with("extra", json!({ "a": { "b": { "c": { "d": 1 } } } }))), "extra.a.b.c.d");
    assert_eq!(field_of(with("extra", json!(vec![0; 51]))), "extra");
    // What the widget sends at its largest still fits.
    let mut full = with("context", json!({ "page_url": "u".repeat(TEXT_MAX), "prefill": { "accountId": "A-17" } }));
    full.insert("transaction".into(), json!({ "tx_hash": "0xabc", "amount": "1" }));
    full.insert("checklist".into(), json!({ "score": 10, "items": vec![json!({ "id": "a", "state": "done" }); 10] }));
    assert!(validate(&full).is_ok());
}
