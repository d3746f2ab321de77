"""Drives `hoso serve` in headless Chromium (Debian's, through Playwright) as a secretary would,
and fails with a message at the first thing that is not as it should be.

Usage: serve_e2e.py SCENARIO ADDRESS UNIT_FILE OUT_DIR

Scenarios:
  fill      start from the starter unit: name the unit, add two members, fill one review (a
            finding appears while typing and goes when mended), a wrong date is refused beside
            its field with what was typed kept, preview a PDF, download the packet into
            OUT_DIR/ho-so.zip; split the unit into one file per member and download it again
            (ho-so-tach.zip); edit one member (only that member's file changes) and download
            it once more (ho-so-cuoi.zip); take a screenshot of each page into OUT_DIR.
  conflict  save every page of a hand-written unit unchanged: the file stays byte for byte;
            then type on a member's page, change the file on disk meanwhile, save: the page says
            so and the file is not written over; "keep both" writes the page's values beside it.
  nhap      on a hand-written unit: drop a member list (written with openpyxl) and three reviews
            (typed by python-docx over the DOCX files hoso printed, found in OUT_DIR/trong/, and
            one typed from nothing by a member the list adds) on the "Nhập" page; the changes
            are shown member by member and nothing is written until "Lưu", which writes them.
  chuyen-ma on a unit with a field typed in TCVN3: the page says so above every page, and its
            "Chuyển mã" button rewrites the field in Unicode in the file.
  records   on a hand-written unit: a member's shortcomings of last year get their status, one
            more is added as a row, the chi ủy writes its comments; the collective's status is
            changed on the unit's page; on the meeting's page the adopted level follows the
            votes as they are typed, before any save. Writes the member's preview into
            OUT_DIR/xem-truoc.pdf and prints the member's place in the list.
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def field(page, path):
    """The input, select or textarea of a field, by its data path."""
    return page.locator(f'[name="f.{path}"]')


def member_index(page):
    """The place in `dang_vien` of the member whose page is open."""
    name = page.locator("textarea").first.get_attribute("name")
    return re.search(r"dang_vien\[(\d+)\]", name).group(1)


def panel(page):
    return page.locator("#kiem-tra")


def fill(page, address, unit, out):
    page.goto(address)
    expect(page.locator("h1")).to_be_visible()
    field(page, "to_chuc.cap_tren").fill("Đảng bộ Sở Tư pháp thành phố Hải Phòng")
    field(page, "to_chuc.ten").fill("Chi bộ Phòng Hành chính # tư pháp")
    field(page, "to_chuc.dia_danh").fill("Hải Phòng")
    field(page, "tap_the.noi_nhan[]").fill("Đảng ủy Sở Tư pháp\n\nLưu Chi bộ")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(page.locator("h1")).to_have_text("Chi bộ Phòng Hành chính # tư pháp")
    text = Path(unit).read_text(encoding="utf-8")
    assert "ten: 'Chi bộ Phòng Hành chính # tư pháp'" in text or 'ten: "Chi bộ Phòng Hành chính # tư pháp"' in text, text
    assert text.lstrip().startswith("#"), "the starter's comments are kept"
    assert "noi_nhan:\n    - Đảng ủy Sở Tư pháp\n    - Lưu Chi bộ\n" in text, text
    page.screenshot(path=f"{out}/trang-don-vi.png", full_page=True)

    page.click("text=Đảng viên")
    for name, born in [("Phạm Thu Hà", "1985-04-12"), ("Lê Quang Vinh", "12/09/1979")]:
        page.fill("#ho_ten", name)
        page.fill("#ngay_sinh", born)
        page.click("#them")
        expect(page.locator("h1")).to_have_text(name)
        page.click("text=Đảng viên")
    rows = page.locator("tr.dang-vien")
    expect(rows).to_have_count(3)
    page.screenshot(path=f"{out}/trang-dang-vien.png", full_page=True)

    # One review, filled in; the 2025 points and level: a level above what the points allow is
    # found while typing, and the finding goes once the level is mended.
    page.click("text=Phạm Thu Hà")
    member = f"dang_vien[{member_index(page)}]"
    field(page, f"{member}.tu_kiem_diem.pham_chat").fill(
        "Luôn giữ vững lập trường; không có biểu hiện suy thoái. Ghi «{{ x }}» và <b>đậm</b> như chữ."
    )
    field(page, f"{member}.tu_kiem_diem.han_che").fill("Có lúc chậm cập nhật hồ sơ.")
    field(page, f"{member}.tu_kiem_diem.diem.nhom_chung").fill("26")
    field(page, f"{member}.tu_kiem_diem.diem.nhom_nhiem_vu").fill("59,5")
    expect(page.locator("#tong-diem")).to_have_text("85,5")
    field(page, f"{member}.tu_kiem_diem.diem.nhom_nhiem_vu").fill("60")
    expect(page.locator("#tong-diem")).to_have_text("86")
    field(page, f"{member}.tu_kiem_diem.tu_xep_loai_dang_vien").select_option("hoan_thanh_xuat_sac")
    expect(panel(page).locator('[data-quy-tac="diem-va-muc"]')).to_have_count(1, timeout=10000)
    field(page, f"{member}.tu_kiem_diem.tu_xep_loai_dang_vien").select_option("hoan_thanh_tot")
    expect(panel(page).locator('[data-quy-tac="diem-va-muc"]')).to_have_count(0, timeout=10000)

    # A wrong date: refused beside its field, with the command line's message, and every value
    # typed still on the page.
    field(page, f"{member}.ngay_sinh").fill("31/02/1985")
    page.click("#luu")
    error = page.locator(f'[id="loi-{member}.ngay_sinh"]')
    expect(error).to_contain_text("31/02/1985")
    expect(field(page, f"{member}.ngay_sinh")).to_have_value("31/02/1985")
    expect(field(page, f"{member}.tu_kiem_diem.han_che")).to_have_value("Có lúc chậm cập nhật hồ sơ.")
    assert "Có lúc chậm" not in Path(unit).read_text(encoding="utf-8"), "nothing written on an error"
    Path(out, "loi-ngay-sinh.txt").write_text(error.inner_text(), encoding="utf-8")
    field(page, f"{member}.ngay_sinh").fill("1985-04-12")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(page.locator("#tong-diem")).to_have_text("86")
    page.screenshot(path=f"{out}/trang-ban-kiem-diem.png", full_page=True)

    # The preview is the PDF the command line prints.
    src = page.locator("#xem-truoc").get_attribute("src")
    preview = page.request.get(address.rstrip("/") + src)
    assert preview.status == 200 and preview.headers["content-type"] == "application/pdf", preview.status
    assert preview.body().startswith(b"%PDF-"), "a PDF"
    Path(out, "xem-truoc.pdf").write_bytes(preview.body())

    page.click("text=Hội nghị")
    expect(page.locator("#bieu-quyet")).to_be_visible()
    field(page, "hoi_nghi.chu_tri").select_option(label="Phạm Thu Hà")
    field(page, "tap_the.danh_gia.phieu.hoan_thanh_tot").fill("3")
    field(page, "tap_the.danh_gia.ket_luan").fill("Tập thể chi bộ hoàn thành tốt nhiệm vụ.")
    field(page, "hoi_nghi.dien_bien[0].nguoi").fill("Đồng chí Phạm Thu Hà")
    field(page, "hoi_nghi.dien_bien[0].y_kien").fill("Trình bày báo cáo kiểm điểm của chi bộ.")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(page.locator('[data-doi-tuong="tap_the"] .thong-qua')).to_have_text("Hoàn thành tốt nhiệm vụ")
    expect(field(page, "hoi_nghi.chu_tri")).to_have_value("pham-thu-ha")
    expect(field(page, "hoi_nghi.dien_bien[0].nguoi")).to_have_value("Đồng chí Phạm Thu Hà")
    expect(field(page, "hoi_nghi.dien_bien[1].nguoi")).to_have_value("")
    text = Path(unit).read_text(encoding="utf-8")
    assert "dien_bien:\n    - nguoi: Đồng chí Phạm Thu Hà\n      y_kien: Trình bày báo cáo kiểm điểm của chi bộ.\n" in text, text
    page.screenshot(path=f"{out}/trang-hoi-nghi.png", full_page=True)

    download(page, f"{out}/ho-so.zip")

    # One file per member: the packet is the same; a save then writes the one member's file.
    page.click("text=Đảng viên")
    page.click("#tach")
    expect(page.locator("#thong-bao")).to_contain_text("tệp riêng")
    members = sorted((Path(unit).parent / "members").glob("*.yaml"))
    assert [m.name for m in members] == ["le-quang-vinh.yaml", "nguyen-van-a.yaml", "pham-thu-ha.yaml"], members
    download(page, f"{out}/ho-so-tach.zip")
    before = {path: path.read_bytes() for path in [Path(unit), *members]}
    page.click("text=Lê Quang Vinh")
    field(page, f"dang_vien[{member_index(page)}].tu_kiem_diem.han_che").fill("Chưa chủ động đề xuất cải tiến.")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    changed = [path.name for path, bytes in before.items() if path.read_bytes() != bytes]
    assert changed == ["le-quang-vinh.yaml"], changed
    download(page, f"{out}/ho-so-cuoi.zip")


def download(page, path):
    """Downloads the whole packet into `path`."""
    with page.expect_download() as download:
        page.click("#tai-ho-so")
    download.value.save_as(path)


def conflict(page, address, unit, out):
    # Saving every page as it is leaves the hand-written file byte for byte as it was.
    untouched = Path(unit).read_bytes()
    for path in ["", "hoi-nghi", "dang-vien/tran-quoc-khanh", "dang-vien/vu-dinh-thuan"]:
        page.goto(address + path)
        page.click("#luu")
        expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
        assert Path(unit).read_bytes() == untouched, f"saving /{path} unchanged rewrote the file"
    page.goto(address + "dang-vien")
    page.locator("tr.dang-vien a").first.click()
    name = page.locator("textarea").first.get_attribute("name")
    page.locator("textarea").first.fill("Gõ trên trang, chưa lưu.")
    on_disk = Path(unit).read_text(encoding="utf-8") + "# sửa tay trên đĩa trong lúc trang đang mở\n"
    Path(unit).write_text(on_disk, encoding="utf-8")
    page.click("#luu")
    expect(page.locator("#xung-dot")).to_contain_text("không ghi đè")
    assert Path(unit).read_text(encoding="utf-8") == on_disk, "the file on disk is not written over"
    page.screenshot(path=f"{out}/trang-xung-dot.png", full_page=True)
    page.click("#giu-ca-hai")
    expect(page.locator("#thong-bao")).to_contain_text("giữ nguyên")
    assert Path(unit).read_text(encoding="utf-8") == on_disk, "still not written over"
    beside = sorted(Path(unit).parent.glob("*.tren-trang-*.yaml"))
    assert len(beside) == 1, beside
    kept = beside[0].read_text(encoding="utf-8")
    assert "Gõ trên trang, chưa lưu." in kept, kept
    print(name.removeprefix("f."))


def records(page, address, unit, out):
    page.goto(address + "dang-vien/vu-dinh-thuan")
    member = f"dang_vien[{member_index(page)}]"
    earlier = f"{member}.tu_kiem_diem.han_che_ky_truoc"
    field(page, f"{earlier}[0].tinh_trang").select_option("dang_khac_phuc")
    field(page, f"{earlier}[0].muc_do").fill("đọc xong 3 trong 5 chuyên đề")
    field(page, f"{earlier}[1].han_che").fill("Chưa tham gia đủ buổi sinh hoạt {{ tổ }} #2")
    field(page, f"{earlier}[1].tinh_trang").select_option("chua_khac_phuc")
    field(page, f"{member}.danh_gia.nhan_xet_chi_uy").fill("Đồng chí <i>gương mẫu</i>, nhiệt tình.")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(field(page, f"{earlier}[0].tinh_trang")).to_have_value("dang_khac_phuc")
    expect(field(page, f"{earlier}[1].tinh_trang")).to_have_value("chua_khac_phuc")
    expect(field(page, f"{earlier}[2].han_che")).to_have_value("")
    expect(field(page, f"{member}.danh_gia.nhan_xet_chi_uy")).to_have_value("Đồng chí <i>gương mẫu</i>, nhiệt tình.")
    src = page.locator("#xem-truoc").get_attribute("src")
    Path(out, "xem-truoc.pdf").write_bytes(page.request.get(address.rstrip("/") + src).body())
    page.locator(f'[id="{earlier}"]').scroll_into_view_if_needed()
    page.screenshot(path=f"{out}/trang-khac-phuc.png")

    # The collective's shortcomings, on the unit's page.
    page.goto(address)
    field(page, "tap_the.han_che_ky_truoc[1].tinh_trang").select_option("da_khac_phuc")
    field(page, "tap_the.han_che_ky_truoc[1].muc_do").fill("")
    field(page, "tap_the.han_che_ky_truoc[1].kho_khan").fill("")
    page.click("#luu")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(field(page, "tap_the.han_che_ky_truoc[1].tinh_trang")).to_have_value("da_khac_phuc")

    # The adopted level follows the votes as typed; nothing is written until saved.
    saved = Path(unit).read_bytes()
    page.goto(address + "hoi-nghi")
    adopted = page.locator('[data-doi-tuong="tap_the"] .thong-qua')
    expect(adopted).to_have_text("Hoàn thành tốt nhiệm vụ")
    field(page, "tap_the.danh_gia.phieu.hoan_thanh_tot").fill("1")
    field(page, "tap_the.danh_gia.phieu.hoan_thanh").fill("5")
    expect(adopted).to_have_text("Hoàn thành nhiệm vụ", timeout=10000)
    field(page, "tap_the.danh_gia.phieu.hoan_thanh").fill("1")
    expect(adopted).to_have_text("chưa đủ phiếu", timeout=10000)
    assert Path(unit).read_bytes() == saved, "typing votes writes nothing"
    print(member)


def nhap(page, address, unit, out):
    import datetime

    import docx
    import openpyxl

    folder = Path(out)
    sheet = folder / "danh-sach.xlsx"
    book = openpyxl.Workbook()
    for row in [
        ["DANH SÁCH ĐẢNG VIÊN"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên"],
        [1, "Mai Thanh Sơn", datetime.date(1997, 6, 15), None, "093456"],
        [2, "Lê Văn Cường", "10/06/1990", "01/06/2026", "000777"],
    ]:
        book.active.append(row)
    book.save(sheet)
    reviews = []
    for member, text in [
        ("mai-thanh-son", "Luôn giữ gìn phẩm chất, gương mẫu."),
        ("hoang-anh-tu", "Viết lại phần phẩm chất khác tệp."),
    ]:
        printed = next((folder / "trong").glob(f"{member}_*.docx"))
        document = docx.Document(printed)
        paragraphs = document.paragraphs
        at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1. Về phẩm chất"))
        paragraphs[at + 1].text = text
        for extra in paragraphs[at + 2:]:
            if extra.text.startswith("2. "):
                break
            extra._p.getparent().remove(extra._p)
        path = folder / f"{member}.docx"
        document.save(path)
        reviews.append(path)
    document = docx.Document()
    for line in [
        "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
        "Họ và tên: Lê Văn Cường      Ngày sinh: 10/06/1990",
        "A. NỘI DUNG KIỂM ĐIỂM",
        "I. Ưu điểm, kết quả đạt được",
        "1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; "
        "ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không "
        "được làm; tác phong, lề lối làm việc.",
        "Đảng viên mới, nhiệt tình với công việc.",
    ]:
        document.add_paragraph(line)
    path = folder / "le-van-cuong.docx"
    document.save(path)
    reviews.append(path)

    before = Path(unit).read_bytes()
    page.goto(address + "nhap")
    page.set_input_files("#tep", [str(sheet)] + [str(r) for r in reviews])
    page.click("#xem-truoc")
    main = page.locator("main")
    expect(page.locator(".bao-cao-nhap")).to_have_count(4)
    expect(main).to_contain_text("thêm mới (le-van-cuong)")
    expect(main).to_contain_text("ghi thêm: so_the")
    expect(main).to_contain_text("Lê Văn Cường (le-van-cuong, theo họ tên và ngày sinh)")
    expect(main).to_contain_text("tu_kiem_diem.pham_chat: khác tệp")
    expect(page.locator("#tong-nhap")).to_contain_text("1 thêm mới")
    # The total the form computes is no line to import, nor is any line of the forms.
    expect(main).not_to_contain_text("Tổng điểm")
    expect(main).not_to_contain_text("không thuộc phần nào")
    assert Path(unit).read_bytes() == before, "nothing is written before Lưu"
    page.screenshot(path=f"{out}/trang-nhap.png", full_page=True)
    page.click("#nut-luu-nhap")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(main).to_contain_text("Lê Văn Cường")


def chuyen_ma(page, address, unit, out):
    page.goto(address + "dang-vien")
    expect(page.locator("#ma-cu")).to_contain_text("1 trường gõ bằng bảng mã cũ")
    page.click("#chuyen-ma")
    expect(page.locator("#thong-bao")).to_contain_text("Đã lưu")
    expect(page.locator("#ma-cu")).to_have_count(0)


def main():
    scenario, address, unit, out = sys.argv[1:5]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        {"fill": fill, "conflict": conflict, "records": records, "nhap": nhap, "chuyen-ma": chuyen_ma}[scenario](page, address, unit, out)
        browser.close()


main()
