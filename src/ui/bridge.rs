//! The way into the running app from outside Yew: the JS API (`open`, `close`, …) sends
//! actions through a [`Bridge`]; actions sent before the app's first render wait in a queue.

use crate::core::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

#[derive(Clone, Default)]
pub struct Bridge(Rc<RefCell<Inner>>);

#[derive(Default)]
struct Inner {
    dispatch: Option<Callback<Action>>,
    queue: Vec<Action>,
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Bridge {
    pub fn send(&self, action: Action) {
        // Clone the callback out so no borrow is held while the app handles the action.
        let dispatch = self.0.borrow().dispatch.clone();
        match dispatch {
            Some(d) => d.emit(action),
            None => self.0.borrow_mut().queue.push(action),
        }
    }

    /// Called by the app once it runs: replays what was queued, in order.
    pub fn connect(&self, dispatch: Callback<Action>) {
        let queued = {
            let mut inner = self.0.borrow_mut();
            inner.dispatch = Some(dispatch.clone());
            std::mem::take(&mut inner.queue)
        };
        for action in queued {
            dispatch.emit(action);
        }
    }
}
