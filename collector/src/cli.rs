//! Command-line flags and environment variables, parsed by hand (no clap: it would be
//! most of this crate's build time). Pure: the environment comes in as a function, so
//! tests need not touch the process's variables.

use std::path::PathBuf;

use crate::cors;
use crate::store::Location;

pub const USAGE: &str = "\
wallet-help-collector: receives wallet-help reports, stores them in SQLite or PostgreSQL,
serves the widget.

USAGE:
    wallet-help-collector [FLAGS]

FLAGS (each overrides its environment variable):
    --addr HOST:PORT       listen address; port 0 picks a free one
                           [env WALLET_HELP_ADDR, default 127.0.0.1:8080]
    --db FILE|URL          a SQLite file, created with its folder if missing, or a
                           PostgreSQL server, postgres://user:password@host:port/db,
                           which several instances can share
                           [env WALLET_HELP_DB, default data/reports.sqlite3]
    --site DIR             folder served outside /api/ (index.html at /)
                           [env WALLET_HELP_SITE, default dist]
    --admin-token TOKEN    bearer token for GET /api/reports and the inbox, 32+ characters
                           [env WALLET_HELP_ADMIN_TOKEN, default: random, written to
                            admin-token beside the database, readable by its owner only;
                            required with PostgreSQL, where instances must share it]
    --allow-origin ORIGIN  origin allowed by CORS, e.g. https://wallet.example;
                           repeatable or comma-separated; * allows any
                           [env WALLET_HELP_ALLOW_ORIGINS, comma-separated,
                            default: this server's own origin]
    --brand NAME           the wallet's name in the inbox and in the steps users tried
                           [env WALLET_HELP_BRAND, default: the widget's default]
    --webhook URL          posts report.created and message.created events there
                           [env WALLET_HELP_WEBHOOK]
    --webhook-secret S     signs each event (HMAC-SHA256); required with --webhook
                           [env WALLET_HELP_WEBHOOK_SECRET]
    --rate-limit N         reports and answers each client address may post a minute
                           (and at once) [env WALLET_HELP_RATE_LIMIT, default 20]
    --trust-proxy          behind a proxy that sets X-Forwarded-For: count the rate limit
                           by the address it names [env WALLET_HELP_TRUST_PROXY=1]
    --retain-days N        deletes reports (with their files and thread) N days after
                           they arrived, checked hourly [env WALLET_HELP_RETAIN_DAYS,
                           default: kept until deleted]
    -h, --help             print this help

COMMANDS:
    agents add NAME [--db FILE|URL]     adds a support agent; prints their inbox token once
    agents list [--db FILE|URL]         lists the agents
    agents remove NAME [--db FILE|URL]  removes an agent and ends their sessions

ENDPOINTS:
    POST /api/reports      a wallet-help.report.v1 body; 201/200 {\"reference\": ...}
    GET  /api/reports      a page of reports, newest first (Authorization: Bearer TOKEN);
                           ?limit=1..200 (50), &cursor=next_cursor for the next page
    GET  /api/reports/ID   status and thread (Authorization: Bearer STATUS_TOKEN)
    DELETE /api/reports/ID the user deletes their report (the same STATUS_TOKEN)
    POST /api/reports/ID/messages   the user's answer {\"text\"}
    POST /api/reports/ID/status     {\"status\"} (admin token)
    POST /api/reports/ID/replies    {\"text\"} as support (admin token)
    GET  /api/health       {\"ok\": true}
    GET  /inbox            the support team's inbox (sign in with a token)
";

/// Posts a minute per client address unless `--rate-limit` says otherwise.
pub const DEFAULT_RATE_LIMIT: u32 = 20;

/// The admin token opens every report: a short one could be guessed.
pub const MIN_ADMIN_TOKEN: usize = 32;

/// Every flag but `--help` takes a value.
const FLAGS: [&str; 10] = [
    "--addr",
    "--db",
    "--site",
    "--admin-token",
    "--allow-origin",
    "--brand",
    "--webhook",
    "--webhook-secret",
    "--retain-days",
    "--rate-limit",
];

/// Everything `main` needs to start, with defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub addr: String,
    pub db: Location,
    pub site: PathBuf,
    /// `None`: generate one at start.
    pub admin_token: Option<String>,
    /// `None`: the defaults from `cors::default_origins`, known once bound.
    pub allowed_origins: Option<Vec<String>>,
    pub brand: String,
    /// Where events go, and the secret that signs them.
    pub webhook: Option<(String, String)>,
    pub retain_days: Option<u32>,
    pub trust_proxy: bool,
    pub rate_limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Run(Options),
    Help,
    /// `agents …` on the database at `db`.
    Agents {
        db: Location,
        action: AgentAction,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentAction {
    Add(String),
    List,
    Remove(String),
}

/// Parses `args` (without the program name). `Err` is a one-line message for stderr;
/// `main` exits with status 2 on it.
pub fn parse<I>(args: I, env: impl Fn(&str) -> Option<String>) -> Result<Command, String>
where
    I: IntoIterator<Item = String>,
{
    // An empty variable counts as unset, as shells and compose files often leave them.
    let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let mut addr = env("WALLET_HELP_ADDR");
    let mut db = env("WALLET_HELP_DB");
    let mut site = env("WALLET_HELP_SITE");
    let mut admin_token = env("WALLET_HELP_ADMIN_TOKEN");
    let env_origins = env("WALLET_HELP_ALLOW_ORIGINS");
    let mut brand = env("WALLET_HELP_BRAND");
    let mut webhook = env("WALLET_HELP_WEBHOOK");
    let mut webhook_secret = env("WALLET_HELP_WEBHOOK_SECRET");
    let mut retain_days = env("WALLET_HELP_RETAIN_DAYS");
    let mut rate_limit = env("WALLET_HELP_RATE_LIMIT");
    let mut trust_proxy = match env("WALLET_HELP_TRUST_PROXY").as_deref().map(str::trim) {
        None | Some("0" | "false" | "no") => false,
        Some("1" | "true" | "yes") => true,
        Some(other) => return Err(format!("WALLET_HELP_TRUST_PROXY must be 1 or 0, got {other:?}")),
    };
    let mut flag_origins: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        if arg == "--trust-proxy" {
            trust_proxy = true;
            continue;
        }
        // Words (a command and its name) only make sense as the start of `agents …`.
        if !arg.starts_with('-') && (!words.is_empty() || arg == "agents") {
            words.push(arg);
            continue;
        }
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        if !FLAGS.contains(&flag.as_str()) {
            return Err(format!("unknown argument '{arg}' (see --help)"));
        }
        // `--db --site x` is a forgotten value, not a database named "--site".
        let value = match inline.or_else(|| args.next().filter(|next| !next.starts_with("--"))) {
            Some(v) if !v.trim().is_empty() => v,
            _ => return Err(format!("{flag} needs a value (see --help)")),
        };
        match flag.as_str() {
            "--addr" => addr = Some(value),
            "--db" => db = Some(value),
            "--site" => site = Some(value),
            "--admin-token" => admin_token = Some(value),
            "--brand" => brand = Some(value),
            "--webhook" => webhook = Some(value),
            "--webhook-secret" => webhook_secret = Some(value),
            "--retain-days" => retain_days = Some(value),
            "--rate-limit" => rate_limit = Some(value),
            _ => flag_origins.extend(split_origins(&value)),
        }
    }
    let db = Location::parse(db.as_deref().unwrap_or("data/reports.sqlite3"));
    if !words.is_empty() {
        return agents_command(&words, db);
    }
    if let Some(token) = &admin_token {
        if token.trim().chars().count() < MIN_ADMIN_TOKEN {
            return Err(format!(
                "the admin token must be at least {MIN_ADMIN_TOKEN} characters (leave it unset to have one generated)"
            ));
        }
    }
    // Instances on one PostgreSQL serve the same inbox: each drawing its own token would
    // make sign-in depend on which instance answers (and there is no file beside it).
    if admin_token.is_none() && db.file().is_none() {
        return Err(format!(
            "with PostgreSQL, give every instance the same --admin-token (or WALLET_HELP_ADMIN_TOKEN), \
             {MIN_ADMIN_TOKEN} characters or more"
        ));
    }
    let retain_days = match retain_days.map(|d| d.trim().parse::<u32>()) {
        None => None,
        Some(Ok(days)) if (1..=36_500).contains(&days) => Some(days),
        Some(_) => return Err("--retain-days must be a whole number of days from 1 to 36500".into()),
    };
    let rate_limit = match rate_limit.map(|n| n.trim().parse::<u32>()) {
        None => DEFAULT_RATE_LIMIT,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => return Err("--rate-limit must be a whole number of posts a minute, 1 or more".into()),
    };
    let webhook = match (webhook, webhook_secret) {
        (None, None) => None,
        (Some(url), Some(secret)) => {
            check_webhook_url(&url)?;
            if secret.chars().count() < 16 {
                return Err("--webhook-secret must be at least 16 characters".into());
            }
            Some((url, secret))
        }
        (Some(_), None) => return Err("--webhook needs --webhook-secret, so receivers can check events".into()),
        (None, Some(_)) => return Err("--webhook-secret given without --webhook".into()),
    };

    // Flags replace the variable's list rather than adding to it, like every other flag.
    let origins = if flag_origins.is_empty() { env_origins.map(|v| split_origins(&v)) } else { Some(flag_origins) };
    if let Some(origins) = &origins {
        for origin in origins {
            cors::check_origin(origin)?;
        }
    }
    Ok(Command::Run(Options {
        addr: addr.unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
        db,
        site: site.map_or_else(|| PathBuf::from("dist"), PathBuf::from),
        admin_token,
        allowed_origins: origins.filter(|o| !o.is_empty()),
        brand: brand.unwrap_or_else(|| wallet_help::core::config::DEFAULT_BRAND.to_owned()),
        webhook,
        retain_days,
        trust_proxy,
        rate_limit,
    }))
}

fn agents_command(words: &[String], db: Location) -> Result<Command, String> {
    let action = match words {
        [_, add, name] if add == "add" => AgentAction::Add(name.clone()),
        [_, remove, name] if remove == "remove" => AgentAction::Remove(name.clone()),
        [_, list] if list == "list" => AgentAction::List,
        [first, ..] if first != "agents" => return Err(format!("unknown argument '{first}' (see --help)")),
        _ => return Err("use: agents add NAME | agents list | agents remove NAME (see --help)".into()),
    };
    if let AgentAction::Add(name) = &action {
        crate::agents::check_name(name)?;
    }
    Ok(Command::Agents { db, action })
}

/// Events carry users' reports: they go over https, or plain http to this machine (a
/// relay beside the collector).
fn check_webhook_url(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("https://").or_else(|| {
        url.strip_prefix("http://").filter(|r| {
            let host = r.split(['/', '?']).next().unwrap_or("");
            let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
            matches!(host, "127.0.0.1" | "localhost" | "[::1]")
        })
    });
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.chars().any(char::is_whitespace) => Ok(()),
        _ => Err(format!("--webhook {url:?}: use an https:// URL (or http:// to 127.0.0.1 or localhost)")),
    }
}

fn split_origins(list: &str) -> Vec<String> {
    list.split(',').map(cors::normalize_origin).filter(|o| !o.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], env: &[(&str, &str)]) -> Result<Options, String> {
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let lookup = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        match parse(args.iter().map(|s| s.to_string()), lookup)? {
            Command::Run(options) => Ok(options),
            Command::Help => Err("help".into()),
            Command::Agents { .. } => Err("agents".into()),
        }
    }

    #[test]
    fn defaults_without_flags_or_env() {
        let o = run(&[], &[]).unwrap();
        assert_eq!(o.addr, "127.0.0.1:8080");
        assert_eq!(o.db, Location::File(PathBuf::from("data/reports.sqlite3")));
        assert_eq!(o.site, PathBuf::from("dist"));
        assert_eq!(o.admin_token, None);
        assert_eq!(o.allowed_origins, None);
        assert_eq!(o.brand, wallet_help::core::config::DEFAULT_BRAND);
        assert_eq!(o.webhook, None);
        assert_eq!(o.retain_days, None);
        assert!(!o.trust_proxy);
        assert_eq!(o.rate_limit, DEFAULT_RATE_LIMIT);
        assert_eq!(run(&["--rate-limit", "600"], &[]).unwrap().rate_limit, 600);
        assert!(run(&["--rate-limit", "0"], &[]).unwrap_err().contains("--rate-limit"));
        assert!(run(&["--trust-proxy"], &[]).unwrap().trust_proxy);
        assert!(run(&[], &[("WALLET_HELP_TRUST_PROXY", "1")]).unwrap().trust_proxy);
        assert!(run(&[], &[("WALLET_HELP_TRUST_PROXY", "maybe")]).is_err());
    }

    #[test]
    fn retention_is_a_number_of_days() {
        assert_eq!(run(&["--retain-days", "90"], &[]).unwrap().retain_days, Some(90));
        assert_eq!(run(&[], &[("WALLET_HELP_RETAIN_DAYS", "30")]).unwrap().retain_days, Some(30));
        for bad in ["0", "-1", "1.5", "ninety", "99999"] {
            assert!(run(&["--retain-days", bad], &[]).unwrap_err().contains("whole number of days"), "{bad}");
        }
    }

    fn command(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(|s| s.to_string()), |_| None)
    }

    #[test]
    fn agents_commands() {
        let db = Location::File(PathBuf::from("x.db"));
        assert_eq!(
            command(&["agents", "add", "Mei Lin", "--db", "x.db"]),
            Ok(Command::Agents { db: db.clone(), action: AgentAction::Add("Mei Lin".into()) })
        );
        assert_eq!(command(&["--db=x.db", "agents", "list"]), Ok(Command::Agents { db, action: AgentAction::List }));
        assert!(matches!(
            command(&["agents", "remove", "bo"]),
            Ok(Command::Agents { action: AgentAction::Remove(_), .. })
        ));
        assert!(command(&["agents"]).unwrap_err().contains("agents add NAME"));
        assert!(command(&["agents", "add"]).unwrap_err().contains("agents add NAME"));
        assert!(command(&["agents", "add", "admin"]).unwrap_err().contains("reserved"));
        assert!(command(&["agents", "add", "<b>"]).unwrap_err().contains("letters"));
    }

    #[test]
    fn webhook_needs_a_secret_and_a_safe_url() {
        let secret = "0123456789abcdef";
        let ok = |url: &str| command(&["--webhook", url, "--webhook-secret", secret]);
        match ok("https://hooks.example/wh").unwrap() {
            Command::Run(o) => assert_eq!(o.webhook, Some(("https://hooks.example/wh".into(), secret.into()))),
            other => panic!("{other:?}"),
        }
        assert!(ok("http://127.0.0.1:9000/hook").is_ok());
        assert!(ok("http://hooks.example/wh").unwrap_err().contains("https://"));
        assert!(ok("https:///x").is_err());
        assert!(command(&["--webhook", "https://h.example"]).unwrap_err().contains("--webhook-secret"));
        assert!(command(&["--webhook-secret", secret]).unwrap_err().contains("without --webhook"));
        let short = command(&["--webhook", "https://h.example", "--webhook-secret", "short"]);
        assert!(short.unwrap_err().contains("16 characters"));
    }

    #[test]
    fn a_postgres_url_selects_postgres_and_is_shown_without_its_password() {
        let url = "postgres://wh:s3cret@db.internal:5432/reports";
        let token = ("WALLET_HELP_ADMIN_TOKEN", "shared-by-every-instance-0123456789");
        let o = run(&["--db", url], &[token]).unwrap();
        assert_eq!(o.db, Location::Postgres(url.into()));
        assert_eq!(o.db.to_string(), "postgres://…@db.internal:5432/reports");
        assert_eq!(o.db.file(), None, "no file beside which to keep a token");
        let other = run(&[], &[("WALLET_HELP_DB", "postgresql://wh@h/r"), token]).unwrap();
        assert!(matches!(other.db, Location::Postgres(_)));
        assert!(matches!(run(&["--db", "postgres.sqlite3"], &[]).unwrap().db, Location::File(_)));
        let tokenless = run(&["--db", url], &[]);
        assert!(tokenless.unwrap_err().contains("same --admin-token"), "refused before anything starts");
    }

    #[test]
    fn flags_override_env_and_env_overrides_defaults() {
        let env = [
            ("WALLET_HELP_ADDR", "0.0.0.0:9000"),
            ("WALLET_HELP_DB", "/var/lib/wh.db"),
            ("WALLET_HELP_ADMIN_TOKEN", "from-env-0123456789abcdef0123456789"),
            ("WALLET_HELP_ALLOW_ORIGINS", "https://a.example, https://b.example/"),
        ];
        let o = run(&[], &env).unwrap();
        assert_eq!(o.addr, "0.0.0.0:9000");
        assert_eq!(o.db, Location::File(PathBuf::from("/var/lib/wh.db")));
        assert_eq!(o.admin_token.as_deref(), Some("from-env-0123456789abcdef0123456789"));
        assert_eq!(o.allowed_origins.unwrap(), ["https://a.example", "https://b.example"]);

        let flags = [
            "--addr",
            "127.0.0.1:0",
            "--admin-token=flag-0123456789abcdef0123456789abcdef",
            "--allow-origin",
            "https://c.example",
            "--allow-origin=*",
            "--site",
            "web",
        ];
        let o = run(&flags, &env).unwrap();
        assert_eq!(o.addr, "127.0.0.1:0");
        assert_eq!(o.admin_token.as_deref(), Some("flag-0123456789abcdef0123456789abcdef"));
        assert_eq!(o.allowed_origins.unwrap(), ["https://c.example", "*"]);
        assert_eq!(o.site, PathBuf::from("web"));
    }

    #[test]
    fn bad_arguments_are_errors_with_a_message() {
        assert!(run(&["--port", "1"], &[]).unwrap_err().contains("--port"));
        assert!(run(&["serve"], &[]).unwrap_err().contains("serve"));
        assert!(run(&["--db"], &[]).unwrap_err().contains("--db needs a value"));
        assert!(run(&["--db", "--site", "x"], &[]).unwrap_err().contains("--db needs a value"));
        assert!(run(&["--admin-token="], &[]).unwrap_err().contains("needs a value"));
        assert!(run(&["--admin-token", "a"], &[]).unwrap_err().contains("at least 32 characters"));
        assert!(run(&[], &[("WALLET_HELP_ADMIN_TOKEN", &"x".repeat(31))]).is_err());
        assert!(run(&["--admin-token", &"x".repeat(32)], &[]).is_ok());
        assert!(run(&["--allow-origin", "wallet.example"], &[]).unwrap_err().contains("http"));
        assert_eq!(run(&["--addr", "x", "--help"], &[]).unwrap_err(), "help");
    }

    #[test]
    fn empty_env_counts_as_unset() {
        let o = run(&[], &[("WALLET_HELP_ADMIN_TOKEN", ""), ("WALLET_HELP_ADDR", " ")]).unwrap();
        assert_eq!(o.admin_token, None);
        assert_eq!(o.addr, "127.0.0.1:8080");
    }
}
