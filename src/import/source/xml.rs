//! Reading the XML of a workbook part under limits: no single tag or run of
//! text longer than [`MAX_XML_ITEM`] bytes, no element nested deeper than
//! [`MAX_XML_DEPTH`]. Without them an XML reader holds a whole tag, or every
//! open element's name, in memory — a few bytes of zip can unpack to
//! gigabytes of either.
//!
//! Elements and attributes are matched by their local name, so that any
//! namespace prefix (and the "strict" variant of the format) reads alike.

use super::limits::{Exceeded, Limit, MAX_XML_DEPTH, MAX_XML_ITEM};
use super::workbook::BookError;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read};

/// Counts the bytes handed to the XML reader since the last event, and
/// refuses to give more once an event has taken [`MAX_XML_ITEM`] (so an
/// event holds at most that and one buffer more).
struct Guard<R> {
    inner: BufReader<R>,
    since_event: usize,
    part: String,
}

impl<R: Read> Guard<R> {
    fn over(&self) -> Option<io::Error> {
        (self.since_event > MAX_XML_ITEM).then(|| {
            Exceeded::new(Limit::XmlItem {
                part: self.part.clone(),
            })
            .into_io()
        })
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.over() {
            return Err(e);
        }
        let n = self.inner.read(buf)?;
        self.since_event += n;
        Ok(n)
    }
}

impl<R: Read> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if let Some(e) = self.over() {
            return Err(e);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.since_event += amt;
        self.inner.consume(amt);
    }
}

/// A part's XML as a stream of events.
pub(super) struct Xml<R> {
    reader: quick_xml::Reader<Guard<R>>,
    buf: Vec<u8>,
    depth: usize,
    part: String,
}

impl<R: Read> Xml<R> {
    pub(super) fn new(inner: R, part: &str) -> Xml<R> {
        let guard = Guard {
            inner: BufReader::with_capacity(64 * 1024, inner),
            since_event: 0,
            part: part.to_owned(),
        };
        let mut reader = quick_xml::Reader::from_reader(guard);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        Xml {
            reader,
            buf: Vec::new(),
            depth: 0,
            part: part.to_owned(),
        }
    }

    /// The next event; `Event::Eof` at the end.
    pub(super) fn next(&mut self) -> Result<Event<'_>, BookError> {
        self.buf.clear();
        if self.buf.capacity() > 4 * 64 * 1024 {
            self.buf.shrink_to(64 * 1024);
        }
        self.reader.get_mut().since_event = 0;
        let event = self
            .reader
            .read_event_into(&mut self.buf)
            .map_err(|e| xml_error(e, &self.part))?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_XML_DEPTH {
                    return Err(BookError::Limit(Exceeded::new(Limit::XmlDepth {
                        part: self.part.clone(),
                    })));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(event)
    }

    /// Skips to the end of the element just started (its `Start` event was
    /// the last one read).
    pub(super) fn skip_element(&mut self) -> Result<(), BookError> {
        let depth = self.depth;
        loop {
            let end = match self.next()? {
                Event::End(_) => true,
                Event::Eof => return Ok(()),
                _ => false,
            };
            if end && self.depth < depth {
                return Ok(());
            }
        }
    }
}

fn xml_error(e: quick_xml::Error, part: &str) -> BookError {
    match e {
        quick_xml::Error::Io(io) => match Exceeded::from_io(&io) {
            Some(x) => BookError::Limit(x),
            None => BookError::Damaged(format!("{part}: {io}")),
        },
        other => BookError::Damaged(format!("{part}: {other}")),
    }
}

/// The local name of an element ("c" for `<x:c>`).
pub(super) fn local(e: &BytesStart<'_>) -> Vec<u8> {
    e.local_name().as_ref().as_bytes().to_vec()
}

/// Whether the element's local name is `name`.
pub(super) fn is(e: &BytesStart<'_>, name: &str) -> bool {
    e.local_name().as_ref() == name
}

/// The value of the attribute whose local name is `name` (escapes
/// resolved), if present.
pub(super) fn attr<'a>(e: &'a BytesStart<'_>, name: &str) -> Option<Cow<'a, str>> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap_or(Cow::Borrowed(""))
                .into_owned()
                .into()
        })
    })
}

/// Appends the text of a reference (`&amp;`, `&#x1EA1;`) to `out`.
pub(super) fn push_ref(out: &mut String, name: &str) {
    let ch = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let num = name.strip_prefix('#');
            num.and_then(|n| match n.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            })
            .and_then(char::from_u32)
        }
    };
    if let Some(c) = ch {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &[u8]) -> Result<usize, BookError> {
        let mut x = Xml::new(xml, "test.xml");
        let mut n = 0;
        loop {
            match x.next()? {
                Event::Eof => return Ok(n),
                _ => n += 1,
            }
        }
    }

    #[test]
    fn ordinary_xml_reads() {
        // a, b, "t", &amp;, "u", /b, /a
        assert_eq!(events(b"<a><b x='1'>t&amp;u</b></a>").unwrap(), 7);
    }

    #[test]
    fn a_huge_tag_or_text_is_refused_without_being_held() {
        let mut text = b"<a>".to_vec();
        text.extend(std::iter::repeat_n(b'x', 2 * MAX_XML_ITEM));
        text.extend(b"</a>");
        assert!(matches!(
            events(&text),
            Err(BookError::Limit(Exceeded {
                limit: Limit::XmlItem { .. },
                ..
            }))
        ));
        let mut tag = b"<a b='".to_vec();
        tag.extend(std::iter::repeat_n(b'y', 2 * MAX_XML_ITEM));
        tag.extend(b"'/>");
        assert!(matches!(
            events(&tag),
            Err(BookError::Limit(Exceeded {
                limit: Limit::XmlItem { .. },
                ..
            }))
        ));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = b"<a>".repeat(MAX_XML_DEPTH + 1);
        assert!(matches!(
            events(&deep),
            Err(BookError::Limit(Exceeded {
                limit: Limit::XmlDepth { .. },
                ..
            }))
        ));
        assert!(events(&b"<a>".repeat(MAX_XML_DEPTH)).is_ok());
    }

    #[test]
    fn references_are_resolved() {
        let mut s = String::new();
        for r in ["amp", "lt", "#x1EA1", "#65", "bogus", "#xFFFFFFFF"] {
            push_ref(&mut s, r);
        }
        assert_eq!(s, "&<ạA");
    }
}
