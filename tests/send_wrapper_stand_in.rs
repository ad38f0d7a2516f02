//! `patches/send_wrapper` keeps send_wrapper's contract natively: a value used or dropped on
//! another thread than the one that wrapped it panics (in the page there is only one thread).

use std::rc::Rc;
use std::thread;

use leptos::__reexports::send_wrapper::SendWrapper;

#[test]
fn the_wrapping_thread_reads_clones_and_takes_the_value() {
    let w = SendWrapper::new(Rc::new(5));
    assert!(w.valid());
    assert_eq!(**w, 5);
    let c = w.clone();
    assert_eq!(Rc::strong_count(&w), 2);
    assert_eq!(*c.take(), 5);
    assert_eq!(Rc::strong_count(&w.take()), 1);
}

#[test]
fn another_thread_may_not_read_the_value() {
    let w = SendWrapper::new(vec![1, 2, 3]);
    let outcome = thread::spawn(move || {
        assert!(!w.valid());
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| w.len()));
        // Hand the wrapper back rather than drop it here, which would panic too.
        (read.is_err(), w)
    })
    .join()
    .expect("the thread itself ends");
    assert!(outcome.0, "a read on another thread panics");
    assert_eq!(outcome.1.take(), vec![1, 2, 3]);
}

#[test]
fn dropping_on_another_thread_panics_unless_the_drop_is_trivial() {
    let trivial = SendWrapper::new(7u32);
    assert!(thread::spawn(move || drop(trivial)).join().is_ok());
    let owned = SendWrapper::new(String::from("page"));
    assert!(thread::spawn(move || drop(owned)).join().is_err());
}

#[test]
fn a_wrapped_future_is_polled_on_its_thread() {
    let f = SendWrapper::new(async { 42 });
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut f = std::pin::pin!(f);
    assert_eq!(
        std::future::Future::poll(f.as_mut(), &mut cx),
        std::task::Poll::Ready(42)
    );
}
