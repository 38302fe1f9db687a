//! The image types an attachment may declare, and recognising a file by its first bytes
//! (its "magic number"). Pure, so the signatures are unit-tested here.
//!
//! The declared `type` comes from the browser, which guesses it from the file name; the
//! bytes are what an operator will actually open, so both must agree.

/// The attachment types the widget offers: screenshots and photos, nothing executable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Webp,
}

impl ImageType {
    pub const ALL: [ImageType; 3] = [ImageType::Png, ImageType::Jpeg, ImageType::Webp];

    /// The exact MIME type in the payload (lower case, no parameters).
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Webp => "image/webp",
        }
    }

    pub fn from_mime(mime: &str) -> Option<ImageType> {
        ImageType::ALL.into_iter().find(|t| t.mime() == mime)
    }

    /// Whether `bytes` start with this format's signature.
    pub fn matches(self, bytes: &[u8]) -> bool {
        match self {
            ImageType::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            ImageType::Jpeg => bytes.starts_with(b"\xFF\xD8\xFF"),
            // RIFF, a 4-byte little-endian chunk size (any value), then WEBP.
            ImageType::Webp => bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP",
        }
    }
}

/// What the bytes look like, as a phrase for a message that tells the user what they
/// really sent. GIF is named too: it is the likeliest wrong upload (an animated capture).
pub fn describe(bytes: &[u8]) -> &'static str {
    match ImageType::ALL.into_iter().find(|t| t.matches(bytes)) {
        Some(ImageType::Png) => "a PNG image",
        Some(ImageType::Jpeg) => "a JPEG image",
        Some(ImageType::Webp) => "a WebP image",
        None if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") => "a GIF image",
        None => "not a recognised image",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";
    const GIF: &[u8] = b"GIF89a\x01\0\x01\0";

    #[test]
    fn each_type_recognises_only_its_own_signature() {
        let samples = [
            (ImageType::Png, PNG, "a PNG image"),
            (ImageType::Jpeg, JPEG, "a JPEG image"),
            (ImageType::Webp, WEBP, "a WebP image"),
        ];
        for (t, bytes, phrase) in samples {
            for (other, other_bytes, _) in samples {
                assert_eq!(t.matches(other_bytes), t == other, "{t:?} vs {other:?}");
            }
            assert!(!t.matches(GIF), "{t:?}");
            assert!(!t.matches(b""), "{t:?}");
            assert_eq!(describe(bytes), phrase);
        }
    }

    #[test]
    fn truncated_signatures_do_not_match() {
        assert!(!ImageType::Png.matches(&PNG[..7]));
        assert!(!ImageType::Jpeg.matches(&JPEG[..2]));
        assert!(!ImageType::Webp.matches(&WEBP[..11]));
        // RIFF is also WAV and AVI: the WEBP form type is what counts.
        assert!(!ImageType::Webp.matches(b"RIFF\x24\0\0\0WAVEfmt "));
    }

    #[test]
    fn mime_types_are_exact() {
        for t in ImageType::ALL {
            assert_eq!(ImageType::from_mime(t.mime()), Some(t));
        }
        for other in ["image/gif", "IMAGE/PNG", "image/jpg", "image/png; q=1", ""] {
            assert_eq!(ImageType::from_mime(other), None, "{other:?}");
        }
    }

    #[test]
    fn describe_names_gif_and_unknown_files() {
        assert_eq!(describe(GIF), "a GIF image");
        assert_eq!(describe(b"%PDF-1.7"), "not a recognised image");
    }
}
