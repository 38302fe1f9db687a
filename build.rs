//! Compiles the FAQ under `content/<locale>/*.md` and the troubleshooting flows under
//! `content/<locale>/flows/*.md` into one content file per language (`core::content::pack`),
//! so the bundle ships no Markdown parser and no JSON parsing of its own content. Any content
//! problem fails the build with the file, line or field, and what is wrong. Traditional
//! Chinese is not written by hand: it is made from the simplified files (see [`derive`]).

#[path = "build/checklist.rs"]
mod checklist;
#[path = "src/core/checklist/model.rs"]
#[allow(dead_code)]
mod checklist_model;
#[path = "src/core/troubleshoot/model.rs"]
#[allow(dead_code)]
mod flow_model;
#[path = "build/flows.rs"]
mod flows;
#[path = "build/language.rs"]
mod language;
#[path = "src/core/content/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/core/content/pack.rs"]
#[allow(dead_code)]
mod pack;
#[path = "build/strings.rs"]
mod strings;
#[path = "build/terms.rs"]
mod terms;
#[path = "src/core/content/validate.rs"]
#[allow(dead_code)]
mod validate;

use std::path::{Path, PathBuf};

/// The built-in languages, in `Locale::ALL` order: each gets its own content file.
const LOCALES: [&str; 3] = ["en", "zh-CN", "zh-TW"];
/// Languages made from another one's files: (language, made from, OpenCC conversion).
const DERIVED: [(&str, &str, ferrous_opencc::config::BuiltinConfig); 1] =
    [("zh-TW", "zh-CN", ferrous_opencc::config::BuiltinConfig::S2twp)];
/// A made language's own words, applied after the conversion (`build/terms.rs`).
const TERMS: &str = "terms.txt";

fn main() {
    println!("cargo:rerun-if-changed=content");
    for file in [
        "src/core/content/model.rs",
        "src/core/content/validate.rs",
        "src/core/content/pack.rs",
        "src/core/troubleshoot/model.rs",
        "src/core/checklist/model.rs",
        "src/core/strings_schema.rs",
        "build",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let mut files = Vec::new();
    let mut frames = Vec::new();
    let mut problems = Vec::new();
    for locale in LOCALES {
        let dir = match DERIVED.iter().find(|d| d.0 == locale) {
            Some(&(_, from, conversion)) => {
                let made = out_dir.join("content").join(locale);
                let own = Path::new("content").join(locale);
                if let Err(e) = derive(&Path::new("content").join(from), &own.join(TERMS), conversion, &made) {
                    problems.push(e);
                    continue;
                }
                made
            }
            None => Path::new("content").join(locale),
        };
        if let Some((text, frame)) = language::compile(locale, &dir, &mut problems) {
            files.push((format!("content-{locale}.txt"), text));
            frames.push(format!(
                "Frame {{ {} }}",
                language::FRAME_KEYS
                    .iter()
                    .zip(&frame)
                    .map(|(k, v)| format!("{k}: {v:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    if !problems.is_empty() {
        panic!("content has {} problem(s):\n  {}", problems.len(), problems.join("\n  "));
    }
    files.push(("frames.rs".into(), format!("[{}]\n", frames.join(",\n"))));
    for (file, text) in files {
        let dest = out_dir.join(file);
        if let Err(e) = std::fs::write(&dest, text) {
            panic!("cannot write {}: {e}", dest.display());
        }
    }
}

/// Writes the language made from the folder `from`: every file converted with OpenCC, then
/// the term table applied, into `to` (the build reads it from there like any language).
fn derive(
    from: &Path,
    terms: &Path,
    conversion: ferrous_opencc::config::BuiltinConfig,
    to: &Path,
) -> Result<(), String> {
    let table = std::fs::read_to_string(terms).map_err(|e| format!("{}: {e}", terms.display()))?;
    let table = terms::read(&table)
        .map_err(|errs| errs.iter().map(|e| format!("{}:{e}", terms.display())).collect::<Vec<_>>().join("\n  "))?;
    let opencc = ferrous_opencc::OpenCC::from_config(conversion).map_err(|e| format!("OpenCC: {e}"))?;
    let mut folders = vec![PathBuf::new()];
    while let Some(sub) = folders.pop() {
        let (source, dest) = (from.join(&sub), to.join(&sub));
        std::fs::create_dir_all(&dest).map_err(|e| format!("{}: {e}", dest.display()))?;
        let entries = std::fs::read_dir(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                folders.push(sub.join(name));
            } else {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let made = terms::apply(&opencc.convert(&text), &table);
                std::fs::write(dest.join(name), made).map_err(|e| format!("{}: {e}", dest.display()))?;
            }
        }
    }
    Ok(())
}
