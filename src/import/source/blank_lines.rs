//! Keeps blank lines of a CSV stream as rows.
//!
//! The csv crate skips empty lines, and then reports the next record as
//! starting on the blank line, so row numbers drift from the ones Excel shows.
//! This reader writes a lone delimiter on every empty line outside quotes,
//! which turns it into a row of empty cells. It changes nothing else.
//!
//! Since it follows the quoting anyway, it also keeps the csv reader from
//! holding a monstrous row: a field or a row with more bytes than any
//! allowed one can have, or more fields than Excel has columns, is cut
//! there and refused (the bytes before it pass, the error comes next).

use super::limits::{Exceeded, Limit, MAX_CELL_CHARS, MAX_ROW_CHARS};
use std::io::{self, Read};

/// Bytes of a field past which it certainly has too many characters (a
/// character takes at most 4 bytes in UTF-8).
const FIELD_BYTES: usize = 4 * MAX_CELL_CHARS;
/// The same for a row.
const ROW_BYTES: usize = 4 * MAX_ROW_CHARS;
/// Fields of a row: Excel's last column, XFD.
const MAX_FIELDS: usize = 16_384;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Outside quotes; the flags say where in the line we are.
    Plain {
        line_start: bool,
        field_start: bool,
    },
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first of
    /// a doubled quote.
    QuoteInQuoted,
}

pub(super) struct BlankLines<R> {
    inner: R,
    delimiter: u8,
    state: State,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    /// `buf[start]` has been through `step`.
    stepped: bool,
    /// A delimiter is to be written before `buf[start]`.
    owe_delimiter: bool,
    /// Bytes of the current field and row, and the field's index.
    field_bytes: usize,
    row_bytes: usize,
    column: usize,
    /// A limit passed: every read from now on is this error.
    fail: Option<Exceeded>,
}

impl<R: Read> BlankLines<R> {
    pub(super) fn new(inner: R, delimiter: u8) -> Self {
        BlankLines {
            inner,
            delimiter,
            state: State::Plain {
                line_start: true,
                field_start: true,
            },
            buf: vec![0; 16 * 1024].into_boxed_slice(),
            start: 0,
            end: 0,
            stepped: false,
            owe_delimiter: false,
            field_bytes: 0,
            row_bytes: 0,
            column: 0,
            fail: None,
        }
    }

    /// Counts byte `b`, seen in state `before`, against the limits.
    fn count(&mut self, before: State, b: u8) {
        let outside = !matches!(before, State::Quoted);
        if outside && (b == b'\n' || b == b'\r') {
            self.field_bytes = 0;
            self.row_bytes = 0;
            self.column = 0;
            return;
        }
        self.row_bytes += 1;
        if outside && b == self.delimiter {
            self.field_bytes = 0;
            self.column += 1;
        } else {
            self.field_bytes += 1;
        }
        self.check();
    }

    fn check(&mut self) {
        let limit = if self.field_bytes > FIELD_BYTES {
            Limit::CellChars
        } else if self.row_bytes > ROW_BYTES {
            Limit::RowChars
        } else if self.column >= MAX_FIELDS {
            Limit::Columns
        } else {
            return;
        };
        let column = (limit != Limit::RowChars).then_some(self.column);
        self.fail = Some(Exceeded {
            limit,
            row: None,
            column,
        });
    }

    /// Moves the state past byte `b`; true when a delimiter must go before it.
    fn step(&mut self, b: u8) -> bool {
        self.count(self.state, b);
        let line_end = b == b'\n' || b == b'\r';
        let (next, inject) = match self.state {
            State::Plain {
                line_start,
                field_start,
            } => {
                if line_end {
                    (
                        State::Plain {
                            line_start: b == b'\n',
                            field_start: true,
                        },
                        line_start,
                    )
                } else if b == b'"' && field_start {
                    (State::Quoted, false)
                } else if b == self.delimiter {
                    (
                        State::Plain {
                            line_start: false,
                            field_start: true,
                        },
                        false,
                    )
                } else {
                    (
                        State::Plain {
                            line_start: false,
                            field_start: false,
                        },
                        false,
                    )
                }
            }
            State::Quoted => (
                if b == b'"' {
                    State::QuoteInQuoted
                } else {
                    State::Quoted
                },
                false,
            ),
            State::QuoteInQuoted => match b {
                b'"' => (State::Quoted, false),
                b'\n' => (
                    State::Plain {
                        line_start: true,
                        field_start: true,
                    },
                    false,
                ),
                _ if b == self.delimiter || b == b'\r' => (
                    State::Plain {
                        line_start: false,
                        field_start: true,
                    },
                    false,
                ),
                _ => (
                    State::Plain {
                        line_start: false,
                        field_start: false,
                    },
                    false,
                ),
            },
        };
        self.state = next;
        inject
    }
}

impl<R: Read> Read for BlankLines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if let Some(x) = &self.fail {
            return Err(x.clone().into_io());
        }
        if self.start == self.end && !out.is_empty() {
            self.end = self.inner.read(&mut self.buf)?;
            self.start = 0;
        }
        let mut n = 0;
        while self.start < self.end && n < out.len() {
            // Inside a field the state changes only at a few bytes: copy the
            // run up to the next one as it is.
            if !self.stepped {
                // An ordinary byte (not a line end, delimiter or quote) at
                // the start of a field or line only moves into the field.
                let b = self.buf[self.start];
                if matches!(self.state, State::Plain { .. })
                    && !matches!(b, b'\n' | b'\r' | b'"')
                    && b != self.delimiter
                {
                    self.state = State::Plain {
                        line_start: false,
                        field_start: false,
                    };
                }
                let avail = (self.end - self.start).min(out.len() - n);
                let from = &self.buf[self.start..self.start + avail];
                let next = match self.state {
                    State::Plain {
                        line_start: false,
                        field_start: false,
                    } => Some(memchr::memchr3(b'\n', b'\r', self.delimiter, from)),
                    State::Quoted => Some(memchr::memchr(b'"', from)),
                    _ => None,
                };
                if let Some(next) = next {
                    let run = next.unwrap_or(avail);
                    // Both counters are within their limits here.
                    let allowed = run
                        .min(FIELD_BYTES - self.field_bytes)
                        .min(ROW_BYTES - self.row_bytes);
                    out[n..n + allowed].copy_from_slice(&from[..allowed]);
                    n += allowed;
                    self.start += allowed;
                    self.field_bytes += allowed;
                    self.row_bytes += allowed;
                    if allowed < run {
                        self.field_bytes += 1;
                        self.row_bytes += 1;
                        self.check();
                        break;
                    }
                    if run > 0 {
                        continue;
                    }
                }
            }
            let b = self.buf[self.start];
            if !self.stepped {
                self.stepped = true;
                self.owe_delimiter = self.step(b);
                if self.fail.is_some() {
                    break;
                }
            }
            if self.owe_delimiter {
                out[n] = self.delimiter;
                self.owe_delimiter = false;
            } else {
                out[n] = b;
                self.start += 1;
                self.stepped = false;
            }
            n += 1;
        }
        match &self.fail {
            Some(x) if n == 0 => Err(x.clone().into_io()),
            _ => Ok(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(text: &str, chunk: usize) -> String {
        struct Chunks<'a>(&'a [u8], usize);
        impl Read for Chunks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = Vec::new();
        let mut r = BlankLines::new(Chunks(text.as_bytes(), chunk), b';');
        let mut small = [0u8; 3];
        loop {
            let n = r.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&small[..n]);
        }
        String::from_utf8(out).unwrap()
    }

    /// The same stream through `step` alone, one byte at a time.
    fn byte_by_byte(text: &str) -> String {
        let mut r = BlankLines::new(io::empty(), b';');
        let mut out = Vec::new();
        for &b in text.as_bytes() {
            if r.step(b) {
                out.push(b';');
            }
            out.push(b);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn copying_runs_at_once_gives_what_stepping_byte_by_byte_gives() {
        let alphabet = ['a', 'é', ';', ';', '\n', '\n', '\r', '"', ' '];
        for text in crate::text::sample_strings(&alphabet, 20_000, 0x3C6E_F372_FE94_F82B) {
            for chunk in [1, 3, 1000] {
                assert_eq!(through(&text, chunk), byte_by_byte(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn empty_lines_become_rows_of_empty_cells() {
        for chunk in [1, 2, 7, 1000] {
            assert_eq!(through("a;b\n\nc;d\n", chunk), "a;b\n;\nc;d\n");
            assert_eq!(through("\r\na\r\n\r\n", chunk), ";\r\na\r\n;\r\n");
        }
    }

    fn error_after(text: &[u8]) -> (usize, Option<Exceeded>) {
        let mut r = BlankLines::new(text, b';');
        let mut out = Vec::new();
        let mut buf = [0u8; 1000];
        loop {
            match r.read(&mut buf) {
                Ok(0) => return (out.len(), None),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out.len(), Exceeded::from_io(&e)),
            }
        }
    }

    #[test]
    fn a_monstrous_field_or_row_is_cut_where_it_passes_the_limit() {
        let mut text = b"a;b\nc;".to_vec();
        text.extend(std::iter::repeat_n(b'x', FIELD_BYTES + 100));
        let (given, e) = error_after(&text);
        assert_eq!(given, 6 + FIELD_BYTES, "the bytes before the limit pass");
        let e = e.unwrap();
        assert_eq!((e.limit, e.column), (Limit::CellChars, Some(1)));

        let mut quoted = b"\"".to_vec();
        quoted.extend(std::iter::repeat_n(b'\n', FIELD_BYTES + 1));
        assert_eq!(error_after(&quoted).1.unwrap().limit, Limit::CellChars);

        let row = "y;".repeat(ROW_BYTES / 2 + 1);
        let e = error_after(row.as_bytes()).1.unwrap();
        assert_eq!(e.limit, Limit::Columns, "{e:?}");
        let row = format!("{};", "z".repeat(1000)).repeat(ROW_BYTES / 1000 + 1);
        assert_eq!(
            error_after(row.as_bytes()).1.unwrap().limit,
            Limit::RowChars
        );

        let wide = ";".repeat(MAX_FIELDS + 1);
        let e = error_after(wide.as_bytes()).1.unwrap();
        assert_eq!((e.limit, e.column), (Limit::Columns, Some(MAX_FIELDS)));

        // Many ordinary rows pass.
        let rows = "Nguyễn Văn An;2.789.000\n".repeat(50_000);
        assert_eq!(error_after(rows.as_bytes()), (rows.len(), None));
    }

    #[test]
    fn line_breaks_inside_quotes_are_left_alone() {
        for chunk in [1, 5, 1000] {
            assert_eq!(through("a;\"x\n\ny\"\n\nb", chunk), "a;\"x\n\ny\"\n;\nb");
            assert_eq!(
                through("a;\"say \"\"hi\"\"\n\n\"\n", chunk),
                "a;\"say \"\"hi\"\"\n\n\"\n"
            );
            // A quote in the middle of a plain field does not open quotes.
            assert_eq!(through("ab\"c\n\nd", chunk), "ab\"c\n;\nd");
        }
    }
}
