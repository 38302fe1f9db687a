//! The article model. Std-only on purpose: the build script compiles `content/` into these
//! types (it includes this file by path), and the widget renders and searches them.
//!
//! A body is stored as one compact string (see [`markup`]) rather than a tree of structs:
//! in the Wasm that is the text plus a few marker bytes, where a tree of pointers costs
//! several times the text. It is decoded into [`Block`]s only for the article on screen.

use std::borrow::Cow;

/// Text that is `&'static` when compiled in and owned when it comes from operator config.
pub type Text = Cow<'static, str>;

/// The FAQ's top-level groups, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Transaction,
    Account,
    Security,
    Technical,
    Support,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Transaction, Category::Account, Category::Security, Category::Technical, Category::Support];

    pub fn name(self) -> &'static str {
        match self {
            Category::Transaction => "transaction",
            Category::Account => "account",
            Category::Security => "security",
            Category::Technical => "technical",
            Category::Support => "support",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s.trim())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: Text,
    pub category: Category,
    pub title: Text,
    pub summary: Text,
    /// Comma-separated search words.
    pub keywords: Text,
    /// Comma-separated ids of articles shown under "Related".
    pub related: Text,
    /// Last content change, `YYYY-MM-DD`.
    pub updated: Text,
    /// The body in [`markup`].
    pub body: Text,
}

/// Splits a comma-separated field.
pub fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl Article {
    pub fn keywords(&self) -> impl Iterator<Item = &str> {
        items(&self.keywords)
    }

    pub fn related(&self) -> impl Iterator<Item = &str> {
        items(&self.related)
    }

    pub fn blocks(&self) -> Vec<Block<'_>> {
        markup::decode(&self.body)
    }

    /// The body as plain text, one line per block or list item: what search indexes.
    pub fn plain_body(&self) -> String {
        let mut out = String::new();
        for block in self.blocks() {
            for spans in block.lines() {
                spans.iter().for_each(|s| out.push_str(s.text));
                out.push('\n');
            }
        }
        out
    }
}

/// A run of text with one style, borrowed from the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    pub text: &'a str,
    pub strong: bool,
    pub emphasis: bool,
    /// `article:<id>`, `https://…`, `mailto:…` or `tel:…` (checked by `validate`).
    pub link: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    /// Level 2 or 3 (the article title is level 1 in the document outline).
    Heading(u8, Vec<Span<'a>>),
    Paragraph(Vec<Span<'a>>),
    List {
        ordered: bool,
        items: Vec<Vec<Span<'a>>>,
    },
}

impl<'a> Block<'a> {
    /// Each line of text in the block: itself, or each list item.
    pub fn lines(&self) -> Vec<&[Span<'a>]> {
        match self {
            Block::Heading(_, s) | Block::Paragraph(s) => vec![s.as_slice()],
            Block::List { items, .. } => items.iter().map(Vec::as_slice).collect(),
        }
    }
}

/// Where a link goes, once its scheme is known to be allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    Article(&'a str),
    External(&'a str),
}

/// Only these schemes may appear in content: other articles, web pages, mail and phone.
pub fn link_target(href: &str) -> Option<Target<'_>> {
    if let Some(id) = href.strip_prefix("article:") {
        return Some(Target::Article(id));
    }
    let lower = href.to_ascii_lowercase();
    let allowed = (lower.starts_with("https://") && href.len() > "https://".len())
        || (lower.starts_with("mailto:") && href.contains('@'))
        || (lower.starts_with("tel:") && href[4..].chars().all(|c| c.is_ascii_digit() || "+-() ".contains(c)));
    allowed.then_some(Target::External(href))
}

/// The compact body format: one line per block or list item, its first character the kind
/// (`P` paragraph, `2`/`3` heading, `-` bullet item, `1` numbered item), then the text with
/// control characters toggling bold and emphasis and framing links. Content text never
/// contains these characters: [`clean`] removes them before encoding.
pub mod markup {
    use super::{Block, Span};

    pub const STRONG: char = '\u{1}';
    pub const EMPHASIS: char = '\u{2}';
    /// `LINK_START href LINK_TEXT text LINK_END`.
    pub const LINK_START: char = '\u{3}';
    pub const LINK_TEXT: char = '\u{4}';
    pub const LINK_END: char = '\u{5}';

    /// Text as it may appear inside the format: control characters dropped, lines joined.
    pub fn clean(text: &str) -> String {
        text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).filter(|c| !c.is_control()).collect()
    }

    pub fn decode(body: &str) -> Vec<Block<'_>> {
        let mut blocks: Vec<Block> = Vec::new();
        for line in body.lines() {
            let mut chars = line.chars();
            let Some(kind) = chars.next() else { continue };
            let spans = spans(chars.as_str());
            let ordered = match kind {
                '2' | '3' => {
                    blocks.push(Block::Heading(if kind == '2' { 2 } else { 3 }, spans));
                    continue;
                }
                '-' => false,
                '1' => true,
                _ => {
                    blocks.push(Block::Paragraph(spans));
                    continue;
                }
            };
            match blocks.last_mut() {
                Some(Block::List { ordered: o, items }) if *o == ordered => items.push(spans),
                _ => blocks.push(Block::List { ordered, items: vec![spans] }),
            }
        }
        blocks
    }

    fn spans(text: &str) -> Vec<Span<'_>> {
        let mut out = Vec::new();
        let (mut strong, mut emphasis, mut link) = (false, false, None);
        let mut start = 0;
        let mut in_href = false;
        for (i, c) in text.char_indices() {
            if !matches!(c, STRONG | EMPHASIS | LINK_START | LINK_TEXT | LINK_END) {
                continue;
            }
            let piece = &text[start..i];
            start = i + c.len_utf8();
            if in_href {
                if c == LINK_TEXT {
                    link = Some(piece);
                    in_href = false;
                }
                continue;
            }
            if !piece.is_empty() {
                out.push(Span { text: piece, strong, emphasis, link });
            }
            match c {
                STRONG => strong = !strong,
                EMPHASIS => emphasis = !emphasis,
                LINK_START => in_href = true,
                _ => link = None,
            }
        }
        if !in_href && start < text.len() {
            out.push(Span { text: &text[start..], strong, emphasis, link });
        }
        out
    }
}
