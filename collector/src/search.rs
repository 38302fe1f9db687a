//! The inbox's list: reports newest first, a page at a time, narrowed by status, kind,
//! category, language, a date range and words in the subject or description, with the
//! count of reports in each status (under the same filters but the status).

use crate::db::{Dialect, Result, Value as Sql};
use crate::store::Store;
use crate::thread::Status;

/// Reports per page.
pub const PAGE: i64 = 25;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub status: Option<Status>,
    pub kind: Option<String>,
    pub category: Option<String>,
    pub locale: Option<String>,
    /// `YYYY-MM-DD`, inclusive, by arrival (UTC).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words that must all appear in the subject or description (or be the reference).
    pub text: Option<String>,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub reference: String,
    pub kind: String,
    pub category: String,
    pub locale: String,
    pub subject: String,
    pub status: Status,
    pub received_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub reports: Vec<Summary>,
    /// Matching reports in all, over every page.
    pub total: i64,
    /// Per status, in `Status::ALL` order.
    pub counts: Vec<(Status, i64)>,
    pub locales: Vec<String>,
}

/// The SQL condition for `filters` (the status only if `with_status`) and its values.
fn condition(dialect: Dialect, filters: &Filters, with_status: bool) -> (String, Vec<Sql>) {
    let mut parts = vec!["1 = 1".to_string()];
    let mut values: Vec<Sql> = Vec::new();
    // `sql` names its value `?`; it becomes that value's number.
    let mut add = |sql: &str, value: &str| {
        values.push(Sql::Text(value.to_owned()));
        parts.push(sql.replace('?', &format!("?{}", values.len())));
    };
    if let (true, Some(status)) = (with_status, filters.status) {
        add("r.status = ?", status.as_str());
    }
    if let Some(kind) = &filters.kind {
        add("r.kind = ?", kind);
    }
    if let Some(category) = &filters.category {
        add("r.category = ?", category);
    }
    if let Some(locale) = &filters.locale {
        add(&format!("{} = ?", dialect.json_text("r.body", &["locale"])), locale);
    }
    if let Some(from) = &filters.from {
        add("r.received_at >= ?", from);
    }
    if let Some(to) = &filters.to {
        // Inclusive: the whole of that day.
        add("substr(r.received_at, 1, 10) <= ?", to);
    }
    for word in filters.text.iter().flat_map(|t| t.split_whitespace()) {
        // LIKE on the trigram index (FTS5's in SQLite, pg_trgm's in PostgreSQL): words of
        // three or more characters use the index; shorter ones (two Chinese characters)
        // still match, by scanning.
        let pattern = format!("%{}%", word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        values.push(Sql::Text(pattern));
        let n = values.len();
        // The reference a user quotes from their confirmation finds that report.
        values.push(Sql::Text(word.to_ascii_uppercase()));
        let like = dialect.like();
        parts.push(format!(
            "(r.seq IN (SELECT rowid FROM reports_text
                         WHERE subject {like} ?{n} ESCAPE '\\' OR description {like} ?{n} ESCAPE '\\')
              OR r.reference = ?{})",
            n + 1
        ));
    }
    (parts.join(" AND "), values)
}

impl Store {
    /// Page `page` (from 0) of the reports matching `filters`, newest first.
    pub fn search(&self, filters: &Filters, page: i64) -> Result<Listing> {
        // One read transaction: the page, the total and the counts agree.
        self.read(|tx| {
            let d = tx.dialect();
            let (cond, values) = condition(d, filters, true);
            let total = tx.int(&format!("SELECT count(*) FROM reports r WHERE {cond}"), &values)?;
            let (locale, subject) = (d.json_text("r.body", &["locale"]), d.json_text("r.body", &["subject"]));
            let rows = tx.rows(
                &format!(
                    "SELECT r.id, r.reference, r.kind, r.category, coalesce({locale}, ''), coalesce({subject}, ''),
                            r.status, r.received_at
                       FROM reports r WHERE {cond}
                      ORDER BY r.received_at DESC, r.seq DESC LIMIT {PAGE} OFFSET {}",
                    page.max(0) * PAGE
                ),
                &values,
            )?;
            let reports = rows
                .iter()
                .map(|r| {
                    Ok(Summary {
                        id: r.text(0)?,
                        reference: r.text(1)?,
                        kind: r.text(2)?,
                        category: r.text(3)?,
                        locale: r.text(4)?,
                        subject: r.text(5)?,
                        status: Status::parse(&r.text(6)?).unwrap_or(Status::Received),
                        received_at: r.text(7)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let (cond, values) = condition(d, filters, false);
            let mut counts = Vec::new();
            for status in Status::ALL {
                let mut with = values.clone();
                with.push(Sql::Text(status.as_str().to_owned()));
                let sql = format!("SELECT count(*) FROM reports r WHERE {cond} AND r.status = ?{}", with.len());
                counts.push((status, tx.int(&sql, &with)?));
            }
            let locales = match d {
                Dialect::Sqlite => {
                    "SELECT DISTINCT json_extract(body, '$.locale') FROM reports
                      WHERE json_valid(body) AND json_type(body, '$.locale') = 'text' ORDER BY 1"
                }
                Dialect::Postgres => {
                    "SELECT DISTINCT body::jsonb ->> 'locale' FROM reports
                      WHERE jsonb_typeof(body::jsonb -> 'locale') = 'string' ORDER BY 1"
                }
            };
            let locales = tx.rows(locales, &[])?.iter().map(|r| r.text(0)).collect::<Result<Vec<_>>>()?;
            Ok(Listing { reports, total, counts, locales })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidReport;

    fn add(store: &Store, n: u32, kind: &str, subject: &str, description: &str, locale: &str) -> String {
        let id = format!("00000000-0000-4000-8000-{n:012}");
        let body = serde_json::json!({ "subject": subject, "description": description, "locale": locale }).to_string();
        let report = ValidReport {
            id: id.clone(),
            created_at: "2026-12-01T00:00:00Z".into(),
            kind: kind.into(),
            category: "transaction".into(),
            attachments: Vec::new(),
        };
        store.insert_or_get(&report, &body).unwrap();
        id
    }

    fn ids(listing: &Listing) -> Vec<&str> {
        listing.reports.iter().map(|r| &r.id[r.id.len() - 2..]).collect()
    }

    #[test]
    fn words_filters_and_counts_narrow_the_list() {
        let store = Store::scratch().unwrap();
        add(&store, 1, "complaint", "USDT never arrived", "Sent 250 USDT on TRON", "en");
        let b = add(&store, 2, "feedback", "转账失败", "我的转账一直显示失败", "zh-CN");
        add(&store, 3, "complaint", "Swap stuck", "The swap of 50% is pending_now", "en");
        store.set_status(&b, Status::InProgress, "ana").unwrap();

        let all = store.search(&Filters::default(), 0).unwrap();
        assert_eq!((ids(&all), all.total), (vec!["03", "02", "01"], 3), "newest first");
        assert_eq!(all.locales, ["en", "zh-CN"]);
        let find = |text: &str| {
            ids(&store.search(&Filters { text: Some(text.into()), ..Filters::default() }, 0).unwrap()).join(",")
        };
        assert_eq!(find("usdt"), "01", "case does not matter");
        assert_eq!(find("TRON 250"), "01", "every word must appear");
        assert_eq!(find("转账"), "02", "two Chinese characters are found too");
        assert_eq!(find("显示失败"), "02");
        assert_eq!(find("50%"), "03");
        assert_eq!(find("%"), "03", "LIKE's wildcards are taken literally");
        assert_eq!(find("_now"), "03");
        assert_eq!(find("nothing"), "");
        let reference = all.reports[1].reference.clone();
        assert_eq!(find(&reference), "02", "a reference finds its report");
        assert_eq!(find(&reference.to_lowercase()), "02");

        let complaints = store.search(&Filters { kind: Some("complaint".into()), ..Filters::default() }, 0).unwrap();
        assert_eq!(ids(&complaints), ["03", "01"]);
        let counted: Vec<i64> = complaints.counts.iter().map(|(_, n)| *n).collect();
        assert_eq!(counted, [2, 0, 0, 0, 0]);
        let busy = store.search(&Filters { status: Some(Status::InProgress), ..Filters::default() }, 0).unwrap();
        assert_eq!(ids(&busy), ["02"]);
        assert_eq!(busy.counts[0], (Status::Received, 2), "counts ignore the status filter");
        let zh = store.search(&Filters { locale: Some("zh-CN".into()), ..Filters::default() }, 0).unwrap();
        assert_eq!(ids(&zh), ["02"]);
        let today = store
            .search(
                &Filters { from: Some("2000-01-01".into()), to: Some("2999-12-31".into()), ..Filters::default() },
                0,
            )
            .unwrap();
        assert_eq!(today.total, 3);
        let none = store.search(&Filters { to: Some("2000-01-01".into()), ..Filters::default() }, 0).unwrap();
        assert_eq!(none.total, 0);
    }

    #[test]
    fn the_list_comes_a_page_at_a_time() {
        let store = Store::scratch().unwrap();
        for n in 0..(PAGE as u32 + 3) {
            add(&store, n, "feedback", "s", "d", "en");
        }
        let first = store.search(&Filters::default(), 0).unwrap();
        let second = store.search(&Filters::default(), 1).unwrap();
        assert_eq!((first.reports.len() as i64, second.reports.len(), first.total), (PAGE, 3, PAGE + 3));
        assert!(first.reports.iter().all(|r| !second.reports.contains(r)));
    }
}
