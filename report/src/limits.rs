//! Every size and count a report may have, and the rules for its attachments' names. The
//! widget's form stops the user at these (and cuts what the page supplies to them); the
//! collector refuses a body past them.
//!
//! The rules the widget calls are `#[inline]`: compiled in the caller's crate, their string
//! helpers share the widget's own copies instead of adding a second set to the Wasm.

/// The description, in characters: at least enough to say what happened.
pub const DESCRIPTION_MIN: usize = 10;
pub const DESCRIPTION_MAX: usize = 5000;
pub const SUBJECT_MAX: usize = 120;
pub const EXPECTED_MAX: usize = 1000;
/// One step the user tried, and how many of them.
pub const STEP_MAX: usize = 200;
pub const STEPS_MAX: usize = 20;
/// Any other text in a report (the page's address, the browser, a prefill value), in
/// characters.
pub const TEXT_MAX: usize = 2000;
/// Entries the host page may add through `prefill`, and the length of their names.
pub const PREFILL_MAX: usize = 20;
pub const PREFILL_KEY_MAX: usize = 64;
/// Deepest nesting, and most entries in one list or object, anywhere in a body: the
/// widget's deepest is 3 (`transaction` in the body), its longest list the checklist's ten.
pub const DEPTH_MAX: usize = 4;
pub const ENTRIES_MAX: usize = 50;

/// Screenshots per report, and the size of each once decoded: three of them,
/// base64-encoded, still fit a 10 MiB body.
pub const ATTACHMENTS_MAX: usize = 3;
pub const ATTACHMENT_MAX_BYTES: usize = 2 * 1024 * 1024;
/// An attachment's name, in characters.
pub const NAME_MAX: usize = 200;

/// The image types a report may carry.
pub const IMAGE_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

/// The file-name endings each image type may have (the first is the one given).
#[inline]
pub fn extensions(mime: &str) -> &'static [&'static str] {
    match mime {
        "image/png" => &["png"],
        "image/jpeg" => &["jpg", "jpeg", "jfif"],
        "image/webp" => &["webp"],
        _ => &[],
    }
}

/// Characters that change how a name is shown without being seen: controls, and Unicode's
/// format characters (direction marks and overrides, which make "gnp.exe" read as
/// "exe.png", zero-width joiners and spaces, the byte-order mark, tags).
#[inline]
pub fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Whether `name` ends the way files of type `mime` do, in any case.
#[inline]
pub fn extension_fits(name: &str, mime: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    extensions(mime).iter().any(|e| e.eq_ignore_ascii_case(ext))
}

/// The name an attachment is sent under: without hidden characters or path separators,
/// at most [`NAME_MAX`] characters, and ending as its type does. A PNG the browser had to
/// re-encode as JPEG to fit becomes `shot.jpg`, so the name never claims another type.
#[inline]
pub fn file_name(name: &str, mime: &str) -> String {
    let clean: String = name.chars().filter(|c| !is_hidden_char(*c) && *c != '/' && *c != '\\').collect();
    let clean = clean.trim();
    let ext = extensions(mime).first().copied().unwrap_or("bin");
    // A long name is cut in its stem, never in its ending: cut there, it would no longer
    // end as its type does, and the collector would refuse the report.
    if extension_fits(clean, mime) && clean.chars().count() <= NAME_MAX {
        return clean.to_owned();
    }
    let stem = match clean.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem.trim(),
        _ if clean.is_empty() || clean.starts_with('.') => "screenshot",
        _ => clean,
    };
    let stem: String = stem.chars().take(NAME_MAX - ext.len() - 1).collect();
    format!("{stem}.{ext}")
}

/// What is wrong with an attachment's name, if anything (completing "attachment N: …").
/// The name reaches the operator's disk and screen, so it must not climb folders or hide
/// what it says; every name [`file_name`] gives passes.
pub fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("the file name must not be empty".to_owned());
    }
    let chars = name.chars().count();
    if chars > NAME_MAX {
        return Some(format!("the file name must be at most {NAME_MAX} characters, got {chars}"));
    }
    if name.contains(['/', '\\']) {
        return Some("the file name must not contain / or \\".to_owned());
    }
    if name.chars().any(is_hidden_char) {
        return Some("the file name must not contain control, direction or other invisible characters".to_owned());
    }
    if name == "." || name == ".." {
        return Some("the file name must not be . or ..".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attachment_is_named_as_its_type_without_hidden_characters() {
        assert_eq!(file_name("shot.png", "image/jpeg"), "shot.jpg", "re-encoded to fit");
        assert_eq!(file_name("IMG_1.JPEG", "image/jpeg"), "IMG_1.JPEG");
        assert_eq!(file_name("收据.PNG", "image/png"), "收据.PNG");
        assert_eq!(file_name("photo.heic", "image/webp"), "photo.webp");
        assert_eq!(file_name("no-ending", "image/png"), "no-ending.png");
        assert_eq!(file_name(".png", "image/jpeg"), "screenshot.jpg");
        assert_eq!(file_name("", "image/png"), "screenshot.png");
        assert_eq!(file_name("a/b\\c.png", "image/png"), "abc.png");
        assert_eq!(file_name("invoice\u{202E}gnp.exe", "image/png"), "invoicegnp.png", "no right-to-left override");
        assert_eq!(file_name("a\u{200F}\u{200B}\u{FEFF}.png", "image/png"), "a.png");
        let long = file_name(&format!("{}.gif", "x".repeat(300)), "image/png");
        assert_eq!((long.chars().count(), long.ends_with(".png")), (200, true));
        assert!(extension_fits("a.jfif", "image/jpeg") && !extension_fits("a.png", "image/jpeg"));
        assert!(!extension_fits("png", "image/png"), "an ending needs its dot");
    }

    #[test]
    fn every_name_the_widget_gives_is_one_the_collector_takes() {
        let names = [
            "shot.png",
            "",
            ".png",
            "../../etc/passwd",
            "a\\b.PNG",
            "gnp\u{202E}.exe",
            "zero\u{200B}width.jpeg",
            "  spaced  ",
            "截图.webp",
            &"x".repeat(500),
            &format!("{}.png", "y".repeat(300)),
        ];
        for name in names {
            for mime in IMAGE_TYPES {
                let given = file_name(name, mime);
                assert_eq!(name_problem(&given), None, "{name:?} as {mime} became {given:?}");
                assert!(extension_fits(&given, mime), "{given:?} ends as {mime} does");
            }
        }
    }

    #[test]
    fn names_that_hide_or_climb_are_refused() {
        assert!(name_problem("a/b.png").is_some());
        assert!(name_problem("..").is_some());
        assert!(name_problem("exe\u{202E}gnp.png").unwrap().contains("invisible"));
        assert!(name_problem(&"x".repeat(NAME_MAX + 1)).unwrap().contains("at most 200"));
        assert_eq!(name_problem("receipt.jpg"), None);
    }
}
