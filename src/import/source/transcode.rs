//! A reader that turns a byte stream in some encoding into UTF-8 as it goes,
//! so that a large UTF-16 or Windows-1258 file is never held in memory.
//!
//! It only changes the encoding; splitting into rows and cells, and the
//! TCVN3/VNI conversion (which needs whole words), happen downstream.

use std::io::{self, Read};

/// How the input bytes are decoded.
pub(super) enum Decode {
    /// A code page `encoding_rs` knows (UTF-16LE/BE, Windows-1258).
    Codec(encoding_rs::Decoder),
    /// Each byte is the character with the same number (Latin-1), which is
    /// how TCVN3 and VNI text looks before conversion.
    Latin1,
}

pub(super) struct Transcoder<R> {
    inner: R,
    decode: Decode,
    input: Box<[u8]>,
    in_start: usize,
    in_end: usize,
    eof: bool,
    output: Box<[u8]>,
    out_start: usize,
    out_end: usize,
    finished: bool,
}

const INPUT: usize = 16 * 1024;
/// Room for decoding a full input buffer: at most 3 UTF-8 bytes per input
/// byte (Latin-1 needs 2, UTF-16 3 per 2 bytes, Windows-1258 3).
const OUTPUT: usize = 3 * INPUT + 16;

impl<R: Read> Transcoder<R> {
    pub(super) fn new(inner: R, decode: Decode) -> Self {
        Transcoder {
            inner,
            decode,
            input: vec![0; INPUT].into_boxed_slice(),
            in_start: 0,
            in_end: 0,
            eof: false,
            output: vec![0; OUTPUT].into_boxed_slice(),
            out_start: 0,
            out_end: 0,
            finished: false,
        }
    }

    /// Decodes what is in the input buffer into the (empty) output buffer.
    fn refill(&mut self) -> io::Result<()> {
        if self.in_start == self.in_end && !self.eof {
            let n = self.inner.read(&mut self.input)?;
            self.in_start = 0;
            self.in_end = n;
            self.eof = n == 0;
        }
        let src = &self.input[self.in_start..self.in_end];
        // Whether this is the last output: the decoder, once told the input
        // has ended and having taken all of it, must not be called again —
        // even when that last call still wrote something (the U+FFFD of a
        // UTF-16 file cut after an odd byte).
        let (read, written, last) = match &mut self.decode {
            Decode::Codec(decoder) => {
                let (result, read, written, _) =
                    decoder.decode_to_utf8(src, &mut self.output, self.eof);
                let last = self.eof && result == encoding_rs::CoderResult::InputEmpty;
                (read, written, last)
            }
            Decode::Latin1 => {
                let mut w = 0;
                for &b in src {
                    w += char::from(b).encode_utf8(&mut self.output[w..]).len();
                }
                (src.len(), w, self.eof)
            }
        };
        self.in_start += read;
        self.out_start = 0;
        self.out_end = written;
        self.finished = last;
        Ok(())
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start == self.out_end {
            if self.finished || buf.is_empty() {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out_end - self.out_start);
        buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], decode: Decode) -> String {
        let mut out = String::new();
        // A one-byte reader exercises characters split across reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        Transcoder::new(Trickle(bytes), decode)
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn utf16_is_decoded_across_reads() {
        let text = "Họ và tên\tSố tiền\r\nNguyễn Văn An\t2.789.000\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let codec = Decode::Codec(encoding_rs::UTF_16LE.new_decoder_without_bom_handling());
        assert_eq!(decode_all(&le, codec), text);
    }

    #[test]
    fn utf16_cut_after_an_odd_byte_ends_with_a_replacement_character() {
        let mut le: Vec<u8> = "Họ và tên\tSố tiền\r\nAn"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        le.push(b'x');
        for decode in [
            encoding_rs::UTF_16LE.new_decoder_without_bom_handling(),
            encoding_rs::UTF_16BE.new_decoder_without_bom_handling(),
        ] {
            let out = decode_all(&le, Decode::Codec(decode));
            assert!(out.ends_with('\u{FFFD}'), "{out:?}");
        }
        let mut out = String::new();
        let codec = Decode::Codec(encoding_rs::UTF_16LE.new_decoder_without_bom_handling());
        Transcoder::new(&le[..], codec)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "Họ và tên\tSố tiền\r\nAn\u{FFFD}");
    }

    #[test]
    fn latin1_keeps_each_byte_as_its_character() {
        assert_eq!(
            decode_all(b"Nguy\xD4n V\xA8n", Decode::Latin1),
            "NguyÔn V¨n"
        );
    }

    #[test]
    fn large_input_is_decoded_whole() {
        let text = "Thôn Đông;2.789.000\n".repeat(5000);
        let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&text);
        let codec = Decode::Codec(encoding_rs::WINDOWS_1258.new_decoder_without_bom_handling());
        let mut out = String::new();
        Transcoder::new(&bytes[..], codec)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }
}
