//! Attachments through the real router: what is stored and listed for a valid file, and
//! the 422 (naming `attachments[i].<key>`, storing nothing) for each kind of bad file.

mod support;

use serde_json::{json, Value};
use support::*;

const JPEG_MAGIC: &[u8] = b"\xFF\xD8\xFF\xE0";
const WEBP_MAGIC: &[u8] = b"RIFF\0\0\0\0WEBP";
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00;";
const MIB: usize = 1024 * 1024;

/// Posts `report`, expects a 422 naming `field`, and checks that nothing was stored.
async fn rejected(f: &Fixture, report: &Value, field: &str) -> String {
    let (status, answer) = send_json(&f.router, post_report(report)).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["field"], field, "{answer}");
    assert_eq!(answer.as_object().unwrap().len(), 2, "only error and field: {answer}");
    assert_eq!(f.store.count().unwrap(), 0);
    answer["error"].as_str().expect("an error message").to_owned()
}

fn png_with(key: &str, value: Value) -> Value {
    let mut item = attachment("receipt.png", "image/png", PNG_1X1);
    item[key] = value;
    report_with(ID_A, vec![item])
}

#[tokio::test]
async fn a_valid_png_is_stored_and_listed_with_its_hash() {
    let f = fixture();
    let sent = report_with(ID_A, vec![attachment("receipt.png", "image/png", PNG_1X1)]);
    let (status, first) = send_json(&f.router, post_report(&sent)).await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(f.store.attachment_data(ID_A, 0).unwrap().unwrap(), PNG_1X1);

    let (status, answer) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(status, 200);
    let listed = &answer["reports"][0];
    let summary = json!([{
        "name": "receipt.png", "type": "image/png", "size": 68, "sha256": PNG_1X1_SHA256,
    }]);
    assert_eq!(listed["attachments"], summary);
    // The body as sent, but each file once: its bytes in the store, not in the body.
    let mut without_data = sent.clone();
    without_data["attachments"][0].as_object_mut().unwrap().remove("data");
    assert_eq!(listed["report"], without_data);

    // Another body under the same id (other files) is refused and stores nothing.
    let repeat = report_with(ID_A, vec![attachment("other.png", "image/png", &image_of(PNG_1X1, 99))]);
    let (status, again) = send_json(&f.router, post_report(&repeat)).await;
    assert_eq!(status, 409, "{again}");
    let (_, answer) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(answer["reports"][0]["attachments"], summary);
    assert_eq!(f.store.attachment_data(ID_A, 0).unwrap().unwrap(), PNG_1X1);
}

#[tokio::test]
async fn reports_without_attachments_list_an_empty_summary() {
    let f = fixture();
    let mut bare = report(ID_A);
    bare.as_object_mut().unwrap().remove("attachments");
    assert_eq!(send_json(&f.router, post_report(&bare)).await.0, 201);
    let (_, answer) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(answer["reports"][0]["attachments"], json!([]));
    assert_eq!(f.store.attachment_data(ID_A, 0).unwrap(), None);
}

#[tokio::test]
async fn a_wrong_hash_is_rejected() {
    let f = fixture();
    let report = png_with("sha256", json!(sha256_hex(b"something else")));
    let message = rejected(&f, &report, "attachments[0].sha256").await;
    assert!(message.contains("does not match"), "{message}");
    let upper = png_with("sha256", json!(PNG_1X1_SHA256.to_uppercase()));
    rejected(&f, &upper, "attachments[0].sha256").await;
}

#[tokio::test]
async fn a_size_that_is_not_the_decoded_length_is_rejected() {
    let f = fixture();
    let message = rejected(&f, &png_with("size", json!(67)), "attachments[0].size").await;
    assert!(message.contains("size says 67 bytes but data holds 68 bytes"), "{message}");
}

#[tokio::test]
async fn bad_base64_is_rejected() {
    let f = fixture();
    for data in ["iVBORw0KGgo*", "iVBOR w0KGgo=", "data:image/png;base64,iVBORw0KGgo="] {
        let message = rejected(&f, &png_with("data", json!(data)), "attachments[0].data").await;
        assert!(message.contains("base64"), "{message}");
    }
}

#[tokio::test]
async fn a_gif_or_a_jpeg_declared_as_png_is_rejected() {
    let f = fixture();
    let gif = report_with(ID_A, vec![attachment("anim.gif", "image/gif", GIF)]);
    let message = rejected(&f, &gif, "attachments[0].type").await;
    assert!(message.contains("image/png, image/jpeg, image/webp"), "{message}");

    let disguised = report_with(ID_A, vec![attachment("anim.png", "image/png", GIF)]);
    let message = rejected(&f, &disguised, "attachments[0].type").await;
    assert!(message.ends_with("its contents are a GIF image"), "{message}");

    let jpeg = image_of(JPEG_MAGIC, 64);
    let mislabelled = report_with(
        ID_A,
        vec![attachment("ok.png", "image/png", PNG_1X1), attachment("photo.png", "image/png", &jpeg)],
    );
    let message = rejected(&f, &mislabelled, "attachments[1].type").await;
    assert_eq!(message, "attachment 2 (\"photo.png\"): declared image/png, but its contents are a JPEG image");
}

#[tokio::test]
async fn four_attachments_are_rejected() {
    let f = fixture();
    let four = vec![attachment("a.png", "image/png", PNG_1X1); 4];
    let message = rejected(&f, &report_with(ID_A, four), "attachments").await;
    assert_eq!(message, "at most 3 attachments are allowed, got 4");
    let mut not_a_list = report(ID_A);
    not_a_list["attachments"] = json!({ "name": "a.png" });
    rejected(&f, &not_a_list, "attachments").await;
}

#[tokio::test]
async fn an_image_of_2_mib_plus_one_byte_is_rejected() {
    let f = fixture();
    let big = image_of(PNG_1X1, 2 * MIB + 1);
    let report = report_with(ID_A, vec![attachment("big.png", "image/png", &big)]);
    let message = rejected(&f, &report, "attachments[0].size").await;
    assert!(message.contains("limit is 2 MiB (2097152 bytes)"), "{message}");
}

#[tokio::test]
async fn three_2_mib_images_and_the_longest_description_are_accepted() {
    let f = fixture();
    let images = [
        ("a.png", "image/png", image_of(PNG_1X1, 2 * MIB)),
        ("b.jpg", "image/jpeg", image_of(JPEG_MAGIC, 2 * MIB)),
        ("c.webp", "image/webp", image_of(WEBP_MAGIC, 2 * MIB)),
    ];
    let items = images.iter().map(|(n, t, b)| attachment(n, t, b)).collect();
    let mut report = report_with(ID_A, items);
    report["description"] = json!("字".repeat(5000));
    let body = report.to_string();
    assert!(body.len() > 8 * MIB && body.len() < 10 * MIB, "{}", body.len());

    let (status, answer) = send_json(&f.router, post_json(body, Some(ID_A))).await;
    assert_eq!(status, 201, "{answer}");
    let (_, listing) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    let listed = listing["reports"][0]["attachments"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 3);
    for (i, (name, mime, bytes)) in images.iter().enumerate() {
        assert_eq!(listed[i]["name"], *name);
        assert_eq!(listed[i]["type"], *mime);
        assert_eq!(listed[i]["size"], 2 * MIB);
        assert_eq!(listed[i]["sha256"], sha256_hex(bytes));
        let stored = f.store.attachment_data(ID_A, i as i64).unwrap().unwrap();
        assert!(stored == *bytes, "attachment {i} differs");
    }
}

#[tokio::test]
async fn checklist_and_unknown_fields_are_accepted_and_kept() {
    let f = fixture();
    let mut sent = report(ID_A);
    sent["checklist"] = json!({ "done": ["update-app", "enable-2fa"], "total": 6 });
    sent["from_a_newer_widget"] = json!([1, { "nested": true }]);
    let (status, answer) = send_json(&f.router, post_report(&sent)).await;
    assert_eq!(status, 201, "{answer}");
    let (_, listing) = send_json(&f.router, get("/api/reports", Some(TOKEN))).await;
    assert_eq!(listing["reports"][0]["report"], sent);
}
