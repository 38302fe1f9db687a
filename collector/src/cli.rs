//! Command-line flags and environment variables, parsed by hand (no clap: it would be
//! most of this crate's build time). Pure: the environment comes in as a function, so
//! tests need not touch the process's variables.

use std::path::PathBuf;

use crate::cors;

pub const USAGE: &str = "\
wallet-help-collector: receives wallet-help reports, stores them in SQLite, serves the widget.

USAGE:
    wallet-help-collector [FLAGS]

FLAGS (each overrides its environment variable):
    --addr HOST:PORT       listen address; port 0 picks a free one
                           [env WALLET_HELP_ADDR, default 127.0.0.1:8080]
    --db FILE              SQLite database, created with its folder if missing
                           [env WALLET_HELP_DB, default data/reports.sqlite3]
    --site DIR             folder served outside /api/ (index.html at /)
                           [env WALLET_HELP_SITE, default dist]
    --admin-token TOKEN    bearer token for GET /api/reports
                           [env WALLET_HELP_ADMIN_TOKEN, default: random, printed at start]
    --allow-origin ORIGIN  origin allowed by CORS, e.g. https://wallet.example;
                           repeatable or comma-separated; * allows any
                           [env WALLET_HELP_ALLOW_ORIGINS, comma-separated,
                            default: this server's own origin]
    -h, --help             print this help

ENDPOINTS:
    POST /api/reports      a wallet-help.report.v1 body; 201/200 {\"reference\": ...}
    GET  /api/reports      all reports, newest first (Authorization: Bearer TOKEN)
    GET  /api/health       {\"ok\": true}
";

/// Every flag but `--help` takes a value.
const FLAGS: [&str; 5] = ["--addr", "--db", "--site", "--admin-token", "--allow-origin"];

/// Everything `main` needs to start, with defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub addr: String,
    pub db: PathBuf,
    pub site: PathBuf,
    /// `None`: generate one at start.
    pub admin_token: Option<String>,
    /// `None`: the defaults from `cors::default_origins`, known once bound.
    pub allowed_origins: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Run(Options),
    Help,
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
    let mut flag_origins: Vec<String> = Vec::new();

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
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
            _ => flag_origins.extend(split_origins(&value)),
        }
    }

    // Flags replace the variable's list rather than adding to it, like every other flag.
    let origins = if flag_origins.is_empty() { env_origins.map(|v| split_origins(&v)) } else { Some(flag_origins) };
    if let Some(origins) = &origins {
        for origin in origins {
            cors::check_origin(origin)?;
        }
    }
    Ok(Command::Run(Options {
        addr: addr.unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
        db: db.map_or_else(|| PathBuf::from("data/reports.sqlite3"), PathBuf::from),
        site: site.map_or_else(|| PathBuf::from("dist"), PathBuf::from),
        admin_token,
        allowed_origins: origins.filter(|o| !o.is_empty()),
    }))
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
        }
    }

    #[test]
    fn defaults_without_flags_or_env() {
        let o = run(&[], &[]).unwrap();
        assert_eq!(o.addr, "127.0.0.1:8080");
        assert_eq!(o.db, PathBuf::from("data/reports.sqlite3"));
        assert_eq!(o.site, PathBuf::from("dist"));
        assert_eq!(o.admin_token, None);
        assert_eq!(o.allowed_origins, None);
    }

    #[test]
    fn flags_override_env_and_env_overrides_defaults() {
        let env = [
            ("WALLET_HELP_ADDR", "0.0.0.0:9000"),
            ("WALLET_HELP_DB", "/var/lib/wh.db"),
            ("WALLET_HELP_ADMIN_TOKEN", "from-env"),
            ("WALLET_HELP_ALLOW_ORIGINS", "https://a.example, https://b.example/"),
        ];
        let o = run(&[], &env).unwrap();
        assert_eq!(o.addr, "0.0.0.0:9000");
        assert_eq!(o.db, PathBuf::from("/var/lib/wh.db"));
        assert_eq!(o.admin_token.as_deref(), Some("from-env"));
        assert_eq!(o.allowed_origins.unwrap(), ["https://a.example", "https://b.example"]);

        let flags = [
            "--addr",
            "127.0.0.1:0",
            "--admin-token=flag",
            "--allow-origin",
            "https://c.example",
            "--allow-origin=*",
            "--site",
            "web",
        ];
        let o = run(&flags, &env).unwrap();
        assert_eq!(o.addr, "127.0.0.1:0");
        assert_eq!(o.admin_token.as_deref(), Some("flag"));
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
