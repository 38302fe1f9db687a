//! Guard against stale results: every keystroke takes a [`Ticket`]; when its results are
//! ready (after a debounce, or after the index was built on first use) they are shown only
//! if no newer keystroke took a ticket meanwhile.

use std::cell::Cell;

/// The sequence of search requests. Takes `&self` (a `Cell` inside) so it can be shared in
/// an `Rc` between a component and the callbacks it spawns without a `RefCell`.
#[derive(Debug, Default)]
pub struct Latest {
    newest: Cell<u64>,
}

/// One request's place in the sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

impl Latest {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a request; every earlier ticket becomes stale.
    pub fn ticket(&self) -> Ticket {
        let next = self.newest.get() + 1;
        self.newest.set(next);
        Ticket(next)
    }

    /// Whether `ticket` is still the newest request, i.e. its results may be shown.
    pub fn is_current(&self, ticket: Ticket) -> bool {
        ticket.0 == self.newest.get()
    }
}
