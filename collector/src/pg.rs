//! Connections to PostgreSQL: a pool (r2d2) of tokio-postgres clients whose sockets are
//! served by a small runtime of the pool's own. The store's methods are blocking (the
//! routes call them on blocking threads, the CLI and the tests call them directly), so a
//! statement is a future sent to the connection and waited on where it was called; the
//! runtime keeps reading and writing the sockets meanwhile. That works on any thread,
//! inside another runtime or not.

use std::sync::Arc;
use std::time::Duration;

use tokio_postgres::{Client, Config, IsolationLevel, NoTls};

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
        let (client, connection) = futures_executor::block_on(self.config.connect(NoTls))?;
        self.runtime.handle().spawn(async move {
            if let Err(e) = connection.await {
                eprintln!("wallet-help collector: PostgreSQL connection closed: {e}");
            }
        });
        Ok(client)
    }

    fn is_valid(&self, client: &mut Client) -> Result<()> {
        Ok(futures_executor::block_on(client.simple_query("")).map(drop)?)
    }

    fn has_broken(&self, client: &mut Client) -> bool {
        client.is_closed()
    }
}

impl Pool {
    /// Connects to `url` (`postgres://user:password@host:port/database`); the error is a
    /// sentence for the operator, without the password.
    pub fn connect(url: &str) -> std::result::Result<Pool, String> {
        let config: Config = url.parse().map_err(|e| format!("the PostgreSQL address is not valid: {e}"))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("wallet-help-postgres")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the PostgreSQL runtime: {e}"))?;
        let place = describe(&config);
        let manager = Manager { config, runtime: Arc::new(Runtime(Some(runtime))) };
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
