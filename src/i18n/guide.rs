//! The first page of help (F1): the job at the counter, taught in a minute —
//! how the day starts, paying the person, a proxy, a guardian, an heir, what
//! each refusal means and what to do, how the day ends. The same page on
//! every screen, then that screen's keys.
//!
//! The text is laid out by `tui::popups::help`: a line starting "# " is a
//! heading, "- " an item; other lines continue the paragraph or item above
//! them, up to a blank line. Keep it true to the screens: the steps and
//! keys named here are the program's.

use super::Lang;

/// The guide in `lang`.
pub fn text(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    }
}

/// The heading of the screen's keys, after the guide.
pub fn keys_heading(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Vi => format!("PHÍM CỦA MÀN HÌNH NÀY: {title}"),
        Lang::En => format!("KEYS OF THIS SCREEN: {title}"),
    }
}

/// The line at the top of help saying how to move in it.
pub fn how_to_move(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "↑↓ PgUp PgDn: đọc tiếp · F1: phím của màn hình này · phím khác: đóng",
        Lang::En => "↑↓ PgUp PgDn: scroll · F1: keys of this screen · any other key: close",
    }
}

const VI: &str = "\
# ĐẦU NGÀY
- Trưởng bưu cục cấp tiền đầu ngày cho quỹ của từng giao dịch viên (F2 →
  Quỹ tiền mặt); giao dịch viên gõ mã PIN của mình để nhận. Chưa có tiền
  đầu ngày thì chưa chi tiền mặt được: dòng cuối màn hình quầy cho biết quỹ
  đã mở chưa.

# CHI CHO CHÍNH CHỦ (4 PHÍM)
- Quét mã QR trên CCCD, hoặc gõ đủ 12 số: hồ sơ tự mở ra. Đối chiếu ảnh và
  họ tên trên thẻ với người trước quầy.
- Enter: chi trả. Enter: chính chủ (số CCCD đã đối chiếu khi tìm, không hỏi
  lại). Enter: hình thức đánh dấu sẵn. Enter: ghi nhận. Đếm tiền đưa người
  nhận, họ ký biên nhận.
- Tìm bằng họ tên (không cần dấu), mã hồ sơ hay 6 số cuối CCCD cũng
  được; khi đó bước 2 hỏi số CCCD trên thẻ.
- Đang xem hồ sơ mà gõ chữ hoặc số: về ô tìm với chữ đó, không làm gì khác.

# NGƯỜI ĐƯỢC ỦY QUYỀN, NGƯỜI GIÁM HỘ
- Gõ đủ số CCCD trên thẻ của người được ủy quyền: hồ sơ người hưởng họ nhận
  thay tự mở; bước 1 đã chọn sẵn họ, không hỏi lại số.
- Tìm cách khác thì bước 1 chọn đúng người có trong hồ sơ (còn hạn), rồi gõ
  số CCCD của chính người đó.
- Chưa có trong hồ sơ: chọn \"Người được ủy quyền mới\" (hoặc giám hộ mới),
  nhập theo giấy ủy quyền có UBND xã chứng thực, hạn tối đa một năm. Trưởng
  bưu cục xem giấy gốc và duyệt (tên, mã PIN) ở bước 4 rồi mới chi. Giấy
  được lưu cùng lần chi; số giấy in trên biên nhận.

# NGƯỜI HƯỞNG ĐÃ MẤT
- Hồ sơ \"đã mất\" chỉ chi cho người thừa kế: mai táng phí và các tháng
  đến hết tháng mất còn nợ; tháng sau khi mất không chi.
- Chưa có người thừa kế: trưởng bưu cục mở hồ sơ, nhấn Enter, ghi theo giấy
  chứng tử và giấy gia đình cử người nhận. Rồi chi: bước 1 chỉ có \"Người
  thừa kế\", bước 2 gõ số CCCD của người thừa kế.

# KHI CHITRA TỪ CHỐI
- \"Số CCCD không khớp\": người trước quầy không phải người đã chọn. Không
  chi; nếu là người được ủy quyền thì quay lại bước 1 chọn đúng người.
- \"Giấy ủy quyền đã hết hạn\" hoặc \"chưa hiệu lực\": không chi; cần giấy mới,
  hoặc người hưởng tự đến.
- \"Đã chi bởi … lúc …, biên nhận …\": khoản này đã chi. Không chi lại; người
  nhận nói chưa nhận thì báo trưởng bưu cục xem biên nhận đó.
- \"Tạm dừng\", \"đã mất\", \"chuyển đi\": không chi; hướng dẫn người nhận hỏi
  UBND xã.
- \"Không chi tiền mặt được\" (quỹ chưa mở, đã kiểm đếm, không đủ tiền): nhờ
  trưởng bưu cục cấp tiền, hoặc chuyển khoản.
- \"Ngoài thời gian chi trả\": trưởng bưu cục gõ tên và mã PIN tại chỗ để
  duyệt, hoặc hẹn người nhận trong thời gian chi.
- Hồ sơ không có số CCCD: chỉ chi qua người được ủy quyền hoặc giám hộ.
- \"Đã bị sửa bên ngoài chitra\", \"Tệp cơ sở dữ liệu bị hỏng\": không chi
  theo dữ liệu đó; báo ngay trưởng bưu cục.
- Chi nhầm: không sửa được; trưởng bưu cục duyệt hủy lần chi (F9 trên hồ
  sơ), rồi chi lại cho đúng.

# CUỐI NGÀY
- Hết ca: F2 → Kiểm đếm quỹ cuối ca. Đếm tiền, gõ số tờ từng loại; số theo
  sổ chỉ hiện sau khi ghi (đếm mù). Chênh lệch thì ghi lý do.
- Trưởng bưu cục: F2 → Báo cáo & khóa sổ ngày. Khi mọi quỹ đã đếm, F10 và
  mã PIN để khóa sổ; in báo cáo, ký, giữ mã niêm phong. Ngày đã khóa
  không ghi thêm được gì.
- Rời quầy: F2 → Đăng xuất. Để máy vài phút không gõ phím (5 phút, nếu cấu
  hình không đặt khác) thì màn hình tự khóa: gõ lại mã PIN để mở; lần chi
  đang làm dở thì bỏ, chưa ghi gì.

# CUỐI THÁNG (TRƯỞNG BƯU CỤC)
- F2 → Tháng. Tab chuyển giữa: kết quả của kỳ, lý do chưa nhận, danh sách
  ký nhận (F8 in trang đang xem; F7 lưu xlsx một thôn hay cả xã), chuyển
  khoản (các lô và người bị ngân hàng trả lại).
- Danh sách tháng mới, tăng, giảm, điều chỉnh: F3, chọn tệp và loại, xem
  trước từng người, gõ mã PIN để ghi (cả danh sách hoặc không gì cả).
- Chuyển khoản: F4 lập lô và lưu tệp cho ngân hàng; F6 nhập tệp kết quả
  của ngân hàng (xem trước, mã PIN). Người bị trả lại chi lại tại quầy.
- Lý do chưa nhận: ↑↓ chọn người, gõ 1–6 (chưa đến, đi vắng, nằm viện, đã
  mất, từ chối, khác có ghi chú); người chưa có lý do kế tiếp được chọn.
- F10 khóa kỳ: ghi đường dẫn tệp kết quả, gõ mã PIN. chitra từ chối và nói
  rõ nếu còn người chưa có lý do, ngày chưa khóa sổ, hay lô chuyển khoản
  chưa có kết quả của ngân hàng.
";

const EN: &str = "\
# START OF THE DAY
- The supervisor gives each clerk's drawer its opening float (F2 → Cash
  drawers); the clerk types their PIN to take it. Without a float no cash
  can be paid: the last line of the counter says whether the drawer is open.

# PAYING THE PERSON (4 KEYS)
- Scan the QR code of the ID card, or type its 12 digits: the file opens by
  itself. Check the photo and name on the card against the person.
- Enter: pay. Enter: the person (their ID was checked by the search, it is
  not asked again). Enter: the marked method. Enter: record. Count the
  cash out; the receiver signs the receipt.
- A name (no diacritics needed), a record code or the last 6 digits of the
  ID find people too; then step 2 asks the number on the card.
- Letters or digits typed on a file go back to the search with them; they
  never do anything else.

# A PROXY, A GUARDIAN
- Type the whole ID number on the proxy's own card: the file of the person
  they collect for opens; step 1 has them marked and the number is not
  asked again.
- Found another way: at step 1 choose the person on file (in date), then
  type that person's own ID number.
- Not on file: choose \"new proxy\" (or new guardian) and enter it from the
  authorisation certified by the commune, valid one year at most. A
  supervisor sees the original paper and approves (name, PIN) at step 4
  before it pays. It is saved with the payment; its number is printed on
  the receipt.

# A DECEASED PERSON
- A file marked deceased is paid only to the heir: the funeral allowance
  and the months up to the month of death still owed; never a later month.
- No heir on file: the supervisor opens the file, presses Enter and records
  the heir from the death certificate and the family's paper. Then pay:
  step 1 offers only the heir, step 2 takes the heir's ID number.

# WHEN CHITRA REFUSES
- \"ID does not match\": the person at the counter is not the one chosen. Do
  not pay; for a proxy, go back to step 1 and choose them.
- \"Authorisation expired\" or \"not yet valid\": do not pay; a new paper is
  needed, or the person comes themself.
- \"Paid by … at …, receipt …\": already paid. Do not pay again; if the
  receiver says they were not, the supervisor looks at that receipt.
- \"Suspended\", \"deceased\", \"moved\": do not pay; send them to the commune.
- \"No cash\" (drawer not open, counted, not enough): ask the supervisor for
  cash, or pay by transfer.
- \"Outside the payment window\": the supervisor approves on the spot with
  their name and PIN, or the receiver comes back within the window.
- No ID number on file: pay only a proxy or guardian.
- \"Changed outside chitra\", \"The database file is damaged\": pay nothing
  on that data; tell the supervisor at once.
- Paid by mistake: nothing is edited; the supervisor approves a void (F9
  on the file), then pay correctly.

# END OF THE DAY
- End of shift: F2 → Count my drawer. Count the cash, type the notes of
  each kind; the books' figure shows only after recording (a blind count).
  Give a reason for any difference.
- Supervisor: F2 → Day report & close. When every drawer is counted, F10
  and the PIN close the day; print the report, sign it, keep the seal code.
  Nothing more can be recorded on a closed day.
- Leaving the counter: F2 → Sign out. A few minutes without a key (five,
  unless the configuration says otherwise) lock the screen: your PIN opens
  it; a payment being made is dropped, unrecorded.

# END OF THE MONTH (SUPERVISOR)
- F2 → Month. Tab switches between: the period's results, unpaid reasons,
  the signing list (F8 prints what is shown; F7 saves one hamlet or the
  commune as xlsx), transfers (the batches and who the bank returned).
- The new month's list, lists of increases, decreases, adjustments: F3, the
  file and its kind, the preview, the PIN to write it (all or nothing).
- Transfers: F4 makes the batch and saves the bank's file; F6 takes the
  bank's result file (preview, PIN). Anyone returned is paid at the counter.
- Unpaid reasons: ↑↓ picks a person, 1–6 records the reason (did not come,
  away, hospital, deceased, refused, other with a note); the next person
  without a reason is picked.
- F10 closes the period: the results file's path, then the PIN. chitra
  refuses, saying why, while someone unpaid has no reason, a day is open or
  a transfer batch waits for the bank's result.
";
