//! Which parts of a displayed text (a result's title or summary) the query matched, by the
//! same rules as the search: whole words for Latin text, characters covered by a matching
//! pair (or a one-character query) for CJK text.

use super::query::{counts, parse, Term};
use super::stem::stem;
use super::text::{normalize, pieces, Kind};
use std::ops::Range;

/// Splits `text` into consecutive `(piece, matched)` segments that join back to `text`;
/// `matched` pieces are where `query` matched. Pass the query string that was searched.
/// Adjacent matched characters form one segment; an empty `text` gives no segments.
///
/// ```
/// use wallet_help::core::search::highlight;
/// assert_eq!(highlight("Transaction failed", "trasaction"), [("Transaction", true), (" failed", false)]);
/// assert_eq!(highlight("如何联系客服", "客服"), [("如何联系", false), ("客服", true)]);
/// ```
pub fn highlight<'t>(text: &'t str, query: &str) -> Vec<(&'t str, bool)> {
    let terms = parse(query);
    // Common words ("to", "my") are not worth lighting up, unless that is all the query has.
    let terms: Vec<&Term> = terms.iter().filter(|t| counts(t, &terms)).collect();
    let mut marks: Vec<Range<usize>> = Vec::new();
    let mut buf = String::new();
    for (kind, range) in pieces(text) {
        let piece = &text[range.clone()];
        match kind {
            Kind::Word => {
                normalize(piece, &mut buf);
                stem(&mut buf);
                if terms.iter().any(|t| t.kind == Kind::Word && t.quality(&buf).is_some()) {
                    mark(&mut marks, range);
                }
            }
            Kind::Cjk => {
                let is_term = |s: &str| terms.iter().any(|t| t.kind == Kind::Cjk && t.text == s);
                let chars: Vec<Range<usize>> =
                    piece.char_indices().map(|(i, c)| range.start + i..range.start + i + c.len_utf8()).collect();
                for (i, c) in chars.iter().enumerate() {
                    if is_term(&text[c.clone()]) {
                        mark(&mut marks, c.clone());
                    }
                    if let Some(next) = chars.get(i + 1) {
                        if is_term(&text[c.start..next.end]) {
                            mark(&mut marks, c.start..next.end);
                        }
                    }
                }
            }
        }
    }
    segments(text, &marks)
}

/// Adds a matched range, merging it into the previous one when they touch or overlap
/// (ranges arrive in text order).
fn mark(marks: &mut Vec<Range<usize>>, range: Range<usize>) {
    match marks.last_mut() {
        Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
        _ => marks.push(range),
    }
}

fn segments<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut pos = 0;
    for m in marks {
        if m.start > pos {
            out.push((&text[pos..m.start], false));
        }
        out.push((&text[m.clone()], true));
        pos = m.end;
    }
    if pos < text.len() {
        out.push((&text[pos..], false));
    }
    out
}
