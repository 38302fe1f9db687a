//! The real binary: flag errors and exit codes, the startup line scripts parse, serving
//! over a socket from the defaults (`data/`, `dist/` under the working directory), and
//! a clean exit on SIGTERM.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

mod support;

use support::{http, wait_until_listening};

const BIN: &str = env!("CARGO_BIN_EXE_wallet-help-collector");

fn command(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir);
    for var in ["ADDR", "DB", "SITE", "ADMIN_TOKEN", "ALLOW_ORIGINS", "BRAND", "WEBHOOK", "WEBHOOK_SECRET"] {
        cmd.env_remove(format!("WALLET_HELP_{var}"));
    }
    cmd
}

fn run(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    command(dir.path()).args(args).output().unwrap()
}

#[test]
fn help_and_flag_errors() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    let usage = String::from_utf8_lossy(&help.stdout);
    for flag in ["--addr", "--db", "--site", "--admin-token", "--allow-origin"] {
        assert!(usage.contains(flag), "{flag} missing from usage");
    }

    let unknown = run(&["--bogus"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--bogus"));

    let inside = run(&["--site", ".", "--db", "reports.sqlite3", "--addr", "127.0.0.1:0"]);
    assert_eq!(inside.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&inside.stderr).contains("inside the served folder"));

    let short = run(&["--admin-token", "a"]);
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 32 characters"));

    let missing = run(&["--addr"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--addr needs a value"));
}

#[test]
fn agents_are_added_listed_and_removed_on_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let agents = |args: &[&str]| {
        let out = command(dir.path()).arg("agents").args(args).args(["--db", "team.sqlite3"]).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, _) = agents(&["add", "Mei Lin"]);
    assert_eq!(code, Some(0));
    let token = out.lines().last().unwrap();
    assert!(token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()), "{out}");
    let (code, _, err) = agents(&["add", "Mei Lin"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("already an agent named Mei Lin"), "{err}");
    let (_, out, _) = agents(&["list"]);
    assert!(out.starts_with("Mei Lin\tadded 20"), "{out}");
    assert!(!out.contains(token), "the token is shown only when added");
    let (code, out, _) = agents(&["remove", "Mei Lin"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, _, err) = agents(&["remove", "Mei Lin"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no agent named Mei Lin"));
    let (code, _, err) = agents(&["add", "admin"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("reserved"));
    assert!(dir.path().join("team.sqlite3").is_file());
}

#[test]
fn serves_from_defaults_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("dist")).unwrap();
    std::fs::write(dir.path().join("dist/index.html"), "hello from dist").unwrap();
    let mut child = command(dir.path())
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (port, before) = wait_until_listening(&mut child);
    assert!(port > 0);
    let token_line = before.iter().find(|l| l.starts_with("admin token")).expect("where the token is, printed");
    let path = dir.path().join("data/admin-token");
    assert!(token_line.ends_with(&format!("is in {}", "data/admin-token")), "{token_line}");
    let token = std::fs::read_to_string(&path).unwrap().trim().to_owned();
    assert_eq!(token.len(), 64);
    assert!(!before.iter().any(|l| l.contains(&token)), "the token itself is not in the log");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600, "its owner only");
    }

    assert_eq!(http(port, "GET /api/health HTTP/1.1", ""), (200, r#"{"ok":true}"#.to_owned()));
    assert_eq!(http(port, "GET / HTTP/1.1", "").1, "hello from dist");

    let report = r#"{"schema":"wallet-help.report.v1","id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","created_at":"2025-03-04T05:06:07Z","kind":"feedback","category":"other","locale":"en","description":"Nice widget"}"#;
    let post = "POST /api/reports HTTP/1.1\r\nContent-Type: application/json\r\nIdempotency-Key: 3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    let (status, body) = http(port, post, report);
    assert_eq!(status, 201, "{body}");
    assert!(body.contains("\"reference\":\"WH-"), "{body}");
    assert!(dir.path().join("data/reports.sqlite3").is_file());

    let list = format!("GET /api/reports HTTP/1.1\r\nAuthorization: Bearer {token}");
    let (status, body) = http(port, &list, "");
    assert_eq!(status, 200);
    assert!(body.contains("Nice widget"), "{body}");

    // SIGTERM this child (by its own pid) and expect a clean, prompt exit.
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status}");
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("the collector did not stop within 10 s of SIGTERM");
}
