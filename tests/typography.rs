//! One typographic convention for the Chinese text, in the articles, flows and checklist as
//! in the interface strings (`strings.txt` and those still written in Rust): no space between
//! Chinese and Latin letters or digits
//! ("tpWallet客服", "仅Telegram账号", "第3步"). The brand is put into the text at run time and
//! may itself be Chinese ("ACME钱包"), where a space before "客服" would be wrong. Keywords are
//! left as users type them. One spelling per term: "TxID".

use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Interface text written in Rust: the string literals of these files.
const STRING_FILES: &[&str] = &[
    "src/core/i18n.rs",
    "src/core/localized.rs",
    "src/core/troubleshoot/ladder.rs",
    "src/core/report/letter/words.rs",
    "src/core/report/letter/mod.rs",
    "src/core/report/steps.rs",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// "Chinese, space, Latin" or "Latin, space, Chinese", where Latin is a letter, a digit or a
/// `{placeholder}` edge; each found as a short excerpt.
fn spaced(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let latin = |c: char| c.is_ascii_alphanumeric() || "{}+%".contains(c);
    (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i] == ' ')
        .filter(|&i| (is_han(chars[i - 1]) && latin(chars[i + 1])) || (latin(chars[i - 1]) && is_han(chars[i + 1])))
        .map(|i| chars[i.saturating_sub(6)..(i + 7).min(chars.len())].iter().collect())
        .collect()
}

fn markdown_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") || path.ends_with("strings.txt") {
            out.push(path);
        }
    }
}

#[test]
fn chinese_text_puts_no_space_between_chinese_and_latin() {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    markdown_files(&Path::new(ROOT).join("content/zh-CN"), &mut files);
    assert!(files.len() > 40, "{} files", files.len());
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with("keywords:")) {
            for found in spaced(line) {
                problems.push(format!("{}:{}: {found:?}", path.display(), n + 1));
            }
        }
    }
    for file in STRING_FILES {
        let text = fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        for (n, line) in text.lines().enumerate() {
            // The literals of the line: every other piece between quotes.
            for literal in line.split('"').skip(1).step_by(2).filter(|l| l.chars().any(is_han)) {
                for found in spaced(literal) {
                    problems.push(format!("{file}:{}: {found:?}", n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "a space between Chinese and Latin:\n{}", problems.join("\n"));
}

#[test]
fn the_transaction_id_has_one_spelling() {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    markdown_files(&Path::new(ROOT).join("content"), &mut files);
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with("keywords:")) {
            for other in ["TXID", "tx ID", "txid", "TxId"] {
                if line.contains(other) {
                    problems.push(format!("{}:{}: {other}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "write TxID:\n{}", problems.join("\n"));
}

#[test]
fn the_convention_check_sees_both_sides_and_placeholders() {
    assert_eq!(spaced("仅 Telegram 账号").len(), 2);
    assert_eq!(spaced("找到 {n} 篇").len(), 2);
    assert!(spaced("仅Telegram账号，2 MB，Trust Wallet").is_empty());
}
