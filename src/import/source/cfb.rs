//! The OLE compound file that holds an xls workbook (and an encrypted
//! xlsx): its sector table, its directory, and one stream read sector by
//! sector from the file, never loaded whole.
//!
//! Every chain of sectors is followed at most as many steps as the file has
//! sectors, so a damaged or hostile file (a loop, a chain out of the file)
//! ends in an error, not in an endless read.

use super::limits::{Exceeded, Limit, MAX_OLE_DIRECTORY_BYTES};
use super::workbook::BookError;
use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn damaged(what: &str) -> BookError {
    BookError::Damaged(what.to_owned())
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// A stream in the directory.
#[derive(Debug, Clone)]
struct DirEntry {
    name: String,
    kind: u8,
    start: u32,
    size: u64,
}

pub(super) struct Compound {
    file: File,
    sector_size: usize,
    /// Sectors in the file (after the header).
    sectors: u32,
    fat: Vec<u32>,
    entries: Vec<DirEntry>,
    mini_cutoff: u64,
    first_mini_fat: u32,
}

impl Compound {
    pub(super) fn open(path: &Path) -> Result<Compound, BookError> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        let mut header = [0u8; 512];
        file.read_exact(&mut header)
            .map_err(|_| damaged("header cut short"))?;
        if header[..8] != MAGIC {
            return Err(damaged("not a compound file"));
        }
        let shift = u16_at(&header, 0x1E);
        if shift != 9 && shift != 12 {
            return Err(damaged("sector size"));
        }
        let sector_size = 1usize << shift;
        let sectors = u32::try_from((len.saturating_sub(sector_size as u64)) / sector_size as u64)
            .map_err(|_| damaged("file too large"))?;
        let mut cfb = Compound {
            file,
            sector_size,
            sectors,
            fat: Vec::new(),
            entries: Vec::new(),
            // The format fixes it at 4096; a file saying otherwise is not
            // believed (it would make any stream "small", read whole).
            mini_cutoff: 4096,
            first_mini_fat: u32_at(&header, 0x3C),
        };

        // The sectors of the sector table: 109 in the header, the rest in a
        // chain of DIFAT sectors.
        let per_sector = sector_size / 4;
        let fat_sectors = u32_at(&header, 0x2C) as usize;
        // Only the part of the table that covers the file's sectors matters.
        let needed = (sectors as usize).div_ceil(per_sector).min(fat_sectors);
        let mut fat_ids: Vec<u32> = (0..109)
            .map(|i| u32_at(&header, 0x4C + 4 * i))
            .take(needed)
            .collect();
        let mut difat = u32_at(&header, 0x44);
        let mut steps = 0;
        while fat_ids.len() < needed && difat < sectors {
            steps += 1;
            if steps > sectors {
                return Err(damaged("DIFAT loop"));
            }
            let s = cfb.read_sector(difat)?;
            for i in 0..per_sector - 1 {
                if fat_ids.len() < needed {
                    fat_ids.push(u32_at(&s, 4 * i));
                }
            }
            difat = u32_at(&s, sector_size - 4);
        }
        let mut fat = Vec::with_capacity(needed * per_sector);
        for id in fat_ids {
            if id >= sectors {
                break;
            }
            let s = cfb.read_sector(id)?;
            fat.extend((0..per_sector).map(|i| u32_at(&s, 4 * i)));
        }
        fat.truncate(sectors as usize);
        cfb.fat = fat;

        let (dir_chain, cut) = cfb.chain(u32_at(&header, 0x30), MAX_OLE_DIRECTORY_BYTES)?;
        if cut {
            return Err(BookError::Limit(Exceeded::new(Limit::OleDirectory)));
        }
        for id in dir_chain {
            let s = cfb.read_sector(id)?;
            for e in s.chunks_exact(128) {
                let name_len = (usize::from(u16_at(e, 64)) / 2).min(32);
                let units: Vec<u16> = (0..name_len.saturating_sub(1))
                    .map(|i| u16_at(e, 2 * i))
                    .collect();
                let size = if shift == 9 {
                    u64::from(u32_at(e, 120))
                } else {
                    u64::from(u32_at(e, 120)) | (u64::from(u32_at(e, 124)) << 32)
                };
                cfb.entries.push(DirEntry {
                    name: String::from_utf16_lossy(&units),
                    kind: e[66],
                    start: u32_at(e, 116),
                    size,
                });
            }
        }
        Ok(cfb)
    }

    /// Whether a stream of this name is in the file.
    pub(super) fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    fn entry(&self, name: &str) -> Option<&DirEntry> {
        self.entries
            .iter()
            .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))
    }

    fn read_sector(&mut self, id: u32) -> Result<Vec<u8>, BookError> {
        let mut s = vec![0u8; self.sector_size];
        self.file.seek(SeekFrom::Start(
            (u64::from(id) + 1) * self.sector_size as u64,
        ))?;
        self.file
            .read_exact(&mut s)
            .map_err(|_| damaged("sector cut short"))?;
        Ok(s)
    }

    /// The sectors of a chain, stopping after `max_bytes`; true when the
    /// chain went on after them.
    fn chain(&self, start: u32, max_bytes: u64) -> Result<(Vec<u32>, bool), BookError> {
        let mut ids = Vec::new();
        let mut id = start;
        let max = max_bytes.div_ceil(self.sector_size as u64);
        while id != END_OF_CHAIN && id != FREE {
            if id >= self.sectors {
                return Err(damaged("chain leaves the file"));
            }
            if ids.len() as u64 >= max {
                return Ok((ids, true));
            }
            if ids.len() > self.sectors as usize {
                return Err(damaged("chain loops"));
            }
            ids.push(id);
            id = self.fat.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        Ok((ids, false))
    }

    /// Opens a stream by name, to read from its start.
    pub(super) fn stream(&mut self, name: &str) -> Result<Stream, BookError> {
        let entry = self
            .entry(name)
            .cloned()
            .ok_or_else(|| damaged("stream not found"))?;
        if entry.size < self.mini_cutoff {
            return self.small_stream(&entry);
        }
        let (chain, _) = self.chain(entry.start, entry.size)?;
        let size = entry.size.min(chain.len() as u64 * self.sector_size as u64);
        Ok(Stream::Sectors(SectorStream {
            file: self.file.try_clone()?,
            sector_size: self.sector_size,
            chain,
            size,
            pos: 0,
            buf: Vec::new(),
            buf_start: 0,
        }))
    }

    /// A stream under the cutoff (4 KiB), which lives in 64-byte pieces of
    /// the root's mini stream: read whole.
    fn small_stream(&mut self, entry: &DirEntry) -> Result<Stream, BookError> {
        let root = self
            .entries
            .iter()
            .find(|e| e.kind == 5)
            .cloned()
            .ok_or_else(|| damaged("no root entry"))?;
        let (mini_sectors, _) = self.chain(root.start, root.size)?;
        let (mini_fat_ids, _) = self.chain(self.first_mini_fat, root.size.div_ceil(64) * 4)?;
        let mut mini_fat = Vec::new();
        for id in mini_fat_ids {
            let s = self.read_sector(id)?;
            mini_fat.extend((0..self.sector_size / 4).map(|i| u32_at(&s, 4 * i)));
        }
        let mut data = Vec::with_capacity(entry.size as usize);
        let mut id = entry.start;
        let per_sector = (self.sector_size / 64) as u32;
        while id != END_OF_CHAIN && id != FREE && (data.len() as u64) < entry.size {
            if data.len() > 4096 {
                return Err(damaged("mini chain loops"));
            }
            let Some(&sector) = mini_sectors.get((id / per_sector) as usize) else {
                return Err(damaged("mini chain leaves the stream"));
            };
            let s = self.read_sector(sector)?;
            let at = (id % per_sector) as usize * 64;
            data.extend_from_slice(&s[at..at + 64]);
            id = mini_fat.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        data.truncate(entry.size as usize);
        Ok(Stream::Small(Cursor::new(data)))
    }
}

/// One stream of the file.
pub(super) enum Stream {
    Sectors(SectorStream),
    Small(Cursor<Vec<u8>>),
}

impl Stream {
    pub(super) fn seek_to(&mut self, pos: u64) {
        match self {
            Stream::Sectors(s) => s.pos = pos.min(s.size),
            Stream::Small(c) => c.set_position(pos),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Sectors(s) => s.read(buf),
            Stream::Small(c) => c.read(buf),
        }
    }
}

pub(super) struct SectorStream {
    file: File,
    sector_size: usize,
    chain: Vec<u32>,
    size: u64,
    pos: u64,
    /// Bytes from stream offset `buf_start`: a run of sectors that follow
    /// one another in the file, read at once.
    buf: Vec<u8>,
    buf_start: u64,
}

impl Read for SectorStream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.size || out.is_empty() {
            return Ok(0);
        }
        let in_buf =
            self.pos >= self.buf_start && self.pos < self.buf_start + self.buf.len() as u64;
        if !in_buf {
            let ss = self.sector_size as u64;
            let first = (self.pos / ss) as usize;
            let mut run = 1;
            while run < 64
                && first + run < self.chain.len()
                && self.chain[first + run] == self.chain[first + run - 1].wrapping_add(1)
            {
                run += 1;
            }
            self.buf.resize(run * self.sector_size, 0);
            self.file
                .seek(SeekFrom::Start((u64::from(self.chain[first]) + 1) * ss))?;
            let mut got = 0;
            while got < self.buf.len() {
                match self.file.read(&mut self.buf[got..])? {
                    0 => break,
                    n => got += n,
                }
            }
            if got == 0 {
                return Ok(0);
            }
            self.buf.truncate(got);
            self.buf_start = first as u64 * ss;
        }
        let at = (self.pos - self.buf_start) as usize;
        let n = out
            .len()
            .min(self.buf.len() - at)
            .min((self.size - self.pos) as usize);
        out[..n].copy_from_slice(&self.buf[at..at + n]);
        self.pos += n as u64;
        Ok(n)
    }
}
