//! The day report as one flat CSV table, for other programs and for Excel.
//!
//! Encoding: UTF-8 with a byte-order mark, ";" between fields, CRLF line
//! ends — what Excel on a Vietnamese Windows opens without asking. One
//! header row, then every row has the same 13 columns. Column names and
//! codes are fixed ASCII, the same whatever the interface language.
//!
//! | column | holds |
//! |---|---|
//! | `loai` | the kind of row (below) |
//! | `khoa` | what a summary row is about: a method code, a category, a clerk's login, a period, an office code, a sequence number |
//! | `muc` | which figure a summary row gives (below) |
//! | `so_bien_nhan` | receipt number |
//! | `thoi_gian` | `chi`: the time paid as stored (RFC 3339); `huy`: the day the voided payment was made; `ngay`: the time the day was closed |
//! | `nguoi_huong` | beneficiary |
//! | `hinh_thuc` | method code: `cash` (counter), `home` (cash at home), `bank`, `wallet` (digital account) |
//! | `giao_dich_vien` | clerk's full name (`huy`: who asked for the void; `ngay`: who closed the day) |
//! | `so_mon` | a count: payments, people or banknotes |
//! | `so_tien` | an amount in whole đồng, digits only, "-" when negative |
//! | `da_huy` | `chi` only: 1 if the payment has been voided, else 0 |
//! | `nguoi_duyet` | `huy` only: the supervisor who approved the void |
//! | `ghi_chu` | a reason, a range of numbers, a hash or a status |
//!
//! Rows, in this order (`loai` — `muc`):
//! - `ngay`: `khoa` the day (YYYY-MM-DD), `ghi_chu` `da_khoa_so` or
//!   `chua_khoa_so` (a mid-day report).
//! - `chi`: one per payment recorded on the day, in receipt order;
//!   `so_mon` 1, `so_tien` the amount paid.
//! - `huy`: one per void recorded on the day (of a payment of any day);
//!   `so_mon` −1, `so_tien` minus the amount, `ghi_chu` the reason.
//!   So the sums of `so_mon` and `so_tien` over the `chi` and `huy` rows
//!   are the day's net count and net amount.
//! - `hinh_thuc` (`khoa` method code) and `dien` (`khoa` category): the
//!   net count and amount per method and per category; each set sums to
//!   the net.
//! - `gdv`, one group per clerk (`khoa` login, `giao_dich_vien` full name),
//!   `muc`: `chi` (count, amount), `chi_theo_hinh_thuc` (with `hinh_thuc`),
//!   `huy`, `tien_dau_ngay`, `nhan_them`, `nop_lai`, `chi_tien_mat`,
//!   `hoan_huy`, `phai_co`, then when counted `da_dem`, `to_<denomination>`
//!   (`so_mon` notes, `so_tien` their value) and `chenh_lech` (`ghi_chu` the
//!   reason); `bien_nhan` gives the first receipt of the day in
//!   `so_bien_nhan` and the last in `ghi_chu`. Here `huy` is the voids the
//!   clerk asked for, as a positive count and amount.
//! - `tong`, `muc`: `chi`, `huy` (positive: `chi` − `huy` = `thuc_chi`),
//!   `thuc_chi`, `tien_mat_phai_co`, `tien_mat_da_dem`, `chenh_lech` (over
//!   the counted drawers).
//! - `chua_nhan`: `khoa` the period (YYYY-MM), `so_mon` people, `so_tien`
//!   the amount still owed.
//! - `thieu_bien_nhan`: `khoa` office code, `muc` year, `ghi_chu`
//!   "from-to" of the missing receipt sequence numbers.
//! - `chan_khoa`: why the day cannot be closed yet, `muc` `chua_dem` or
//!   `chua_ghi_ly_do` (with `so_tien` the difference), `giao_dich_vien`.
//! - `niem_phong`: `muc` `khoa_so` (the seal stored at the close) or
//!   `dau_nhat_ky` (the audit head of an open day), `khoa` the sequence
//!   number, `ghi_chu` the hash.
//!
//! Text from the database goes through `for_display` (no control
//! characters); a text field that would start with "=", "+", "-" or "@" is
//! prefixed with "'" so that Excel never reads it as a formula.

use std::io::{self, Write};

use crate::domain::Money;
use crate::domain::report::{Blocker, DayReport, Tally};
use crate::text::for_display;

/// The header row.
pub const COLUMNS: [&str; 13] = [
    "loai",
    "khoa",
    "muc",
    "so_bien_nhan",
    "thoi_gian",
    "nguoi_huong",
    "hinh_thuc",
    "giao_dich_vien",
    "so_mon",
    "so_tien",
    "da_huy",
    "nguoi_duyet",
    "ghi_chu",
];

/// One row; fields left empty are written as empty.
#[derive(Default)]
struct Row {
    loai: &'static str,
    khoa: String,
    muc: String,
    so_bien_nhan: String,
    thoi_gian: String,
    nguoi_huong: String,
    hinh_thuc: &'static str,
    giao_dich_vien: String,
    so_mon: Option<i64>,
    so_tien: Option<i64>,
    da_huy: Option<bool>,
    nguoi_duyet: String,
    ghi_chu: String,
}

impl Row {
    fn new(loai: &'static str) -> Row {
        Row {
            loai,
            ..Row::default()
        }
    }

    fn tally(mut self, t: Tally) -> Row {
        self.so_mon = Some(t.count);
        self.so_tien = Some(t.amount.dong());
        self
    }

    fn money(mut self, m: Money) -> Row {
        self.so_tien = Some(m.dong());
        self
    }

    fn muc(mut self, muc: impl Into<String>) -> Row {
        self.muc = muc.into();
        self
    }

    fn fields(&self) -> [String; 13] {
        let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        [
            self.loai.to_string(),
            text(&self.khoa),
            text(&self.muc),
            text(&self.so_bien_nhan),
            text(&self.thoi_gian),
            text(&self.nguoi_huong),
            self.hinh_thuc.to_string(),
            text(&self.giao_dich_vien),
            num(self.so_mon),
            num(self.so_tien),
            self.da_huy
                .map(|v| if v { "1" } else { "0" }.to_string())
                .unwrap_or_default(),
            text(&self.nguoi_duyet),
            text(&self.ghi_chu),
        ]
    }
}

/// A text field, harmless on a terminal and in Excel.
fn text(v: &str) -> String {
    let shown = for_display(v);
    if shown.starts_with(['=', '+', '-', '@']) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

/// The rows of `report`, in the order documented above.
fn rows(report: &DayReport) -> Vec<Row> {
    let mut out = Vec::new();
    out.push(Row {
        khoa: report.day.clone(),
        thoi_gian: report
            .closed
            .as_ref()
            .map(|c| c.at.clone())
            .unwrap_or_default(),
        giao_dich_vien: report
            .closed
            .as_ref()
            .map(|c| c.by.clone())
            .unwrap_or_default(),
        ghi_chu: if report.closed.is_some() {
            "da_khoa_so"
        } else {
            "chua_khoa_so"
        }
        .into(),
        ..Row::new("ngay")
    });
    for p in &report.payments {
        out.push(Row {
            so_bien_nhan: p.receipt_no.clone(),
            thoi_gian: p.paid_at.clone(),
            nguoi_huong: p.person.clone(),
            hinh_thuc: p.method.code(),
            giao_dich_vien: p.clerk.clone(),
            so_mon: Some(1),
            so_tien: Some(p.amount.dong()),
            da_huy: Some(p.voided),
            ..Row::new("chi")
        });
    }
    for v in &report.voids {
        out.push(Row {
            so_bien_nhan: v.receipt_no.clone(),
            thoi_gian: v.paid_on.clone(),
            hinh_thuc: v.method.code(),
            giao_dich_vien: v.requested_by.clone(),
            so_mon: Some(-1),
            so_tien: Some((-v.amount).dong()),
            nguoi_duyet: v.approved_by.clone(),
            ghi_chu: v.reason.clone(),
            ..Row::new("huy")
        });
    }
    let t = &report.totals;
    for (m, tally) in &t.by_method {
        out.push(
            Row {
                khoa: m.code().into(),
                hinh_thuc: m.code(),
                ..Row::new("hinh_thuc")
            }
            .tally(*tally),
        );
    }
    for (cat, tally) in &t.by_category {
        out.push(
            Row {
                khoa: cat.clone(),
                ..Row::new("dien")
            }
            .tally(*tally),
        );
    }
    for c in &report.clerks {
        let row = || Row {
            khoa: c.name.clone(),
            giao_dich_vien: c.full_name.clone(),
            ..Row::new("gdv")
        };
        if let Some((first, last)) = &c.receipts {
            out.push(Row {
                so_bien_nhan: first.clone(),
                ghi_chu: last.clone(),
                ..row().muc("bien_nhan")
            });
        }
        out.push(row().muc("chi").tally(c.payments));
        for (m, tally) in &c.by_method {
            out.push(
                Row {
                    hinh_thuc: m.code(),
                    ..row().muc("chi_theo_hinh_thuc")
                }
                .tally(*tally),
            );
        }
        out.push(row().muc("huy").tally(c.voids));
        for (muc, m) in [
            ("tien_dau_ngay", c.float),
            ("nhan_them", c.issued),
            ("nop_lai", c.returned),
            ("chi_tien_mat", c.cash_paid),
            ("hoan_huy", c.cash_voided),
            ("phai_co", c.expected),
        ] {
            out.push(row().muc(muc).money(m));
        }
        if let Some(n) = &c.count {
            out.push(row().muc("da_dem").money(n.counted));
            for (denom, notes) in n.notes.iter().rev() {
                out.push(Row {
                    so_mon: Some(*notes),
                    so_tien: denom.checked_mul(*notes),
                    ..row().muc(format!("to_{denom}"))
                });
            }
            out.push(Row {
                ghi_chu: n.reason.clone().unwrap_or_default(),
                ..row().muc("chenh_lech").money(n.difference)
            });
        }
    }
    out.push(Row::new("tong").muc("chi").tally(t.payments));
    out.push(Row::new("tong").muc("huy").tally(t.voids));
    out.push(Row::new("tong").muc("thuc_chi").money(t.net));
    out.push(
        Row::new("tong")
            .muc("tien_mat_phai_co")
            .money(t.cash_expected),
    );
    out.push(
        Row::new("tong")
            .muc("tien_mat_da_dem")
            .money(t.cash_counted),
    );
    out.push(
        Row::new("tong")
            .muc("chenh_lech")
            .money(report.difference()),
    );
    for u in &report.unpaid {
        out.push(Row {
            khoa: u.period.to_string(),
            so_mon: Some(u.people),
            so_tien: Some(u.amount.dong()),
            ..Row::new("chua_nhan")
        });
    }
    for g in &report.receipt_gaps {
        out.push(Row {
            khoa: g.office.clone(),
            muc: g.year.to_string(),
            ghi_chu: format!("{}-{}", g.from, g.to),
            ..Row::new("thieu_bien_nhan")
        });
    }
    for b in &report.blockers {
        out.push(match b {
            Blocker::NotCounted { clerk } => Row {
                giao_dich_vien: clerk.clone(),
                ..Row::new("chan_khoa").muc("chua_dem")
            },
            Blocker::EarlierDayOpen { day } => Row {
                ghi_chu: day.clone(),
                ..Row::new("chan_khoa").muc("ngay_truoc_chua_khoa")
            },
            Blocker::NoReason { clerk, difference } => Row {
                giao_dich_vien: clerk.clone(),
                ..Row::new("chan_khoa")
                    .muc("chua_ghi_ly_do")
                    .money(*difference)
            },
        });
    }
    let seal = match (&report.closed, &report.audit_head) {
        (Some(c), _) => Some(("khoa_so", &c.seal)),
        (None, Some(h)) => Some(("dau_nhat_ky", h)),
        (None, None) => None,
    };
    if let Some((muc, s)) = seal {
        out.push(Row {
            khoa: s.seq.to_string(),
            ghi_chu: s.hash.clone(),
            ..Row::new("niem_phong").muc(muc)
        });
    }
    out
}

/// Writes `report` as the CSV described above to `out`.
pub fn write_csv(report: &DayReport, mut out: impl Write) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(COLUMNS)?;
    for row in rows(report) {
        w.write_record(row.fields())?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_excel_would_run_as_a_formula_is_quoted() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("+84 912"), "'+84 912");
        assert_eq!(text("-2+3"), "'-2+3");
        assert_eq!(text("Nguyễn Văn An"), "Nguyễn Văn An");
        // A tab or line break in front is defused first, so it cannot hide one.
        assert_eq!(text("\t=1+1"), "\u{FFFD}=1+1");
    }

    #[test]
    fn every_row_has_every_column() {
        let report = crate::domain::report::compute(&Default::default());
        let rows = rows(&report);
        assert!(rows.iter().all(|r| r.fields().len() == COLUMNS.len()));
        assert_eq!(rows[0].loai, "ngay");
        assert_eq!(rows[0].ghi_chu, "chua_khoa_so");
    }
}
