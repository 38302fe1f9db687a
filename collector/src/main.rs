//! The `wallet-help-collector` binary: reads flags, opens the database, binds, prints
//! the line scripts wait for, and serves until Ctrl-C or SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use wallet_help_collector::cli::{self, AgentAction, Command, Options};
use wallet_help_collector::store::Location;
use wallet_help_collector::{app, cors, random, serve, webhook, AppState, Config, Store};

fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Agents { db, action }) => {
            return match agents(&db, action) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => fail(message),
            }
        }
        Err(message) => {
            eprintln!("wallet-help-collector: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return fail(format!("cannot start the async runtime: {e}")),
    };
    match runtime.block_on(serve(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(message),
    }
}

/// `agents add | list | remove`: runs against the database and exits; a running collector
/// sees the change at the next sign-in, as both read the same tables.
fn agents(db: &Location, action: AgentAction) -> Result<(), String> {
    let store = Store::open_at(db)?;
    let failed = |e: wallet_help_collector::store::Error| format!("database {db}: {e}");
    match action {
        AgentAction::Add(name) => match store.add_agent(&name).map_err(failed)? {
            Some(token) => {
                println!("added agent {name}; their inbox token (shown only now):\n{token}");
                Ok(())
            }
            None => Err(format!("there is already an agent named {name}")),
        },
        AgentAction::List => {
            let agents = store.agents().map_err(failed)?;
            if agents.is_empty() {
                println!("no agents yet: add one with `agents add NAME`");
            }
            for (name, added) in agents {
                println!("{name}\tadded {added}");
            }
            Ok(())
        }
        AgentAction::Remove(name) => {
            if store.remove_agent(&name).map_err(failed)? {
                println!("removed agent {name} and ended their sessions");
                Ok(())
            } else {
                Err(format!("there is no agent named {name}"))
            }
        }
    }
}

fn fail(message: String) -> ExitCode {
    eprintln!("wallet-help-collector: {message}");
    ExitCode::FAILURE
}

async fn serve(options: Options) -> Result<(), String> {
    if let Some(file) = options.db.file() {
        wallet_help_collector::site::check_database_outside(&options.site, file)?;
    }
    let location = options.db.clone();
    // Opening blocks (PostgreSQL waits for its first connection): off the async threads.
    let store = tokio::task::spawn_blocking(move || Store::open_at(&location))
        .await
        .map_err(|e| format!("cannot open the database: {e}"))??
        .queue_events(options.webhook.is_some());
    let listener = tokio::net::TcpListener::bind(&options.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", options.addr))?;
    let local = listener.local_addr().map_err(|e| format!("cannot read the bound address: {e}"))?;

    let admin_token = match (options.admin_token, options.db.file()) {
        (Some(token), _) => token,
        (None, None) => unreachable!("cli::parse requires an admin token with PostgreSQL"),
        (None, Some(file)) => {
            let token = random::token();
            // Into a file only this user can read, beside the database; logs are often
            // kept and shared, so the token itself never goes to them.
            let path = file.with_file_name("admin-token");
            write_private(&path, &token)
                .map_err(|e| format!("cannot write the admin token to {}: {e}", path.display()))?;
            println!("admin token (generated; set WALLET_HELP_ADMIN_TOKEN to choose one) is in {}", path.display());
            token
        }
    };
    // The defaults need the real port, which `--addr …:0` only reveals after binding.
    let allowed_origins = options.allowed_origins.unwrap_or_else(|| cors::default_origins(local));
    if !options.site.join("index.html").is_file() {
        eprintln!(
            "wallet-help-collector: note: {} has no index.html; only the API is useful until the site is built",
            options.site.display()
        );
    }
    let webhook = options.webhook.map(|(url, secret)| webhook::Target::new(url, secret));
    let limits = serve::Limits {
        trust_proxy: options.trust_proxy,
        per_minute: options.rate_limit,
        burst: options.rate_limit,
        ..serve::Limits::default()
    };
    let config = Config {
        admin_token,
        allowed_origins,
        site_dir: options.site,
        brand: options.brand,
        webhook,
        retain_days: options.retain_days,
        limits: Some(limits.clone()),
    };
    let state = AppState::new(store, config);
    webhook::spawn(&state);
    wallet_help_collector::spawn_retention(&state);
    let router = app(state);

    // Tests and scripts parse this exact line, so it goes out in one flushed write.
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "wallet-help collector listening on http://{local}")
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write to stdout: {e}"))?;
    drop(stdout);

    serve::serve(listener, router, &limits, shutdown_signal()).await.map_err(|e| format!("server error: {e}"))
}

/// Writes `text` to a new file readable and writable by its owner only (mode 0600 on Unix).
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let _ = std::fs::remove_file(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(format!("{text}\n").as_bytes())
}

/// Resolves on Ctrl-C, or on SIGTERM (what `docker stop` and systemd send), so
/// in-flight requests finish and SQLite closes cleanly.
async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, wait forever rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    eprintln!("wallet-help-collector: shutting down");
}
