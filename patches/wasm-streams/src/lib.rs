//! The part of wasm-streams' API that server_fn's browser client names, without its exported
//! `IntoUnderlying*` classes. Anneal calls no server function, so none of this runs; a response
//! body is still read as a stream, and a streaming request body is refused with an error.
use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where wasm-streams keeps its raw stream type.
pub mod readable {
    /// The raw JS types.
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A JS `ReadableStream`, read from Rust as a stream of chunks.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JS stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Refused: wasm-streams would export a JS class to feed a Rust stream to `fetch`.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str("streaming request bodies are not built into this page")
    }

    /// The JS stream back.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The stream's chunks, read one `read()` at a time until it is done or fails.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + 'static {
        let reader: web_sys::ReadableStreamDefaultReader = self.raw.get_reader().unchecked_into();
        stream::unfold(Some(reader), |reader| async move {
            let reader = reader?;
            match JsFuture::from(reader.read()).await {
                Err(e) => Some((Err(e), None)),
                Ok(result) => {
                    let result: web_sys::ReadableStreamReadResult = result.unchecked_into();
                    if result.get_done().unwrap_or(false) {
                        None
                    } else {
                        Some((Ok(result.get_value()), Some(reader)))
                    }
                }
            }
        })
    }
}
