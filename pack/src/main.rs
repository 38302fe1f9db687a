//! `wallet-help-pack TAG FOLDER OUT`: makes a language pack, one content file for a language
//! the widget does not ship (Vietnamese, Korean…), from a folder laid out like the built-in
//! ones (`strings.txt`, one Markdown file per article, `flows/`, `checklist.md`). It runs
//! the build script's own code (`build/language.rs`), so a pack is checked exactly as the
//! built-in languages are: every problem is printed with its file and line, and nothing is
//! written. On success it prints the pack's `sha384` and the part of the config file that
//! adds the language.

#[path = "../../build/checklist.rs"]
mod checklist;
#[path = "../../src/core/checklist/model.rs"]
#[allow(dead_code)]
mod checklist_model;
#[path = "../../src/core/troubleshoot/model.rs"]
#[allow(dead_code)]
mod flow_model;
#[path = "../../build/flows.rs"]
mod flows;
#[path = "../../build/language.rs"]
mod language;
#[path = "../../src/core/content/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "../../src/core/content/pack.rs"]
#[allow(dead_code)]
mod pack;
#[path = "../../build/strings.rs"]
mod strings;
#[path = "../../src/core/content/validate.rs"]
#[allow(dead_code)]
mod validate;

use base64::Engine;
use sha2::Digest;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: wallet-help-pack TAG FOLDER OUT\n  TAG     the language's BCP 47 tag, e.g. vi or pt-BR\n  FOLDER  strings.txt, the articles (*.md), flows/ and checklist.md of that language\n  OUT     the pack to write, e.g. dist/wallet-help-vi.txt";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tag, folder, out] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match make(tag, Path::new(folder), Path::new(out)) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{out}: not written, {} problem(s):\n  {}", problems.len(), problems.join("\n  "));
            ExitCode::FAILURE
        }
    }
}

/// Checks and writes the pack; what to tell the operator, or every problem found.
fn make(tag: &str, folder: &Path, out: &Path) -> Result<String, Vec<String>> {
    check_tag(tag).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let Some((text, _frame)) = language::compile(tag, folder, &mut problems) else {
        return Err(problems);
    };
    std::fs::write(out, &text).map_err(|e| vec![format!("{}: {e}", out.display())])?;
    let integrity =
        format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(text.as_bytes())));
    let read = pack::decode(Box::leak(text.into_boxed_str())).map_err(|e| vec![e])?;
    let name = out.file_name().map_or_else(|| out.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(format!(
        "{}: {tag}, {} articles, {} troubleshooting flows, {} checklist items\nintegrity {integrity}\n\nIn the config file:\n  \"languages\": {{\"{tag}\": {{\"url\": \"{name}\", \"integrity\": \"{integrity}\"}}}}",
        out.display(),
        read.articles.len(),
        read.flows.len(),
        read.checklist.len(),
    ))
}

/// The widget's own rule for an added language's tag, and the built-in languages, which a
/// pack cannot replace.
fn check_tag(tag: &str) -> Result<(), String> {
    if !pack::is_language_tag(tag) {
        return Err(format!("{tag:?} is not a language tag such as vi or pt-BR"));
    }
    let first = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
    if ["en", "zh"].contains(&first.as_str()) {
        return Err(format!("{tag:?}: English and Chinese are built in; a pack adds another language"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/en");

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("wallet-help-pack-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A copy of the English folder to change.
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                copy(&path, &to.join(entry.file_name()));
            } else {
                std::fs::copy(&path, to.join(entry.file_name())).unwrap();
            }
        }
    }

    #[test]
    fn a_complete_folder_becomes_a_pack_the_widget_reads_with_its_integrity() {
        let dir = temp("ok");
        let out = dir.join("vi.txt");
        let report = make("vi", Path::new(CONTENT), &out).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        let read = pack::decode(Box::leak(text.clone().into_boxed_str())).unwrap();
        assert_eq!(read.locale, "vi");
        assert_eq!(read.interface.len(), language::STRING_KEYS.len() + language::FRAME_KEYS.len());
        assert!(read.articles.len() > 40 && !read.flows.is_empty() && !read.checklist.is_empty());
        let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(text.as_bytes()));
        assert!(report.contains(&format!("\"integrity\": \"sha384-{digest}\"")), "{report}");
        assert!(report.contains("\"url\": \"vi.txt\""), "{report}");
    }

    #[test]
    fn a_folder_with_problems_writes_nothing_and_names_each_file_and_line() {
        let dir = temp("bad");
        let folder = dir.join("ko");
        copy(Path::new(CONTENT), &folder);
        let strings = folder.join("strings.txt");
        let text = std::fs::read_to_string(&strings).unwrap();
        // One key left out, one template with a slot its key does not have.
        let text =
            text.replace("back: Back\n", "").replace("result_count: {n} articles found", "result_count: {count}");
        std::fs::write(&strings, text).unwrap();
        let article = folder.join("tx-pending.md");
        let body = std::fs::read_to_string(&article).unwrap().replacen("category: technical", "category: weather", 1);
        std::fs::write(&article, body).unwrap();
        let out = dir.join("ko.txt");
        let problems = make("ko", &folder, &out).unwrap_err();
        let all = problems.join("\n");
        assert!(all.contains("strings.txt") && all.contains("back"), "{all}");
        assert!(all.contains("{count}") || all.contains("count"), "{all}");
        assert!(all.contains("tx-pending.md:") && all.contains("weather"), "{all}");
        assert!(!out.exists(), "nothing written");
    }

    #[test]
    fn built_in_and_malformed_tags_are_refused() {
        let out = temp("tags").join("x.txt");
        for tag in ["en", "en-GB", "zh-HK", "ZH", "vietnamese", "v", "vi_VN", ""] {
            assert!(make(tag, Path::new(CONTENT), &out).is_err(), "{tag}");
        }
        assert!(!out.exists());
    }
}
