//! Checks the optional `attachments` of a report (README.md, "Report payload") and
//! decodes them: `[{ "name", "type", "size", "sha256", "data" }]`, `data` being the
//! standard base64 of the file. Pure: no I/O, so every rule is unit-tested here.
//!
//! The collector stores these bytes and an operator later opens them, so unlike the rest
//! of the body they are checked strictly: a declared type, size or hash that does not
//! match the bytes means a broken or disguised file, and keeping it helps no one.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::sniff::{self, ImageType};
use crate::validate::Violation;

pub use wallet_help_report::limits::name_problem;
use wallet_help_report::limits::{ATTACHMENTS_MAX, ATTACHMENT_MAX_BYTES};

/// The standard alphabet, with or without the trailing `=`: a missing pad loses no
/// information, and rejecting a user's report over it would gain nothing.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// One attachment that passed every check; its size is `data.len()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub image_type: ImageType,
    /// Lower-case hex, verified against `data`.
    pub sha256: String,
    pub data: Vec<u8>,
}

/// The report's attachments in order; none when the field is absent (or `null`, which
/// is how many JSON writers spell an absent optional field).
pub fn check_attachments(body: &Map<String, Value>) -> Result<Vec<Attachment>, Violation> {
    let list = match body.get("attachments") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(Violation::new("attachments", "attachments must be a list of files")),
    };
    if list.len() > ATTACHMENTS_MAX {
        return Err(Violation::new(
            "attachments",
            format!("at most {ATTACHMENTS_MAX} attachments are allowed, got {}", list.len()),
        ));
    }
    list.iter().enumerate().map(|(index, item)| check_one(index, item)).collect()
}

/// The rules in a fixed order, cheapest first, so nothing is decoded or hashed for an
/// attachment whose declared fields are already wrong.
fn check_one(index: usize, item: &Value) -> Result<Attachment, Violation> {
    // Messages count from 1, as the user sees the files; fields keep the array index.
    let who = format!("attachment {}", index + 1);
    let Value::Object(fields) = item else {
        return Err(Violation::new(
            format!("attachments[{index}]"),
            format!("{who} must be an object with name, type, size, sha256 and data"),
        ));
    };
    let mut entry = Entry { index, who, fields };

    let name = entry.text("name")?;
    if let Some(problem) = name_problem(name) {
        return Err(entry.reject("name", problem));
    }
    // From here on the message names the file too, which a user recognises faster.
    entry.who = format!("{} (\"{name}\")", entry.who);

    let declared = entry.text("type")?;
    let image_type = ImageType::from_mime(declared).ok_or_else(|| {
        let allowed: Vec<&str> = ImageType::ALL.iter().map(|t| t.mime()).collect();
        let allowed = allowed.join(", ");
        entry.reject("type", format!("type must be one of {allowed}, got \"{declared}\""))
    })?;

    if !wallet_help_report::limits::extension_fits(name, declared) {
        let ends = wallet_help_report::limits::extensions(declared).join(", .");
        return Err(entry.reject("name", format!("a {declared} file's name must end in .{ends}")));
    }

    let size = entry.size()?;
    if size > ATTACHMENT_MAX_BYTES as u64 {
        let mib = ATTACHMENT_MAX_BYTES / (1024 * 1024);
        return Err(entry.reject(
            "size",
            format!("the file is {size} bytes; the limit is {mib} MiB ({ATTACHMENT_MAX_BYTES} bytes) per attachment"),
        ));
    }

    let sha256 = entry.text("sha256")?;
    if !is_lower_hex_sha256(sha256) {
        return Err(entry.reject("sha256", "sha256 must be 64 lower-case hexadecimal digits"));
    }

    let data = decode(entry.text("data")?).map_err(|problem| entry.reject("data", format!("data {problem}")))?;
    if data.len() as u64 != size {
        let held = data.len();
        return Err(entry.reject("size", format!("size says {size} bytes but data holds {held} bytes")));
    }
    if sha256_hex(&data) != sha256 {
        return Err(
            entry.reject("sha256", "sha256 does not match the file's contents; it may have been damaged on the way")
        );
    }
    if !image_type.matches(&data) {
        let actual = sniff::describe(&data);
        return Err(entry.reject("type", format!("declared {declared}, but its contents are {actual}")));
    }
    Ok(Attachment { name: name.to_owned(), image_type, sha256: sha256.to_owned(), data })
}

/// One attachment object being checked, and how to word what is wrong with it.
struct Entry<'a> {
    index: usize,
    /// How messages name the attachment: `attachment 2`, then `attachment 2 ("x.png")`.
    who: String,
    fields: &'a Map<String, Value>,
}

impl<'a> Entry<'a> {
    fn reject(&self, key: &str, problem: impl std::fmt::Display) -> Violation {
        Violation::new(format!("attachments[{}].{key}", self.index), format!("{}: {problem}", self.who))
    }

    fn text(&self, key: &str) -> Result<&'a str, Violation> {
        match self.fields.get(key) {
            Some(Value::String(s)) => Ok(s),
            None | Some(Value::Null) => Err(self.reject(key, format!("{key} is required"))),
            Some(_) => Err(self.reject(key, format!("{key} must be a string"))),
        }
    }

    fn size(&self) -> Result<u64, Violation> {
        match self.fields.get("size") {
            None | Some(Value::Null) => Err(self.reject("size", "size is required")),
            Some(value) => value.as_u64().ok_or_else(|| self.reject("size", "size must be a whole number of bytes")),
        }
    }
}

/// Standard base64 to bytes, or what is wrong with the text (completing "data …").
pub fn decode(data: &str) -> Result<Vec<u8>, String> {
    // What `FileReader.readAsDataURL` gives; worth a precise hint to the widget's authors.
    if data.starts_with("data:") {
        return Err("must be plain base64, without the \"data:…;base64,\" prefix".to_owned());
    }
    BASE64.decode(data).map_err(|e| format!("is not valid base64 ({e})"))
}

pub fn is_lower_hex_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
