//! Connections to PostgreSQL: a pool (r2d2) of tokio-postgres clients whose sockets are
//! served by a small runtime of the pool's own. The store's methods are blocking (the
//! routes call them on blocking threads, the CLI and the tests call them directly), so a
//! statement is a future sent to the connection and waited on where it was called; the
//! runtime keeps reading and writing the sockets meanwhile. That works on any thread,
//! inside another runtime or not.
//!
//! TLS (rustls) when the address asks for it, with libpq's words: `sslmode=require`,
//! `verify-ca` or `verify-full` encrypt and check the server's certificate against the
//! public roots and the CA file `sslrootcert=` names (a managed database's own CA).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio_postgres::config::SslMode;
use tokio_postgres::tls::TlsStream;
use tokio_postgres::{Client, Config, Connection, IsolationLevel, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::db::{Error, PostgresTx, Result, Tx};

/// Connections per collector instance: enough for every blocking thread that writes at
/// once on two cores, few enough that ten instances stay under PostgreSQL's default 100.
const POOL_SIZE: u32 = 8;

/// How long a request waits for a free connection (or a new one) before it is answered 503.
const WAIT: Duration = Duration::from_secs(10);

pub struct Pool {
    pool: r2d2::Pool<Manager>,
}

struct Manager {
    config: Config,
    /// `None`: plain TCP (the address did not ask for TLS).
    tls: Option<MakeRustlsConnect>,
    runtime: Arc<Runtime>,
}

/// The runtime that serves the sockets. Shut down without waiting when the store goes:
/// dropping a runtime the ordinary way inside another one (as in the tests) would panic.
struct Runtime(Option<tokio::runtime::Runtime>);

impl Runtime {
    fn handle(&self) -> &tokio::runtime::Handle {
        self.0.as_ref().expect("the runtime lives as long as the pool").handle()
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = Client;
    type Error = Error;

    fn connect(&self) -> Result<Client> {
        let _inside = self.runtime.handle().enter();
        Ok(match &self.tls {
            Some(tls) => {
                let (client, connection) = futures_executor::block_on(self.config.connect(tls.clone()))?;
                self.serve(connection);
                client
            }
            None => {
                let (client, connection) = futures_executor::block_on(self.config.connect(NoTls))?;
                self.serve(connection);
                client
            }
        })
    }

    fn is_valid(&self, client: &mut Client) -> Result<()> {
        Ok(futures_executor::block_on(client.simple_query("")).map(drop)?)
    }

    fn has_broken(&self, client: &mut Client) -> bool {
        client.is_closed()
    }
}

impl Manager {
    /// Hands the connection's socket to the pool's runtime for as long as it is open.
    fn serve<S, T>(&self, connection: Connection<S, T>)
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
        T: TlsStream + Unpin + Send + 'static,
    {
        self.runtime.handle().spawn(async move {
            if let Err(e) = connection.await {
                eprintln!("wallet-help collector: PostgreSQL connection closed: {e}");
            }
        });
    }
}

impl Pool {
    /// Connects to `url` (`postgres://user:password@host:port/database`); the error is a
    /// sentence for the operator, without the password.
    pub fn connect(url: &str) -> std::result::Result<Pool, String> {
        let (url, root_cert) = libpq_tls_words(url);
        let config: Config = url.parse().map_err(|e| format!("the PostgreSQL address is not valid: {e}"))?;
        let tls = match config.get_ssl_mode() {
            SslMode::Require => Some(tls(root_cert)?),
            _ => None,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("wallet-help-postgres")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the PostgreSQL runtime: {e}"))?;
        let place = describe(&config);
        let manager = Manager { config, tls, runtime: Arc::new(Runtime(Some(runtime))) };
        // A first connection now, so a wrong address or password stops the start with the
        // server's own reason rather than the pool's timeout.
        manager_check(&manager).map_err(|e| format!("cannot connect to PostgreSQL at {place}: {e}"))?;
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(1))
            .connection_timeout(WAIT)
            .build(manager)
            .map_err(|e| format!("cannot connect to PostgreSQL at {place}: {e}"))?;
        Ok(Pool { pool })
    }

    /// Runs `f` in one transaction and commits if it returns `Ok`. `read_only` ones see one
    /// snapshot throughout (REPEATABLE READ), so a page and its counts agree.
    pub fn transaction<T>(&self, read_only: bool, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let mut builder = client.build_transaction();
        if read_only {
            builder = builder.isolation_level(IsolationLevel::RepeatableRead).read_only(true);
        }
        let tx = futures_executor::block_on(builder.start())?;
        let mut tx = PostgresTx(tx);
        let out = f(&mut tx)?;
        futures_executor::block_on(tx.0.commit())?;
        Ok(out)
    }
}

fn manager_check(manager: &Manager) -> Result<()> {
    use r2d2::ManageConnection;
    let mut client = manager.connect()?;
    manager.is_valid(&mut client)
}

/// The address in the words tokio-postgres reads, and the CA file it named. libpq's
/// `sslmode=verify-ca` and `verify-full` become `require` (which is verified here too), and
/// `sslrootcert=FILE` is taken out, as tokio-postgres knows neither.
fn libpq_tls_words(url: &str) -> (String, Option<PathBuf>) {
    let Some((base, query)) = url.split_once('?') else { return (url.to_owned(), None) };
    let mut root_cert = None;
    let mut kept = Vec::new();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sslrootcert", path)) => root_cert = Some(PathBuf::from(path)),
            Some(("sslmode", "verify-ca" | "verify-full")) => kept.push("sslmode=require"),
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
    (url, root_cert)
}

/// rustls with the public roots (Mozilla's, as browsers trust) and the certificates in
/// `root_cert`: the server must show a certificate for the host in the address.
fn tls(root_cert: Option<PathBuf>) -> std::result::Result<MakeRustlsConnect, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::CertificateDer;
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = root_cert {
        let unreadable = |e: rustls::pki_types::pem::Error| format!("cannot read the CA file {}: {e}", path.display());
        for cert in CertificateDer::pem_file_iter(&path).map_err(unreadable)? {
            roots.add(cert.map_err(unreadable)?).map_err(|e| format!("the CA file {}: {e}", path.display()))?;
        }
    }
    // ring, as the webhook client (ureq) uses: deprecated only for lacking post-quantum key
    // exchange; the other provider, aws-lc-rs, would add a C library to the build.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// `host:port/database` for messages; never the password.
fn describe(config: &Config) -> String {
    let host = match config.get_hosts().first() {
        Some(tokio_postgres::config::Host::Tcp(h)) => h.clone(),
        Some(tokio_postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".to_owned(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("{host}:{port}/{}", config.get_dbname().unwrap_or(config.get_user().unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libpq_tls_words_are_read_and_the_rest_kept() {
        let (url, ca) =
            libpq_tls_words("postgres://u@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem&application_name=wh");
        assert_eq!(url, "postgres://u@h/db?sslmode=require&application_name=wh");
        assert_eq!(ca, Some(PathBuf::from("/etc/ca.pem")));
        assert_eq!(libpq_tls_words("postgres://u@h/db"), ("postgres://u@h/db".into(), None));
        assert_eq!(libpq_tls_words("postgres://u@h/db?sslrootcert=x").0, "postgres://u@h/db");
    }

    #[test]
    fn a_missing_ca_file_is_named() {
        let error = tls(Some(PathBuf::from("/nonexistent/ca.pem"))).err().unwrap();
        assert!(error.contains("cannot read the CA file /nonexistent/ca.pem"), "{error}");
    }
}
