//! Unit tests of `attachments`: each rule on its own, the field it names, and the order
//! in which the rules run.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use serde_json::{json, Map, Value};

use crate::attachments::*;
use crate::sniff::ImageType;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01";
const WEBP: &[u8] = b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0";

fn item(name: &str, mime: &str, bytes: &[u8]) -> Value {
    json!({
        "name": name, "type": mime, "size": bytes.len(),
        "sha256": sha256_hex(bytes), "data": STANDARD.encode(bytes),
    })
}

fn body(items: Vec<Value>) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("attachments".into(), Value::Array(items));
    body
}

/// The field named by the rejection of a body with this one attachment.
fn field_of(attachment: Value) -> String {
    check_attachments(&body(vec![attachment])).expect_err("should be rejected").field
}

fn png_with(key: &str, value: Value) -> Value {
    let mut attachment = item("shot.png", "image/png", PNG);
    attachment[key] = value;
    attachment
}

#[test]
fn absent_null_or_empty_means_no_attachments() {
    assert_eq!(check_attachments(&Map::new()), Ok(vec![]));
    let mut null = Map::new();
    null.insert("attachments".into(), Value::Null);
    assert_eq!(check_attachments(&null), Ok(vec![]));
    assert_eq!(check_attachments(&body(vec![])), Ok(vec![]));
}

#[test]
fn decodes_every_allowed_type() {
    let items =
        vec![item("a.png", "image/png", PNG), item("b.jpg", "image/jpeg", JPEG), item("c.webp", "image/webp", WEBP)];
    let checked = check_attachments(&body(items)).unwrap();
    let types: Vec<ImageType> = checked.iter().map(|a| a.image_type).collect();
    assert_eq!(types, ImageType::ALL);
    assert_eq!(checked[0].name, "a.png");
    assert_eq!(checked[0].data, PNG);
    assert_eq!(checked[1].sha256, sha256_hex(JPEG));
}

#[test]
fn the_list_itself_is_checked() {
    let mut not_a_list = Map::new();
    not_a_list.insert("attachments".into(), json!({ "name": "a.png" }));
    assert_eq!(check_attachments(&not_a_list).unwrap_err().field, "attachments");
    let four = vec![item("a.png", "image/png", PNG); 4];
    let v = check_attachments(&body(four)).unwrap_err();
    assert_eq!(v.field, "attachments");
    assert!(v.message.contains("at most 3"), "{}", v.message);
    assert_eq!(field_of(json!("a.png")), "attachments[0]");
}

#[test]
fn the_index_in_the_field_is_the_array_index() {
    let items = vec![item("a.png", "image/png", PNG), png_with("sha256", json!("0".repeat(64)))];
    let v = check_attachments(&body(items)).unwrap_err();
    assert_eq!(v.field, "attachments[1].sha256");
    assert!(v.message.starts_with("attachment 2 (\"shot.png\")"), "{}", v.message);
}

#[test]
fn every_field_is_required_and_typed() {
    for key in ["name", "type", "size", "sha256", "data"] {
        let expected = format!("attachments[0].{key}");
        let mut missing = item("a.png", "image/png", PNG);
        missing.as_object_mut().unwrap().remove(key);
        assert_eq!(field_of(missing), expected, "missing {key}");
        assert_eq!(field_of(png_with(key, Value::Null)), expected, "null {key}");
        assert_eq!(field_of(png_with(key, json!([]))), expected, "list {key}");
    }
    for size in [json!(-1), json!(1.5), json!("23")] {
        assert_eq!(field_of(png_with("size", size)), "attachments[0].size");
    }
}

#[test]
fn names_must_be_plain_file_names() {
    assert_eq!(name_problem("收据 2025-03.png"), None);
    assert_eq!(name_problem(&"é".repeat(wallet_help_report::limits::NAME_MAX)), None);
    for bad in [
        "",
        "  ",
        "../etc/passwd",
        "a/b.png",
        "a\\b.png",
        "a\nb.png",
        "a\0.png",
        "\u{7f}.png",
        "gnp\u{202E}.exe",
        "invoice\u{200F}.png",
        "a\u{200B}b.png",
        "\u{FEFF}a.png",
        "a\u{2067}.png",
        "a\u{E0041}.png",
        ".",
        "..",
    ] {
        assert!(name_problem(bad).is_some(), "{bad:?}");
        assert_eq!(field_of(png_with("name", json!(bad))), "attachments[0].name", "{bad:?}");
    }
    let long = name_problem(&"a".repeat(wallet_help_report::limits::NAME_MAX + 1)).unwrap();
    assert!(long.contains("at most 200 characters, got 201"), "{long}");
}

#[test]
fn a_name_ends_as_its_type_does() {
    assert_eq!(field_of(png_with("name", json!("shot.jpg"))), "attachments[0].name");
    assert_eq!(field_of(png_with("name", json!("shot.png.exe"))), "attachments[0].name");
    assert_eq!(field_of(png_with("name", json!("shot"))), "attachments[0].name");
    let mut jpeg_as_png = png_with("name", json!("x.png"));
    jpeg_as_png["type"] = json!("image/jpeg");
    let message = check_attachments(&body(vec![jpeg_as_png])).unwrap_err().message;
    assert!(message.contains("must end in .jpg, .jpeg, .jfif"), "{message}");
    assert!(check_attachments(&body(vec![png_with("name", json!("SHOT.PNG"))])).is_ok(), "in any case");
}

#[test]
fn only_png_jpeg_and_webp_may_be_declared() {
    for mime in ["image/gif", "image/svg+xml", "application/pdf", "IMAGE/PNG"] {
        assert_eq!(field_of(png_with("type", json!(mime))), "attachments[0].type", "{mime}");
    }
}

#[test]
fn the_bytes_must_match_the_declared_type() {
    let v = check_attachments(&body(vec![item("a.png", "image/png", JPEG)])).unwrap_err();
    assert_eq!(v.field, "attachments[0].type");
    assert!(v.message.contains("declared image/png, but its contents are a JPEG image"), "{}", v.message);
    let gif = b"GIF89a\x01\0\x01\0\0\0\0;";
    let v = check_attachments(&body(vec![item("a.webp", "image/webp", gif)])).unwrap_err();
    assert!(v.message.ends_with("a GIF image"), "{}", v.message);
}

#[test]
fn size_must_equal_the_decoded_length_and_stay_under_the_limit() {
    let v = check_attachments(&body(vec![png_with("size", json!(PNG.len() + 1))])).unwrap_err();
    assert_eq!(v.field, "attachments[0].size");
    assert!(v.message.contains(&format!("data holds {} bytes", PNG.len())), "{}", v.message);
    // The declared size alone rejects an oversized file, before anything is decoded.
    let huge = png_with("size", json!(wallet_help_report::limits::ATTACHMENT_MAX_BYTES + 1));
    let v = check_attachments(&body(vec![huge])).unwrap_err();
    assert_eq!(v.field, "attachments[0].size");
    assert!(v.message.contains("limit is 2 MiB"), "{}", v.message);
}

#[test]
fn the_hash_must_be_lower_hex_and_match() {
    let upper = sha256_hex(PNG).to_uppercase();
    for bad in [upper, "abc".to_owned(), "0".repeat(64)] {
        assert_eq!(field_of(png_with("sha256", json!(bad))), "attachments[0].sha256", "{bad}");
    }
    // The known answer for "abc" (FIPS 180-2), so the hex encoding itself is pinned.
    assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert!(is_lower_hex_sha256(&sha256_hex(b"")));
}

#[test]
fn data_must_be_standard_base64_padding_optional() {
    assert_eq!(decode(&STANDARD_NO_PAD.encode(PNG)).unwrap(), PNG);
    for bad in ["not base64!", "iVBO R w0K", "-_-_", "data:image/png;base64,iVBORw0KGgo="] {
        assert!(decode(bad).is_err(), "{bad:?}");
        assert_eq!(field_of(png_with("data", json!(bad))), "attachments[0].data", "{bad:?}");
    }
    assert!(decode("data:image/png;base64,AAAA").unwrap_err().contains("without the"));
}
