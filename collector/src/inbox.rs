//! The support team's inbox at `/inbox`: server-rendered pages that work without
//! JavaScript, under a strict Content-Security-Policy (no script at all, the one stylesheet
//! from this server). Sign-in takes the admin token or an agent's token and gives an
//! HttpOnly, SameSite=Strict session cookie (Secure behind https) kept in the database.
//! Every form carries its session's token, and a POST from another site is refused.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{html, Markup, DOCTYPE};
use serde_json::Value;

use crate::agents::{self, Session, ADMIN};
use crate::search::{Filters, Listing, PAGE};
use crate::store::Store;
use crate::thread::{Added, Author, Status, Thread};
use crate::validate::{categories, is_uuid, kinds};
use crate::AppState;

const COOKIE: &str = "wh_inbox";
const CSS: &str = include_str!("inbox.css");
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

type Fields = Vec<(String, String)>;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(list))
        .route("/inbox/", get(|| async { Redirect::to("/inbox") }))
        .route("/inbox/login", get(login_page).post(login))
        .route("/inbox/logout", post(logout))
        .route("/inbox/inbox.css", get(stylesheet))
        .route("/inbox/reports/{id}", get(report_page))
        .route("/inbox/reports/{id}/status", post(set_status))
        .route("/inbox/reports/{id}/reply", post(reply))
        .route("/inbox/reports/{id}/note", post(note))
        .route("/inbox/reports/{id}/attachments/{idx}", get(attachment))
        .layer(middleware::from_fn(protect))
}

/// Headers on every inbox answer: the policy, no framing, no sniffing, no caching of
/// reports' contents, no referrer leaving for another site with a report's address
/// (`same-origin`, not `no-referrer`: under that, browsers send `Origin: null` with the
/// inbox's own forms, and the same-site check could not tell them from a forgery).
async fn protect(request: axum::extract::Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

/// What went wrong, as a page.
struct Problem(StatusCode, &'static str);

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let page = layout(self.1, None, html! { h1 { (self.1) } p { a href="/inbox" { "Back to the inbox" } } });
        (self.0, page).into_response()
    }
}

fn internal(e: impl std::fmt::Display) -> Problem {
    eprintln!("wallet-help collector: inbox: {e}");
    Problem(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong; please try again")
}

async fn blocking<T: Send + 'static>(
    state: &AppState,
    call: impl FnOnce(&Store) -> crate::store::Result<T> + Send + 'static,
) -> Result<T, Problem> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || call(&store)).await.map_err(internal)?.map_err(internal)
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    let cookies = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok());
    cookies
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// The signed-in agent, or `None` (the page then sends them to sign in).
async fn session(state: &AppState, headers: &HeaderMap) -> Result<Option<(String, Session)>, Problem> {
    let Some(id) = cookie_value(headers) else { return Ok(None) };
    let lookup = id.clone();
    Ok(blocking(state, move |store| store.session(&lookup)).await?.map(|s| (id, s)))
}

fn to_login() -> Response {
    Redirect::to("/inbox/login").into_response()
}

/// Behind a proxy that terminates https, the cookie must be Secure.
fn over_https(headers: &HeaderMap) -> bool {
    let proto = headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).unwrap_or("");
    proto.eq_ignore_ascii_case("https")
}

/// A POST must come from the inbox itself: browsers send `Origin` (and `Sec-Fetch-Site`)
/// with every form post, and another site's differs. Requests without either (tools like
/// curl) carry no ambient cookie a page could abuse, so they pass to the token check.
fn same_site(headers: &HeaderMap) -> bool {
    let value = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if value("sec-fetch-site").is_some_and(|s| s != "same-origin" && s != "none") {
        return false;
    }
    match (value("origin"), value("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, rest)| rest == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A signed-in agent's form: same site, and the session's own token.
async fn form_session(state: &AppState, headers: &HeaderMap, fields: &Fields) -> Result<Session, Response> {
    if !same_site(headers) {
        return Err(Problem(StatusCode::FORBIDDEN, "This form was sent from another site").into_response());
    }
    let Some((_, session)) = session(state, headers).await.map_err(IntoResponse::into_response)? else {
        return Err(to_login());
    };
    let given = field(fields, "csrf").unwrap_or_default();
    if !crate::routes::constant_time_eq(given.as_bytes(), session.csrf.as_bytes()) {
        return Err(Problem(StatusCode::FORBIDDEN, "This form has expired; please open the page again").into_response());
    }
    Ok(session)
}

async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], CSS).into_response()
}

fn layout(title: &str, session: Option<&Session>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · wallet-help inbox" }
                link rel="stylesheet" href="/inbox/inbox.css";
            }
            body {
                a class="skip" href="#main" { "Skip to the content" }
                header {
                    a class="brand" href="/inbox" { "wallet-help inbox" }
                    @if let Some(s) = session {
                        form method="post" action="/inbox/logout" class="signout" {
                            span { "Signed in as " strong { (s.agent) } }
                            input type="hidden" name="csrf" value=(s.csrf);
                            button type="submit" { "Sign out" }
                        }
                    }
                }
                main id="main" { (body) }
            }
        }
    }
}

async fn login_page() -> Markup {
    login_form(None)
}

fn login_form(error: Option<&str>) -> Markup {
    layout(
        "Sign in",
        None,
        html! {
            h1 { "Sign in" }
            form method="post" action="/inbox/login" class="card" {
                @if let Some(e) = error {
                    p class="error" role="alert" id="login-error" { (e) }
                }
                label for="token" { "Access token" }
                input id="token" name="token" type="password" autocomplete="current-password" required
                      aria-describedby=[error.map(|_| "login-error")];
                p class="hint" { "The admin token, or the token `wallet-help-collector agents add NAME` printed for you." }
                button type="submit" { "Sign in" }
            }
        },
    )
}

async fn login(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    if !same_site(&headers) {
        return Problem(StatusCode::FORBIDDEN, "This form was sent from another site").into_response();
    }
    let token = field(&fields, "token").unwrap_or_default().trim().to_owned();
    let agent = if !token.is_empty()
        && crate::routes::constant_time_eq(token.as_bytes(), state.config.admin_token.as_bytes())
    {
        Some(ADMIN.to_owned())
    } else if token.is_empty() {
        None
    } else {
        match blocking(&state, move |store| store.agent_for_token(&token)).await {
            Ok(agent) => agent,
            Err(problem) => return problem.into_response(),
        }
    };
    let Some(agent) = agent else {
        return (StatusCode::UNAUTHORIZED, login_form(Some("That token is not valid. Check it and try again.")))
            .into_response();
    };
    let id = match blocking(&state, move |store| store.create_session(&agent)).await {
        Ok(id) => id,
        Err(problem) => return problem.into_response(),
    };
    let secure = if over_https(&headers) { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={id}; Path=/inbox; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        agents::SESSION_HOURS * 3600
    );
    let mut response = Redirect::to("/inbox").into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn logout(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    if let Err(response) = form_session(&state, &headers, &fields).await {
        return response;
    }
    if let Some(id) = cookie_value(&headers) {
        if let Err(problem) = blocking(&state, move |store| store.end_session(&id)).await {
            return problem.into_response();
        }
    }
    let mut response = to_login();
    let gone = format!("{COOKIE}=; Path=/inbox; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&gone) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The list's filters from the query string; anything not understood is left out.
fn filters(query: &Fields) -> Filters {
    let pick = |name: &str| field(query, name).map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    let day = |name: &str| pick(name).filter(|d| crate::validate::looks_like_rfc3339(&format!("{d}T00:00")));
    Filters {
        status: pick("status").and_then(|s| Status::parse(&s)),
        kind: pick("kind").filter(|k| kinds().contains(&k.as_str())),
        category: pick("category").filter(|c| categories().contains(&c.as_str())),
        locale: pick("locale"),
        from: day("from"),
        to: day("to"),
        text: pick("q"),
    }
}

/// The query string of `filters` with `status` and `page` as given.
fn link(filters: &Filters, status: Option<Status>, page: i64) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut put = |k: &'static str, v: Option<&String>| {
        if let Some(v) = v {
            pairs.push((k, v.clone()));
        }
    };
    put("q", filters.text.as_ref());
    put("kind", filters.kind.as_ref());
    put("category", filters.category.as_ref());
    put("locale", filters.locale.as_ref());
    put("from", filters.from.as_ref());
    put("to", filters.to.as_ref());
    if let Some(s) = status {
        pairs.push(("status", s.as_str().to_owned()));
    }
    if page > 0 {
        pairs.push(("page", page.to_string()));
    }
    let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("/inbox?{}", encoded.join("&"))
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Received => "Received",
        Status::InProgress => "In progress",
        Status::WaitingForYou => "Waiting for the user",
        Status::Resolved => "Resolved",
        Status::Closed => "Closed",
    }
}

fn select(name: &str, label: &str, options: &[(String, String)], chosen: Option<&str>) -> Markup {
    html! {
        div class="field" {
            label for=(name) { (label) }
            select id=(name) name=(name) {
                option value="" { "Any" }
                @for (value, text) in options {
                    option value=(value) selected[chosen == Some(value.as_str())] { (text) }
                }
            }
        }
    }
}

async fn list(State(state): State<AppState>, headers: HeaderMap, Query(query): Query<Fields>) -> Response {
    let Some((_, session)) = (match session(&state, &headers).await {
        Ok(s) => s,
        Err(problem) => return problem.into_response(),
    }) else {
        return to_login();
    };
    let filters = filters(&query);
    let page = field(&query, "page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(0).clamp(0, 1_000_000);
    let wanted = filters.clone();
    let listing = match blocking(&state, move |store| store.search(&wanted, page)).await {
        Ok(l) => l,
        Err(problem) => return problem.into_response(),
    };
    list_page(&session, &filters, page, &listing).into_response()
}

fn list_page(session: &Session, f: &Filters, page: i64, listing: &Listing) -> Markup {
    let owned = |list: &[&str]| list.iter().map(|v| (v.to_string(), v.replace('_', " "))).collect::<Vec<_>>();
    let statuses: Vec<(String, String)> =
        Status::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(*s).to_owned())).collect();
    let locales: Vec<(String, String)> = listing.locales.iter().map(|l| (l.clone(), l.clone())).collect();
    let pages = (listing.total + PAGE - 1) / PAGE;
    let body = html! {
        h1 { "Reports" }
        nav aria-label="Reports by status" class="counts" {
            a href=(link(f, None, 0)) aria-current=[f.status.is_none().then_some("page")] { "All" }
            @for (status, n) in &listing.counts {
                a href=(link(f, Some(*status), 0)) aria-current=[(f.status == Some(*status)).then_some("page")] {
                    (status_label(*status)) " " span class="count" { (n) }
                }
            }
        }
        form method="get" action="/inbox" class="filters" role="search" {
            div class="field wide" {
                label for="q" { "Search subject, description or reference" }
                input id="q" name="q" type="search" value=[f.text.as_deref()];
            }
            (select("status", "Status", &statuses, f.status.map(Status::as_str)))
            (select("kind", "Kind", &owned(&kinds()), f.kind.as_deref()))
            (select("category", "Category", &owned(&categories()), f.category.as_deref()))
            (select("locale", "Language", &locales, f.locale.as_deref()))
            div class="field" {
                label for="from" { "Received from" }
                input id="from" name="from" type="date" value=[f.from.as_deref()];
            }
            div class="field" {
                label for="to" { "Received until" }
                input id="to" name="to" type="date" value=[f.to.as_deref()];
            }
            button type="submit" { "Show" }
        }
        p role="status" { (listing.total) @if listing.total == 1 { " report" } @else { " reports" } }
        @if !listing.reports.is_empty() {
            table {
                thead { tr { th scope="col" { "Reference" } th scope="col" { "Subject" } th scope="col" { "Status" }
                             th scope="col" { "Kind" } th scope="col" { "Category" } th scope="col" { "Language" }
                             th scope="col" { "Received (UTC)" } } }
                tbody {
                    @for r in &listing.reports {
                        tr {
                            td { a href={"/inbox/reports/" (r.id)} { (r.reference) } }
                            td { (r.subject) }
                            td { span class={"status " (r.status.as_str())} { (status_label(r.status)) } }
                            td { (r.kind) } td { (r.category) } td { (r.locale) }
                            td { (r.received_at.get(..16).unwrap_or(&r.received_at).replace('T', " ")) }
                        }
                    }
                }
            }
        }
        @if pages > 1 {
            nav aria-label="Pages" class="pages" {
                @if page > 0 { a href=(link(f, f.status, page - 1)) rel="prev" { "← Newer" } }
                span { "Page " (page + 1) " of " (pages) }
                @if page + 1 < pages { a href=(link(f, f.status, page + 1)) rel="next" { "Older →" } }
            }
        }
    };
    layout("Reports", Some(session), body)
}

/// A report's stored row for its page.
struct Stored {
    reference: String,
    received_at: String,
    body: Value,
    attachments: Vec<crate::store::AttachmentSummary>,
}

fn load_report(store: &Store, id: &str) -> crate::store::Result<Option<(Stored, Thread)>> {
    let Some(row) = store.report(id)? else { return Ok(None) };
    let Some(thread) = store.thread(id)? else { return Ok(None) };
    let body = serde_json::from_str(&row.body).unwrap_or(Value::String(row.body));
    Ok(Some((
        Stored { reference: row.reference, received_at: row.received_at, body, attachments: row.attachments },
        thread,
    )))
}

async fn report_page(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let Some((_, session)) = (match session(&state, &headers).await {
        Ok(s) => s,
        Err(problem) => return problem.into_response(),
    }) else {
        return to_login();
    };
    if !is_uuid(&id) {
        return Problem(StatusCode::NOT_FOUND, "No such report").into_response();
    }
    let id = id.to_ascii_lowercase();
    let key = id.clone();
    match blocking(&state, move |store| load_report(store, &key)).await {
        Ok(Some((stored, thread))) => report_view(&session, &id, &stored, &thread, &state.config.brand).into_response(),
        Ok(None) => Problem(StatusCode::NOT_FOUND, "No such report").into_response(),
        Err(problem) => problem.into_response(),
    }
}

fn text<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str().filter(|s| !s.trim().is_empty())
}

/// The report's language among the widget's, English when unknown.
fn locale_of(body: &Value) -> wallet_help::core::config::Locale {
    use wallet_help::core::config::Locale;
    text(body, &["locale"]).and_then(Locale::from_tag).unwrap_or(Locale::En)
}

/// The steps the user tried, as the sentences the widget showed them.
fn steps(body: &Value, brand: &str) -> Vec<String> {
    let locale = locale_of(body);
    let names = wallet_help::core::report::steps::names(
        locale,
        brand,
        wallet_help::core::content::defaults(locale),
        wallet_help::core::troubleshoot::flows(locale),
    );
    let list = body.get("steps_tried").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    list.iter()
        .filter_map(Value::as_str)
        .map(|step| match names.iter().find(|(r, _)| r == step) {
            Some((_, sentence)) => sentence.clone(),
            None => step.to_owned(),
        })
        .collect()
}

/// A checklist item as the user read it (its title in the report's language); an id this
/// version does not know shows as sent.
fn checklist_title(body: &Value, id: &str) -> String {
    let locale = locale_of(body);
    let items = wallet_help::core::checklist::defaults(locale);
    items.iter().find(|i| i.id.as_ref() == id).map_or_else(|| id.to_owned(), |i| i.title.to_string())
}

fn mark_text(state: &str) -> &str {
    match state {
        "done" => "done",
        "not_yet" => "not yet",
        "not_applicable" => "does not apply",
        "unanswered" => "not answered",
        other => other,
    }
}

fn report_view(session: &Session, id: &str, r: &Stored, t: &Thread, brand: &str) -> Markup {
    let b = &r.body;
    let row = |label: &str, value: Option<&str>| {
        html! { @if let Some(v) = value { dt { (label) } dd { (v) } } }
    };
    let base = format!("/inbox/reports/{id}");
    let subject = text(b, &["subject"]).unwrap_or("(no subject)");
    let checklist = b.get("checklist");
    let items = checklist.and_then(|c| c.get("items")).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let context = b.get("context");
    let prefill = context.and_then(|c| c.get("prefill")).and_then(Value::as_object);
    let body = html! {
        p { a href="/inbox" { "← All reports" } }
        h1 { (subject) }
        p class="meta" { (r.reference) " · " span class={"status " (t.status.as_str())} { (status_label(t.status)) } }
        section aria-labelledby="report-h" {
            h2 id="report-h" { "What the user sent" }
            dl {
                (row("Kind", text(b, &["kind"])))
                (row("Category", text(b, &["category"])))
                (row("Language", text(b, &["locale"])))
                (row("Written", text(b, &["created_at"])))
                (row("Received", Some(&r.received_at)))
                dt { "Description" } dd class="long" { (text(b, &["description"]).unwrap_or("")) }
                (row("Transaction time", text(b, &["transaction", "time"])))
                (row("Amount", text(b, &["transaction", "amount"])))
                (row("Asset", text(b, &["transaction", "asset"])))
                (row("Network", text(b, &["transaction", "chain"])))
                (row("Other party", text(b, &["transaction", "counterparty"])))
                (row("Transaction hash", text(b, &["transaction", "tx_hash"])))
                (row("Wanted outcome", text(b, &["expected_resolution"])))
                (row("Email", text(b, &["contact", "email"])))
                (row("Phone", text(b, &["contact", "phone"])))
                (row("Answer by", text(b, &["contact", "preferred"])))
            }
            @let tried = steps(b, brand);
            @if !tried.is_empty() {
                h3 { "Already tried" }
                ul { @for s in &tried { li { (s) } } }
            }
            @if !items.is_empty() {
                h3 { "Safety checklist" @if let Some(score) = checklist.and_then(|c| c.get("score")) { " · score " (score) } }
                ul { @for i in items {
                    @let id = i.get("id").and_then(Value::as_str).unwrap_or("?");
                    li { (checklist_title(b, id)) ": " strong { (mark_text(i.get("state").and_then(Value::as_str).unwrap_or(""))) } }
                } }
            }
            @if !r.attachments.is_empty() {
                h3 { "Screenshots" }
                div class="shots" {
                    @for (i, a) in r.attachments.iter().enumerate() {
                        figure {
                            a href={(base) "/attachments/" (i)} { img src={(base) "/attachments/" (i)} alt={"Screenshot " (a.name)}; }
                            figcaption { (a.name) " · " (a.mime) " · " (size(a.size)) }
                        }
                    }
                }
            }
            @if context.is_some() {
                h3 { "Context" }
                dl {
                    (row("Widget version", text(b, &["context", "widget_version"])))
                    (row("Page", text(b, &["context", "page_url"])))
                    (row("Browser", text(b, &["context", "user_agent"])))
                    @if let Some(p) = prefill { @for (k, v) in p { dt { (k) } dd { (v.as_str().unwrap_or("")) } } }
                }
            }
        }
        section aria-labelledby="thread-h" {
            h2 id="thread-h" { "Conversation" }
            @if t.messages.is_empty() { p { "No messages yet." } }
            ol class="thread" {
                @for m in &t.messages {
                    li class={"message " (m.author.as_str())} {
                        p class="meta" {
                            (match m.author { Author::Support => "Support", Author::You => "User", Author::Note => "Internal note" })
                            @if let Some(a) = &m.agent { " (" (a) ")" }
                            " · " (m.at.replace('T', " "))
                        }
                        p class="long" { (m.text) }
                    }
                }
            }
            form method="post" action={(base) "/reply"} class="card" {
                input type="hidden" name="csrf" value=(session.csrf);
                label for="reply" { "Reply to the user" }
                textarea id="reply" name="text" rows="5" required maxlength=(crate::routes::MAX_MESSAGE_CHARS) {}
                label class="check" { input type="checkbox" name="waiting" value="1"; " Wait for the user's answer" }
                p class="hint" { "The user sees this in the widget. Never ask for a seed phrase or private key." }
                button type="submit" { "Send reply" }
            }
            form method="post" action={(base) "/note"} class="card" {
                input type="hidden" name="csrf" value=(session.csrf);
                label for="note" { "Internal note" }
                textarea id="note" name="text" rows="3" required maxlength=(crate::routes::MAX_MESSAGE_CHARS) {}
                p class="hint" { "Only the support team sees notes." }
                button type="submit" { "Add note" }
            }
            form method="post" action={(base) "/status"} class="card row" {
                input type="hidden" name="csrf" value=(session.csrf);
                label for="status" { "Status" }
                select id="status" name="status" {
                    @for s in Status::ALL { option value=(s.as_str()) selected[s == t.status] { (status_label(s)) } }
                }
                button type="submit" { "Set status" }
            }
        }
        section aria-labelledby="audit-h" {
            h2 id="audit-h" { "History" }
            ol class="audit" {
                @for e in &t.events {
                    li { (e.at.replace('T', " ")) " · " strong { (e.actor) } " · " (audit_text(&e.action, &e.detail)) }
                }
            }
        }
    };
    layout(subject, Some(session), body)
}

/// A file size as people read it.
fn size(bytes: i64) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 512) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn audit_text(action: &str, detail: &str) -> String {
    match action {
        "received" => "report received".to_owned(),
        "status" => format!("status {detail}"),
        "support" => "replied to the user".to_owned(),
        "you" => "the user answered".to_owned(),
        "note" => "added an internal note".to_owned(),
        other => format!("{other} {detail}"),
    }
}

fn back_to(id: &str) -> Response {
    Redirect::to(&format!("/inbox/reports/{id}")).into_response()
}

fn report_id(id: &str) -> Result<String, Problem> {
    if is_uuid(id) {
        Ok(id.to_ascii_lowercase())
    } else {
        Err(Problem(StatusCode::NOT_FOUND, "No such report"))
    }
}

async fn set_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Response {
    let (session, id) =
        match (form_session(&state, &headers, &fields).await, report_id(&id).map_err(IntoResponse::into_response)) {
            (Ok(s), Ok(id)) => (s, id),
            (Err(r), _) | (_, Err(r)) => return r,
        };
    let Some(status) = field(&fields, "status").and_then(Status::parse) else {
        return Problem(StatusCode::UNPROCESSABLE_ENTITY, "Choose a status").into_response();
    };
    let key = id.clone();
    match blocking(&state, move |store| store.set_status(&key, status, &session.agent)).await {
        Ok(Some(_)) => back_to(&id),
        Ok(None) => Problem(StatusCode::NOT_FOUND, "No such report").into_response(),
        Err(problem) => problem.into_response(),
    }
}

/// A reply (`author` support) or a note.
async fn add_message(state: AppState, headers: HeaderMap, id: String, fields: Fields, author: Author) -> Response {
    let (session, id) =
        match (form_session(&state, &headers, &fields).await, report_id(&id).map_err(IntoResponse::into_response)) {
            (Ok(s), Ok(id)) => (s, id),
            (Err(r), _) | (_, Err(r)) => return r,
        };
    let text = field(&fields, "text").unwrap_or_default().trim().to_owned();
    if text.is_empty() || text.chars().count() > crate::routes::MAX_MESSAGE_CHARS {
        return Problem(StatusCode::UNPROCESSABLE_ENTITY, "Write between 1 and 5,000 characters").into_response();
    }
    let waiting = author == Author::Support && field(&fields, "waiting").is_some();
    let key = id.clone();
    let added = blocking(&state, move |store| {
        let added = store.add_message(&key, &crate::random::token(), author, &session.agent, &text)?;
        if waiting && matches!(added, Added::Stored { .. }) {
            store.set_status(&key, Status::WaitingForYou, &session.agent)?;
        }
        Ok(added)
    })
    .await;
    match added {
        Ok(Added::Stored { .. }) => back_to(&id),
        Ok(_) => Problem(StatusCode::NOT_FOUND, "No such report").into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn reply(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    add_message(state, headers, id, f, Author::Support).await
}

async fn note(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    add_message(state, headers, id, f, Author::Note).await
}

/// A screenshot, as the image it was checked to be: its own type, shown inline under its
/// name, never sniffed into anything else.
async fn attachment(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, idx)): Path<(String, i64)>,
) -> Response {
    match session(&state, &headers).await {
        Ok(Some(_)) => {}
        Ok(None) => return to_login(),
        Err(problem) => return problem.into_response(),
    }
    let id = match report_id(&id) {
        Ok(id) => id,
        Err(problem) => return problem.into_response(),
    };
    let found = blocking(&state, move |store| store.attachment(&id, idx)).await;
    match found {
        Ok(Some((name, mime, data))) => {
            let ascii: String =
                name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
            let disposition = format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{}", encode(&name));
            let mut response = (StatusCode::OK, Bytes::from(data)).into_response();
            let h = response.headers_mut();
            match (HeaderValue::from_str(&mime), HeaderValue::from_str(&disposition)) {
                (Ok(t), Ok(d)) => {
                    h.insert(header::CONTENT_TYPE, t);
                    h.insert(header::CONTENT_DISPOSITION, d);
                }
                // Never shown inline under a type the browser would have to guess.
                _ => {
                    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
                    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
                }
            }
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=600"));
            response
        }
        Ok(None) => Problem(StatusCode::NOT_FOUND, "No such screenshot").into_response(),
        Err(problem) => problem.into_response(),
    }
}
