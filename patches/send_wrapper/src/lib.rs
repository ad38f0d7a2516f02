//! `SendWrapper<T>`: a value that may move between threads but is only used on the thread that
//! made it, as Leptos needs for DOM handles. The API is send_wrapper 0.6's; natively the thread
//! is checked as there (a use from another thread panics). In wasm without threads (the page)
//! there is only one thread, so the check always holds and is compiled out: std's thread
//! handles, asked for on every wrap, access and drop, are no longer in the download.

use std::fmt;
use std::future::Future;
use std::mem::{self, ManuallyDrop};
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::task::{Context, Poll};

/// The thread a value was made on: nothing where there is only one.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Home;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
impl Home {
    fn here() -> Self {
        Home
    }
}

/// The thread a value was made on.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Home(std::thread::ThreadId);

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
impl Home {
    fn here() -> Self {
        Home(std::thread::current().id())
    }
}

/// A value that is `Send` and `Sync` but used only on the thread that wrapped it.
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    home: Home,
}

// Safety: every use of `data` checks that it happens on `home`, and a non-trivial drop too.
unsafe impl<T> Send for SendWrapper<T> {}
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> SendWrapper<T> {
    /// Wraps `data`, made on the current thread.
    pub fn new(data: T) -> Self {
        SendWrapper {
            data: ManuallyDrop::new(data),
            home: Home::here(),
        }
    }

    /// Whether the current thread may use the value.
    pub fn valid(&self) -> bool {
        self.home == Home::here()
    }

    /// The value, taken out; panics on another thread.
    #[track_caller]
    pub fn take(self) -> T {
        self.check();
        let mut this = ManuallyDrop::new(self);
        // Safety: `this` is never dropped, so `data` is taken exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    #[track_caller]
    fn check(&self) {
        if !self.valid() {
            panic!("SendWrapper used on a thread other than the one that made it");
        }
    }
}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    #[track_caller]
    fn deref(&self) -> &T {
        self.check();
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check();
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    #[track_caller]
    fn drop(&mut self) {
        // A trivial drop touches nothing, so any thread may do it; a panic already under way
        // is not doubled.
        if mem::needs_drop::<T>() && !self.valid() {
            if !std::thread::panicking() {
                panic!("SendWrapper dropped on a thread other than the one that made it");
            }
            return;
        }
        // Safety: `data` is dropped here only, once.
        unsafe { ManuallyDrop::drop(&mut self.data) }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper")
            .field("data", self.deref())
            .finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        Self::new(self.deref().clone())
    }
}

impl<F: Future> Future for SendWrapper<F> {
    type Output = F::Output;

    #[track_caller]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.check();
        // Safety: the inner future is pinned whenever the wrapper is.
        unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll(cx)
    }
}

#[cfg(feature = "futures")]
impl<S: futures_core::Stream> futures_core::Stream for SendWrapper<S> {
    type Item = S::Item;

    #[track_caller]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.check();
        // Safety: the inner stream is pinned whenever the wrapper is.
        unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll_next(cx)
    }
}
