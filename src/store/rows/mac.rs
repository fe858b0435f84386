//! The MAC that seals a row ([`super`]): the row's columns, sorted
//! by name, each with its name and its value typed and measured, under the
//! audit key, the table's name and the row's key; its first 16 bytes kept,
//! in hexadecimal, after the id of the key that made it ("k1:…").

use rusqlite::types::ValueRef;

use super::Table;
use crate::store::key::KeyRing;

fn encode_value(out: &mut Vec<u8>, v: ValueRef<'_>) {
    // Numbers are written into a stack buffer: the import seals a hundred
    // thousand people with three numbers each, and a `String` per number
    // was most of what sealing allocated.
    let mut digits = itoa::Buffer::new();
    let real;
    let (tag, bytes): (u8, &[u8]) = match v {
        ValueRef::Null => (b'n', &[]),
        ValueRef::Integer(i) => (b'i', digits.format(i).as_bytes()),
        ValueRef::Real(f) => {
            real = f.to_string();
            (b'r', real.as_bytes())
        }
        ValueRef::Text(t) => (b't', t),
        ValueRef::Blob(b) => (b'b', b),
    };
    out.push(tag);
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The MAC of a row: `cols` sorted by name, without `mac`.
pub fn mac_of<'a>(
    keys: &KeyRing,
    key_id: Option<&str>,
    table: Table,
    key: &str,
    cols: impl Iterator<Item = (&'a str, ValueRef<'a>)>,
) -> Option<String> {
    let mac = mac_bytes(keys, key_id, table, key, cols)?;
    let mut out = String::with_capacity(32);
    push_hex(&mut out, &mac);
    Some(out)
}

/// Appends the seal of a row under the ring's newest key, "k1:…", to
/// `out`: what [`seal`] gives, without a string made for it (an import
/// seals every person and line it writes).
pub fn push_seal<'a>(
    out: &mut String,
    keys: &KeyRing,
    table: Table,
    key: &str,
    cols: impl Iterator<Item = (&'a str, ValueRef<'a>)>,
) {
    out.push_str(keys.current_id());
    out.push(':');
    if let Some(mac) = mac_bytes(keys, None, table, key, cols) {
        push_hex(out, &mac);
    }
}

/// The 16 bytes of a row's MAC kept in its seal.
fn mac_bytes<'a>(
    keys: &KeyRing,
    key_id: Option<&str>,
    table: Table,
    key: &str,
    cols: impl Iterator<Item = (&'a str, ValueRef<'a>)>,
) -> Option<[u8; 16]> {
    thread_local! {
        // The row's encoding, reused: a person's row is about 800 bytes,
        // and growing a new buffer to that at every seal copied it thrice.
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        buf.clear();
        for (name, v) in cols {
            buf.extend_from_slice(&(name.len() as u64).to_le_bytes());
            buf.extend_from_slice(name.as_bytes());
            encode_value(&mut buf, v);
        }
        let parts: [&[u8]; 4] = [b"row", table.name().as_bytes(), key.as_bytes(), &buf];
        let mac = match key_id {
            None => keys.sign(&parts),
            Some(id) => keys.sign_as(id, &parts)?,
        };
        let mut kept = [0u8; 16];
        kept.copy_from_slice(&mac[..16]);
        Some(kept)
    })
}

/// Appends `bytes` in lower-case hexadecimal, as `hex::encode` writes them.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexadecimal_is_written_as_hex_writes_it() {
        let bytes: Vec<u8> = (0..=255).collect();
        let mut out = String::new();
        push_hex(&mut out, &bytes);
        assert_eq!(out, hex::encode(&bytes));
    }
}
