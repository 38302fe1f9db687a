//! Serving on the open internet. The report endpoint is public by design, so the collector
//! must bound what one client can take:
//! - a connection has [`Limits::header_timeout`] to send its request's headers (a client that
//!   drips them a byte at a time is cut off), and a request [`Limits::body_timeout`] to send
//!   its body (408);
//! - each client address may post [`Limits::per_minute`] reports or answers a minute after a
//!   burst of [`Limits::burst`] (429 with `Retry-After`, which the widget honours);
//! - at most [`Limits::in_flight_bytes`] of posts are read and checked at once (429), so
//!   parallel maximum-size reports cannot run the server out of memory.
//!
//! axum's own `serve` sets no timer, so hyper would wait for headers forever: this is the
//! same accept loop with the timer and timeout set.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{KeyExtractor, PeerIpKeyExtractor, SmartIpKeyExtractor};
use tower_governor::{GovernorError, GovernorLayer};

use crate::error::ApiError;
use crate::AppState;

/// What one client may take. `Limits::default()` is what the collector runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    /// Posts per client address and minute, after `burst` at once.
    pub per_minute: u32,
    pub burst: u32,
    /// Bytes of posts (as their `Content-Length` declares) read and checked at the same
    /// time, from every client together: many small reports at once, or a few of the
    /// largest, never enough to run the server out of memory.
    pub in_flight_bytes: usize,
    /// Behind a proxy, the client is the first address of `X-Forwarded-For` (or
    /// `X-Real-IP`, `Forwarded`), not the proxy. Only when the proxy sets them: anyone
    /// else could write any address there.
    pub trust_proxy: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            // An 8 MiB report on a 1 Mbit/s phone link takes about 70 s.
            body_timeout: Duration::from_secs(120),
            // A family or an office behind one address still sends a few reports each.
            per_minute: crate::cli::DEFAULT_RATE_LIMIT,
            burst: crate::cli::DEFAULT_RATE_LIMIT,
            // Five of the largest reports, or hundreds of ordinary ones.
            in_flight_bytes: 48 * 1024 * 1024,
            trust_proxy: false,
        }
    }
}

/// `route` with the rate limit and the in-flight limit of `limits` around it.
pub fn limited(route: MethodRouter<AppState>, limits: &Limits) -> MethodRouter<AppState> {
    // One permit per KiB; a body of unknown length counts as the largest allowed.
    let budget = (limits.in_flight_bytes / 1024).max(1);
    let slots = Arc::new(Semaphore::new(budget));
    let route = route.layer(axum::middleware::from_fn(move |request: Request, next: Next| {
        let slots = slots.clone();
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(crate::MAX_BODY_BYTES);
        let weight = u32::try_from((declared.min(crate::MAX_BODY_BYTES) / 1024 + 1).min(budget)).unwrap_or(u32::MAX);
        async move {
            match slots.try_acquire_many_owned(weight) {
                // Held until the answer is ready, the body read and checked.
                Ok(_permit) => next.run(request).await,
                Err(_) => too_many("the server is busy; the report will be sent again shortly", 5),
            }
        }
    }));
    if limits.trust_proxy {
        rate_limited(route, limits, SmartIpKeyExtractor)
    } else {
        rate_limited(route, limits, PeerIpKeyExtractor)
    }
}

fn rate_limited<K>(route: MethodRouter<AppState>, limits: &Limits, key: K) -> MethodRouter<AppState>
where
    K: KeyExtractor + Send + Sync + 'static,
    K::Key: Send + Sync + 'static,
{
    // Nanoseconds, so even a very high limit keeps a period above zero.
    let period = Duration::from_nanos((60_000_000_000 / u64::from(limits.per_minute.max(1))).max(1));
    let config = GovernorConfigBuilder::default()
        .key_extractor(key)
        .period(period)
        .burst_size(limits.burst.max(1))
        .finish()
        .expect("a period and burst above zero");
    let config = Arc::new(config);
    // The limiter keeps one entry per address it saw: forget the idle ones now and then.
    let limiter = config.limiter().clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            limiter.retain_recent();
        }
    });
    route.layer(GovernorLayer::new(config).error_handler(|error| match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            too_many("too many reports from this address; it will be sent again later", wait_time.max(1))
        }
        // No address to count against: only a misconfigured server does this.
        other => ApiError::internal("could not apply the rate limit", other).into_response(),
    }))
}

/// A 429 the widget understands: `Retry-After` and a sentence.
fn too_many(message: &str, seconds: u64) -> Response {
    let mut response = ApiError::new(StatusCode::TOO_MANY_REQUESTS, message).into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets open requests finish
/// (for at most ten seconds).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let router = router.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(limits.body_timeout));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, usually: wait rather than spin.
                    eprintln!("wallet-help-collector: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router.clone().map_request(move |mut request: Request<hyper::body::Incoming>| {
            // What the rate limit counts by, as `into_make_service_with_connect_info` gives it.
            request.extensions_mut().insert(ConnectInfo(peer));
            request.map(Body::new)
        });
        let mut builder = Builder::new(TokioExecutor::new());
        builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that went away or timed out is not the server's error.
            let _ = connection.await;
        });
    }
    drop(listener);
    if tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await.is_err() {
        eprintln!("wallet-help-collector: some requests were still open after 10 s; stopping anyway");
    }
    Ok(())
}
