//! One language's folder (`strings.txt`, articles, `flows/`, `checklist.md`) checked and
//! written as one content file (`core::content::pack`). The build script runs it on each
//! built-in language; `wallet-help-pack` runs the same code on an operator's language, so a
//! language pack is checked exactly as the built-in ones are.

use super::model::{self, markup, Article, Category};
use super::{checklist, flows, pack, strings, validate};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

// The interface strings' keys, from the schema `core::i18n` makes its `Strings` of.
macro_rules! strings {
    ($($(#[$doc:meta])* $key:ident $({ $($slot:ident),* })?,)*) => {
        pub const STRING_KEYS: &[&str] = &[$(stringify!($key)),*];
        const STRING_SLOTS: &[&[&str]] = &[$(&[$($(stringify!($slot)),*)?]),*];
    };
}
macro_rules! frame {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        pub const FRAME_KEYS: &[&str] = &[$(stringify!($key)),*];
    };
}
include!("../src/core/strings_schema.rs");

/// Each language's interface text, `key: value` per line.
const STRINGS: &str = "strings.txt";
/// The checklist's file in each language's folder; every other `.md` there is an article.
const CHECKLIST: &str = "checklist.md";
const KEYS: [&str; 6] = ["category", "title", "summary", "keywords", "related", "updated"];

/// The content file of the language `tag` from the folder `dir`, and the frame's words (the
/// values of [`FRAME_KEYS`], which the file holds too). Every problem found is added to
/// `problems` with its file and line; `None` then.
pub fn compile(tag: &str, dir: &Path, problems: &mut Vec<String>) -> Option<(String, Vec<String>)> {
    let before = problems.len();
    let (articles, sources) = read_locale(dir, problems);
    problems.extend(validate::validate(&articles, &sources).into_iter().map(|p| p.to_string()));
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_ref()).collect();
    let flows = flows::read(&dir.join("flows"), &ids, problems);
    let checklist_file = dir.join(CHECKLIST);
    let checklist = match std::fs::read_to_string(&checklist_file) {
        Ok(text) => checklist::parse(&text, &ids).unwrap_or_else(|errs| {
            problems.extend(errs.into_iter().map(|e| format!("{}:{e}", checklist_file.display())));
            Vec::new()
        }),
        Err(e) => {
            problems.push(format!("{}: {e}", checklist_file.display()));
            Vec::new()
        }
    };
    let strings_file = dir.join(STRINGS);
    // The frame's keys come after the schema's, without values to fill.
    let keys: Vec<&str> = STRING_KEYS.iter().chain(FRAME_KEYS).copied().collect();
    let slots: Vec<&[&str]> = STRING_SLOTS.iter().copied().chain(FRAME_KEYS.iter().map(|_| &[][..])).collect();
    let interface = match std::fs::read_to_string(&strings_file) {
        Ok(text) => strings::read(&text, &keys, &slots).unwrap_or_else(|errs| {
            problems.extend(errs.into_iter().map(|e| format!("{}:{e}", strings_file.display())));
            Vec::new()
        }),
        Err(e) => {
            problems.push(format!("{}: {e}", strings_file.display()));
            Vec::new()
        }
    };
    let values: Vec<&str> = interface.iter().map(String::as_str).collect();
    let file = pack::encode(tag, &values, &articles, &flows, &checklist)
        .map_err(|e| problems.push(format!("{}: {e}", dir.display())))
        .ok()?;
    (problems.len() == before).then(|| (file, interface[STRING_KEYS.len()..].to_vec()))
}

fn read_locale(dir: &Path, problems: &mut Vec<String>) -> (Vec<Article>, Vec<String>) {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with(CHECKLIST))
            .collect(),
        Err(e) => {
            problems.push(format!("{}: cannot read the folder: {e}", dir.display()));
            Vec::new()
        }
    };
    files.sort();
    let mut articles = Vec::new();
    let mut sources = Vec::new();
    for path in files {
        let source = path.display().to_string();
        let parsed = std::fs::read_to_string(&path).map_err(|e| vec![format!("{source}: {e}")]).and_then(|text| {
            let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            parse_article(&id, &text).map_err(|errs| errs.into_iter().map(|e| format!("{source}:{e}")).collect())
        });
        match parsed {
            Ok(a) => {
                articles.push(a);
                sources.push(source);
            }
            Err(errs) => problems.extend(errs),
        }
    }
    (articles, sources)
}

/// Front matter (`key: value` lines between `---`) and a Markdown body. Errors are `line: message`.
fn parse_article(id: &str, text: &str) -> Result<Article, Vec<String>> {
    let mut errors = Vec::new();
    let mut lines = text.lines().enumerate();
    if lines.next().map(|(_, l)| l.trim()) != Some("---") {
        return Err(vec!["1: front matter must start with ---".into()]);
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut body_line = None;
    for (n, line) in lines.by_ref() {
        if line.trim() == "---" {
            body_line = Some(n + 1);
            break;
        }
        match line.split_once(':') {
            Some((k, v)) if KEYS.contains(&k.trim()) => {
                if fields.iter().any(|(key, _)| key == k.trim()) {
                    errors.push(format!("{}: {} is given twice", n + 1, k.trim()));
                }
                fields.push((k.trim().to_string(), v.trim().to_string()));
            }
            _ => errors.push(format!("{}: expected one of {} as `key: value`, got {line:?}", n + 1, KEYS.join(", "))),
        }
    }
    let Some(body_line) = body_line else {
        return Err(vec!["front matter is not closed with ---".into()]);
    };
    let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    for k in KEYS {
        if get(k).is_none() {
            errors.push(format!("1: {k} is missing"));
        }
    }
    let list = |k: &str| -> Cow<'static, str> {
        Cow::Owned(model::items(&get(k).unwrap_or_default()).collect::<Vec<_>>().join(","))
    };
    let category = get("category").unwrap_or_default();
    let category = Category::parse(&category).unwrap_or_else(|| {
        errors.push(format!(
            "1: category {category:?} unknown; use one of {}",
            Category::ALL.map(|c| c.name()).join(", ")
        ));
        Category::Support
    });
    let body_text: String = text.lines().skip(body_line).collect::<Vec<_>>().join("\n");
    let body = markdown(&body_text).map_err(|(offset, msg)| {
        let line = body_line + 1 + body_text[..offset.min(body_text.len())].matches('\n').count();
        format!("{line}: {msg}")
    });
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Article {
        id: Cow::Owned(id.to_string()),
        category,
        title: Cow::Owned(get("title").unwrap_or_default()),
        summary: Cow::Owned(get("summary").unwrap_or_default()),
        keywords: list("keywords"),
        related: list("related"),
        updated: Cow::Owned(get("updated").unwrap_or_default()),
        body: Cow::Owned(body),
    })
}

/// The supported Markdown subset → the compact body format of `model::markup`. Anything
/// else is an error at its byte offset.
fn markdown(src: &str) -> Result<String, (usize, String)> {
    let mut out = String::new();
    let mut in_list: Option<char> = None;
    for (event, range) in Parser::new(src).into_offset_iter() {
        let at = range.start;
        match event {
            // Inside list items, paragraphs only appear in "loose" lists: the item is the line.
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if in_list.is_some() => {}
            Event::Start(Tag::Paragraph) => out.push('P'),
            Event::Start(Tag::Heading { level, .. }) => out.push(match level {
                HeadingLevel::H2 => '2',
                HeadingLevel::H3 => '3',
                other => return Err((at, format!("heading {other:?} not supported; use ## or ###"))),
            }),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::List(first)) => {
                if in_list.is_some() {
                    return Err((at, "nested lists are not supported".into()));
                }
                in_list = Some(if first.is_some() { '1' } else { '-' });
            }
            Event::End(TagEnd::List(_)) => in_list = None,
            Event::Start(Tag::Item) => out.push(in_list.unwrap_or('-')),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push(markup::STRONG),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push(markup::EMPHASIS),
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push(markup::LINK_START);
                out.push_str(&markup::clean(&dest_url));
                out.push(markup::LINK_TEXT);
            }
            Event::End(TagEnd::Link) => out.push(markup::LINK_END),
            Event::Text(t) => out.push_str(&markup::clean(&t)),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            other => return Err((at, format!("unsupported Markdown: {other:?}"))),
        }
    }
    Ok(out)
}
