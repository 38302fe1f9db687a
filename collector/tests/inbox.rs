//! The inbox through the real router: signing in (admin and agent tokens), the session
//! cookie, the list with its search and filters, a report's page and its forms, and every
//! refusal: a wrong token, an expired session, a form from another site or without its
//! token, and a session that outlived its agent.

mod support;

use axum::body::Body;
use axum::http::{Request, Response};
use serde_json::json;
use support::*;

const HOST: &str = "127.0.0.1:8080";
const ORIGIN: &str = "http://127.0.0.1:8080";

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

fn form(path: &str, cookie: Option<&str>, origin: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", urlencode(v))).collect();
    let mut builder = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", HOST)
        .header("origin", origin);
    if let Some(c) = cookie {
        builder = builder.header("cookie", format!("wh_inbox={c}"));
    }
    builder.body(Body::from(body.join("&"))).unwrap()
}

fn urlencode(v: &str) -> String {
    v.bytes().map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect()
}

fn page(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path).header("host", HOST).header("cookie", format!("wh_inbox={cookie}")).body(Body::empty()).unwrap()
}

fn location(response: &Response<Body>) -> String {
    response.headers().get("location").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
}

/// Signs in with `token`; the cookie's value and the whole Set-Cookie line.
async fn sign_in(f: &Fixture, token: &str) -> (String, String) {
    let response = send(&f.router, form("/inbox/login", None, ORIGIN, &[("token", token)])).await;
    assert_eq!(response.status(), 303, "signing in redirects to the list");
    assert_eq!(location(&response), "/inbox");
    let line = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    let value = line.split(';').next().unwrap().strip_prefix("wh_inbox=").unwrap().to_owned();
    (value, line)
}

/// The page's form token, read from its HTML as a browser would submit it.
fn csrf(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a form token") + "name=\"csrf\" value=\"".len();
    html[at..at + 64].to_owned()
}

async fn get_page(f: &Fixture, path: &str, cookie: &str) -> (u16, String) {
    let response = send(&f.router, page(path, cookie)).await;
    let status = response.status().as_u16();
    (status, text(body_bytes(response).await))
}

#[tokio::test]
async fn signing_in_needs_a_valid_token_and_gives_a_strict_cookie() {
    let f = fixture();
    let response = send(&f.router, Request::get("/inbox").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/inbox/login");

    let login = send(&f.router, Request::get("/inbox/login").body(Body::empty()).unwrap()).await;
    let csp = login.headers().get("content-security-policy").unwrap().to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe"), "{csp}");
    assert_eq!(login.headers().get("x-frame-options").unwrap(), "DENY");
    let html = text(body_bytes(login).await);
    assert!(!html.contains("<script") && !html.contains("style="), "no script, no inline style");

    for wrong in ["wrong", "", TOKEN.trim_end_matches('n')] {
        let response = send(&f.router, form("/inbox/login", None, ORIGIN, &[("token", wrong)])).await;
        assert_eq!(response.status(), 401, "{wrong:?}");
        assert!(response.headers().get("set-cookie").is_none());
        assert!(text(body_bytes(response).await).contains("not valid"));
    }

    let (cookie, line) = sign_in(&f, TOKEN).await;
    assert_eq!(cookie.len(), 64);
    for part in ["HttpOnly", "SameSite=Strict", "Path=/inbox"] {
        assert!(line.contains(part), "{line}");
    }
    assert!(!line.contains("Secure"), "plain http on this machine");
    let (status, html) = get_page(&f, "/inbox", &cookie).await;
    assert_eq!(status, 200);
    assert!(html.contains("Signed in as <strong>admin</strong>"), "{html}");

    // Behind a proxy that terminates https, the cookie is Secure.
    let mut request = form("/inbox/login", None, ORIGIN, &[("token", TOKEN)]);
    request.headers_mut().insert("x-forwarded-proto", "https".parse().unwrap());
    let response = send(&f.router, request).await;
    assert!(response.headers().get("set-cookie").unwrap().to_str().unwrap().contains("; Secure"));
}

#[tokio::test]
async fn an_agent_signs_in_with_their_own_token_until_removed_or_expired() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reports.sqlite3");
    let f = fixture_with(wallet_help_collector::Store::open(&db).unwrap(), None);
    let token = f.store.add_agent("Mei").unwrap().unwrap();
    let (cookie, _) = sign_in(&f, &token).await;
    let (_, html) = get_page(&f, "/inbox", &cookie).await;
    assert!(html.contains("Signed in as <strong>Mei</strong>"));

    // Twelve hours later, as a second connection to the file sees it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'", []).unwrap();
    let response = send(&f.router, page("/inbox", &cookie)).await;
    assert_eq!((response.status().as_u16(), location(&response)), (303, "/inbox/login".into()), "expired");

    let (cookie, _) = sign_in(&f, &token).await;
    assert!(f.store.remove_agent("Mei").unwrap());
    let response = send(&f.router, page("/inbox", &cookie)).await;
    assert_eq!(location(&response), "/inbox/login", "a removed agent is signed out");
    let response = send(&f.router, form("/inbox/login", None, ORIGIN, &[("token", &token)])).await;
    assert_eq!(response.status(), 401, "and their token no longer works");
}

#[tokio::test]
async fn the_list_searches_filters_counts_and_pages() {
    let f = fixture();
    let mut first = report(ID_A);
    first["subject"] = json!("提现一直处理中");
    first["description"] = json!("我的USDT提现已经三天了");
    send(&f.router, post_report(&first)).await;
    let mut second = report(ID_B);
    second["kind"] = json!("feedback");
    second["locale"] = json!("en");
    second["subject"] = json!("Dark mode please");
    second["description"] = json!("The settings page is too bright at night");
    send(&f.router, post_report(&second)).await;
    let (cookie, _) = sign_in(&f, TOKEN).await;

    let (_, all) = get_page(&f, "/inbox", &cookie).await;
    assert!(all.contains("2 reports"));
    // Newest first.
    assert!(all.find("Dark mode please").unwrap() < all.find("提现一直处理中").unwrap());
    assert!(all.contains("Received <span class=\"count\">2</span>"), "counts per status");

    let (_, found) = get_page(&f, "/inbox?q=%E6%8F%90%E7%8E%B0", &cookie).await; // 提现
    assert!(found.contains("1 report") && found.contains("提现一直处理中") && !found.contains("Dark mode"));
    let (_, found) = get_page(&f, "/inbox?q=bright", &cookie).await;
    assert!(found.contains("Dark mode please") && !found.contains("提现一直处理中"), "search covers descriptions");
    let (_, found) = get_page(&f, "/inbox?kind=feedback&locale=en", &cookie).await;
    assert!(found.contains("1 report") && found.contains("Dark mode"));
    let (_, none) = get_page(&f, "/inbox?status=resolved", &cookie).await;
    assert!(none.contains("0 reports"));
    let (_, later) = get_page(&f, "/inbox?from=2999-01-01", &cookie).await;
    assert!(later.contains("0 reports"), "date range");
    // Words a shell or a person might type are text, not SQL or markup.
    let (status, odd) = get_page(&f, "/inbox?q=%22%3Cb%3E%20OR%20*", &cookie).await;
    assert_eq!(status, 200);
    assert!(odd.contains("0 reports") && !odd.contains("<b>"));
}

#[tokio::test]
async fn a_reports_page_shows_what_was_sent_and_its_forms_change_it() {
    let f = fixture();
    let mut sent = report_with(ID_A, vec![attachment("收据.png", "image/png", PNG_1X1)]);
    sent["locale"] = json!("en");
    sent["steps_tried"] = json!(["step:tx-pending/dont-resend", "Restarted the app"]);
    sent["transaction"]["amount"] = json!("120 USDT");
    sent["checklist"] = json!({ "score": 50, "items": [
        { "id": "two-factor", "state": "not_yet" }, { "id": "from-a-newer-version", "state": "done" }] });
    let (_, answer) = send_json(&f.router, post_report(&sent)).await;
    let status_token = answer["status_token"].as_str().unwrap().to_owned();
    let (cookie, _) = sign_in(&f, TOKEN).await;
    let path = format!("/inbox/reports/{ID_A}");

    let (status, html) = get_page(&f, &path, &cookie).await;
    assert_eq!(status, 200);
    for shown in ["Withdrawal stuck", "提现一直显示处理中", "120 USDT", "0xabc", "收据.png", "/attachments/0"]
    {
        assert!(html.contains(shown), "{shown} in the page");
    }
    // A step reads as the sentence the widget showed; the user's own line as written.
    assert!(html.contains("<li>I did not send the payment again.</li>"), "{html}");
    assert!(html.contains("<li>Restarted the app</li>") && !html.contains("step:tx-pending"));
    assert!(html.contains("from-a-newer-version: <strong>done</strong>"), "an unknown item as sent");
    assert!(html.contains("Two-factor authentication is on: <strong>not yet</strong>"), "a known item by its title");
    let token = csrf(&html);

    // The screenshot: its own type, named, never sniffed.
    let shot = send(&f.router, page(&format!("{path}/attachments/0"), &cookie)).await;
    assert_eq!(shot.headers().get("content-type").unwrap(), "image/png");
    assert_eq!(shot.headers().get("x-content-type-options").unwrap(), "nosniff");
    assert!(shot.headers().get("content-disposition").unwrap().to_str().unwrap().starts_with("inline; filename="));
    assert_eq!(body_bytes(shot).await, PNG_1X1);
    let none = send(&f.router, page(&format!("{path}/attachments/1"), &cookie)).await;
    assert_eq!(none.status(), 404);

    let post = |action: &str, fields: &[(&str, &str)]| form(&format!("{path}/{action}"), Some(&cookie), ORIGIN, fields);
    let response = send(&f.router, post("status", &[("csrf", &token), ("status", "in_progress")])).await;
    assert_eq!((response.status().as_u16(), location(&response)), (303, path.clone()));
    send(&f.router, post("note", &[("csrf", &token), ("text", "Checked the chain: pending")])).await;
    send(&f.router, post("reply", &[("csrf", &token), ("text", "We are on it."), ("waiting", "1")])).await;

    // The user sees the reply and the status, never the note.
    let (_, public) = send_json(&f.router, get(&format!("/api/reports/{ID_A}"), Some(&status_token))).await;
    assert_eq!(public["status"], "waiting_for_you");
    let messages = public["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "{public}");
    assert_eq!((&messages[0]["from"], &messages[0]["text"]), (&json!("support"), &json!("We are on it.")));
    let (_, html) = get_page(&f, &path, &cookie).await;
    assert!(html.contains("Checked the chain: pending") && html.contains("We are on it."));
    assert!(html.contains("status in_progress") || html.contains("status in progress"), "the audit line");
    assert!(html.contains("added an internal note"));

    let response = send(&f.router, post("reply", &[("csrf", &token), ("text", "   ")])).await;
    assert_eq!(response.status(), 422, "an empty reply");
    let response = send(&f.router, post("status", &[("csrf", &token), ("status", "done")])).await;
    assert_eq!(response.status(), 422, "an unknown status");
    let unknown = form(
        "/inbox/reports/00000000-0000-4000-8000-000000000000/status",
        Some(&cookie),
        ORIGIN,
        &[("csrf", &token), ("status", "resolved")],
    );
    assert_eq!(send(&f.router, unknown).await.status(), 404);
}

#[tokio::test]
async fn forms_from_another_site_or_without_their_token_change_nothing() {
    let f = fixture();
    send(&f.router, post_report(&report(ID_A))).await;
    let (cookie, _) = sign_in(&f, TOKEN).await;
    let path = format!("/inbox/reports/{ID_A}");
    let (_, html) = get_page(&f, &path, &cookie).await;
    let token = csrf(&html);
    let status = format!("{path}/status");

    let evil = form(&status, Some(&cookie), "https://evil.example", &[("csrf", &token), ("status", "closed")]);
    let response = send(&f.router, evil).await;
    assert_eq!(response.status(), 403);
    assert!(text(body_bytes(response).await).contains("another site"));
    let mut fetched = form(&status, Some(&cookie), ORIGIN, &[("csrf", &token), ("status", "closed")]);
    fetched.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(send(&f.router, fetched).await.status(), 403);
    let forged = form(&status, Some(&cookie), ORIGIN, &[("csrf", &"0".repeat(64)), ("status", "closed")]);
    assert_eq!(send(&f.router, forged).await.status(), 403);
    let bare = form(&status, Some(&cookie), ORIGIN, &[("status", "closed")]);
    assert_eq!(send(&f.router, bare).await.status(), 403);
    let signed_out = form(&status, None, ORIGIN, &[("csrf", &token), ("status", "closed")]);
    assert_eq!(location(&send(&f.router, signed_out).await), "/inbox/login");
    let login = form("/inbox/login", None, "https://evil.example", &[("token", TOKEN)]);
    assert_eq!(send(&f.router, login).await.status(), 403, "no sign-in from another site");
    assert_eq!(f.store.thread(ID_A).unwrap().unwrap().status.as_str(), "received", "nothing changed");

    // Another session's token does not fit this session.
    let (other, _) = sign_in(&f, TOKEN).await;
    let (_, other_html) = get_page(&f, "/inbox", &other).await;
    let mixed = form(&status, Some(&cookie), ORIGIN, &[("csrf", &csrf(&other_html)), ("status", "closed")]);
    assert_eq!(send(&f.router, mixed).await.status(), 403);

    // Signing out ends the session for good.
    let out = send(&f.router, form("/inbox/logout", Some(&cookie), ORIGIN, &[("csrf", &token)])).await;
    assert_eq!(location(&out), "/inbox/login");
    assert!(out.headers().get("set-cookie").unwrap().to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(location(&send(&f.router, page("/inbox", &cookie)).await), "/inbox/login");
}
