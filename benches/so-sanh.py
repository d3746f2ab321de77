"""Measures hoso and its peers side by side; called by benches/so-sanh.sh, which installs them.

Every figure is a median over --rounds runs made here, now; ratios compare figures of this run
only. Wall times come from the parent's clock around each process, peak memory from the
kernel's account of the child (ru_maxrss).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

# Members of each synthetic đảng bộ, and its chi bộ (about 30 members each).
SIZES = [(30, 1), (300, 10), (1000, 33)]
# DOCX files LibreOffice converts in one process, and one process each.
LIBREOFFICE_SAMPLE = 20
LIBREOFFICE_ALONE = 5


def timed(cmd, rounds, cwd=None, before=None):
    """Median wall seconds and the largest peak memory (MB) of cmd over rounds runs."""
    walls, peaks, out = [], [], ""
    for _ in range(rounds):
        if before:
            before()
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        out = proc.stdout.read().decode()
        if status != 0:
            raise SystemExit(f"{' '.join(map(str, cmd))} thất bại (mã {status})")
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), max(peaks), out


def criterion_median(work_root, bench):
    path = work_root / "target/criterion/don-vi-mau-2026" / bench / "new/estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"] / 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--tools", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root, work, rounds = args.root, args.work, args.rounds
    hoso = root / "target/release/hoso"
    examples = root / "target/release/examples"
    cores = os.cpu_count()

    # hoso packet over synthetic đảng bộ of each size.
    rows = []
    for members, units in SIZES:
        data = work / f"du-lieu-{members}"
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run(
            [examples / "dang_bo", "--chi-bo", str(units), "--dang-vien", str(members),
             "-o", data], check=True, stdout=subprocess.DEVNULL)
        out = work / f"ho-so-{members}"
        clear = lambda: shutil.rmtree(out, ignore_errors=True)
        wall, peak, stdout = timed([hoso, "packet", data, "-o", out], rounds, before=clear)
        documents = int(re.search(r": (\d+) văn bản", stdout).group(1))
        rows.append({"members": members, "units": units, "documents": documents,
                     "wall": wall, "peak": peak})
    by_size = {row["members"]: row for row in rows}
    # One thread, at 300, for what the cores bring.
    out = work / "ho-so-300-mot-luong"
    clear = lambda: shutil.rmtree(out, ignore_errors=True)
    one_thread, _, _ = timed([hoso, "-j", "1", "packet", work / "du-lieu-300", "-o", out],
                             rounds, before=clear)

    # The peers, on every document of one chi bộ of 30 members.
    unit = sorted((work / "du-lieu-30").glob("*.yaml"))[0]
    inputs = work / "dau-vao"
    shutil.rmtree(inputs, ignore_errors=True)
    subprocess.run([examples / "bench_inputs", unit, inputs], check=True,
                   stdout=subprocess.DEVNULL)
    typst_dirs = sorted((inputs / "typst").iterdir())
    n = len(typst_dirs)
    typst_walls = []
    for _ in range(rounds):
        start = time.perf_counter()
        for d in typst_dirs:
            subprocess.run([args.tools / "bin/typst", "compile", "--root", d,
                            "--font-path", root / "fonts", "--ignore-system-fonts",
                            d / "hoso.typ", d / "out.pdf"], check=True)
        typst_walls.append(time.perf_counter() - start)
    typst_per_doc = statistics.median(typst_walls) / n

    rusdox_dir = work / "rusdox"
    def fresh_rusdox():
        shutil.rmtree(rusdox_dir, ignore_errors=True)
        shutil.copytree(inputs / "rusdox", rusdox_dir / "rusdox")
    rusdox_wall, _, _ = timed([args.tools / "bin/rusdox", "rusdox", "--with-pdf"], rounds,
                              cwd=rusdox_dir, before=fresh_rusdox)
    rusdox_per_doc = rusdox_wall / n

    docx = sorted((inputs / "docx").glob("*.docx"))[:LIBREOFFICE_SAMPLE]
    profile = work / "libreoffice-profile"
    lo_out = work / "libreoffice"
    lo_cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
              "--convert-to", "pdf", "--outdir", lo_out, *docx]
    subprocess.run(lo_cmd, check=True, stdout=subprocess.DEVNULL)  # the profile, once
    lo_wall, _, _ = timed(lo_cmd, rounds)
    lo_per_doc = lo_wall / len(docx)
    # As a clerk converts one file: a process per DOCX.
    lo_alone_walls = []
    for one in docx[:LIBREOFFICE_ALONE]:
        wall, _, _ = timed([*lo_cmd[:-len(docx)], one], rounds)
        lo_alone_walls.append(wall)
    lo_alone = statistics.median(lo_alone_walls)

    # hoso on the very documents the peers make, in one process: PDF only (as the typst CLI
    # makes), and PDF and DOCX (as rusdox makes), without the packet's index and print file.
    def hoso_same_documents(formats):
        out = work / f"cung-van-ban-{formats}"
        wall, _, _ = timed([hoso, "render", "--all", "--format", formats, unit, "-o", out],
                           rounds, before=lambda: shutil.rmtree(out, ignore_errors=True))
        made = len(list(out.glob("**/*.pdf")))
        if made != n:
            raise SystemExit(f"hoso render --all in {made} văn bản, các công cụ khác {n}")
        return wall / n
    hoso_pdf_per_doc = hoso_same_documents("pdf")
    hoso_both_per_doc = hoso_same_documents("both")

    # typst's own work on the very same documents, in one process on every core, and nothing
    # else (no YAML, forms, DOCX or file): the least time any tool drawing these PDFs with typst
    # could take. Each ratio's ceiling is the peer's time over this one.
    typst_alone_wall, _, _ = timed([examples / "typst_alone", inputs / "typst"], rounds)
    typst_alone_per_doc = typst_alone_wall / n

    # One form from a cold process: start to both files written.
    member = re.search(r"^  - id: (\S+)", unit.read_text(), re.M).group(1)
    cold_out = work / "mot-mau"
    cold, _, _ = timed([hoso, "render", "--form", "ca-nhan-lanh-dao", "--member", member, unit,
                        "-o", cold_out], max(rounds, 10))

    # In one process (criterion): hoso's whole packet against typst's compile and export alone.
    packet_in_process = criterion_median(root, "ho-so")
    typst_in_process = criterion_median(root, "typst")
    overhead = packet_in_process / typst_in_process - 1

    hoso_per_doc = by_size[300]["wall"] / by_size[300]["documents"]
    per_doc_1000 = by_size[1000]["wall"] / by_size[1000]["documents"]
    ms = lambda s: f"{s * 1000:.1f}"
    table = [
        f"Máy đo: {cores} nhân; trung vị của {rounds} lượt; mỗi văn bản của hoso gồm PDF, DOCX, "
        "danh mục và tệp PDF gộp.",
        "",
        "| Việc | Văn bản | Thời gian | ms/văn bản | văn bản/giây | Bộ nhớ đỉnh |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        table.append(
            f"| hoso packet, {row['members']} đảng viên ({row['units']} chi bộ) | "
            f"{row['documents']} | {row['wall']:.2f} s | {ms(row['wall'] / row['documents'])} | "
            f"{row['documents'] / row['wall']:.0f} | {row['peak']:.0f} MB |")
    table.append(
        f"| hoso packet, 300 đảng viên, 1 luồng | {by_size[300]['documents']} | "
        f"{one_thread:.2f} s | {ms(one_thread / by_size[300]['documents'])} | "
        f"{by_size[300]['documents'] / one_thread:.0f} | |")
    table.append(f"| typst CLI, mỗi văn bản một tiến trình (PDF) | {n} | "
                 f"{statistics.median(typst_walls):.2f} s | {ms(typst_per_doc)} | "
                 f"{1 / typst_per_doc:.0f} | |")
    table.append(f"| rusdox, một tiến trình cho cả lô (DOCX + PDF) | {n} | {rusdox_wall:.2f} s | "
                 f"{ms(rusdox_per_doc)} | {1 / rusdox_per_doc:.0f} | |")
    table.append(f"| LibreOffice, DOCX → PDF, một tiến trình | {len(docx)} | {lo_wall:.2f} s | "
                 f"{ms(lo_per_doc)} | {1 / lo_per_doc:.1f} | |")
    table.append(f"| LibreOffice, DOCX → PDF, mỗi tệp một tiến trình | {LIBREOFFICE_ALONE} | "
                 f"{sum(lo_alone_walls):.2f} s | {ms(lo_alone)} | {1 / lo_alone:.1f} | |")
    table.append(f"| hoso render --all, cùng các văn bản ấy, chỉ PDF | {n} | {hoso_pdf_per_doc * n:.2f} s | "
                 f"{ms(hoso_pdf_per_doc)} | {1 / hoso_pdf_per_doc:.0f} | |")
    table.append(f"| hoso render --all, cùng các văn bản ấy, PDF và DOCX | {n} | "
                 f"{hoso_both_per_doc * n:.2f} s | {ms(hoso_both_per_doc)} | "
                 f"{1 / hoso_both_per_doc:.0f} | |")
    table.append(f"| typst riêng, cùng các văn bản ấy, một tiến trình, mọi nhân (chỉ biên dịch và "
                 f"xuất PDF, không ghi tệp) | {n} | {typst_alone_wall:.2f} s | "
                 f"{ms(typst_alone_per_doc)} | {1 / typst_alone_per_doc:.0f} | |")
    table.append(f"| hoso render, một mẫu từ tiến trình mới | 1 | {ms(cold)} ms | | | |")

    def verdict(ok):
        return "đạt" if ok else "chưa đạt"
    # Each target: what it asks, what was measured, whether it is met, and for a ratio to a
    # peer, the same ratio for typst's own work alone (its ceiling for any tool using typst).
    ceiling = lambda peer_per_doc: f"{peer_per_doc / typst_alone_per_doc:.1f}×"
    targets = [
        ("300 đảng viên, 10 chi bộ, cả hồ sơ ≤ 4 s", f"{by_size[300]['wall']:.2f} s",
         by_size[300]["wall"] <= 4, ""),
        ("1.000 đảng viên: ms/văn bản ≤ 1,1 × mức của 300",
         f"{per_doc_1000 / hoso_per_doc:.2f}×", per_doc_1000 <= 1.1 * hoso_per_doc, ""),
        ("nhanh hơn typst CLI ≥ 6× (cùng văn bản, chỉ PDF)",
         f"{typst_per_doc / hoso_pdf_per_doc:.1f}×", typst_per_doc / hoso_pdf_per_doc >= 6,
         ceiling(typst_per_doc)),
        ("nhanh hơn typst CLI ≥ 6× (cả hồ sơ của hoso so với PDF của typst)",
         f"{typst_per_doc / hoso_per_doc:.1f}×", typst_per_doc / hoso_per_doc >= 6,
         ceiling(typst_per_doc)),
        ("nhanh hơn LibreOffice ≥ 200× (mỗi tệp một tiến trình)",
         f"{lo_alone / hoso_per_doc:.0f}×", lo_alone / hoso_per_doc >= 200,
         f"{lo_alone / typst_alone_per_doc:.0f}×"),
        ("nhanh hơn LibreOffice ≥ 200× (cả lô trong một tiến trình)",
         f"{lo_per_doc / hoso_per_doc:.0f}×", lo_per_doc / hoso_per_doc >= 200,
         f"{lo_per_doc / typst_alone_per_doc:.0f}×"),
        ("thông lượng ≥ 2× rusdox (cùng văn bản, PDF và DOCX, một tiến trình)",
         f"{rusdox_per_doc / hoso_both_per_doc:.1f}×", rusdox_per_doc / hoso_both_per_doc >= 2,
         ceiling(rusdox_per_doc)),
        ("thông lượng ≥ 2× rusdox (cả hồ sơ của hoso)", f"{rusdox_per_doc / hoso_per_doc:.1f}×",
         rusdox_per_doc / hoso_per_doc >= 2, ceiling(rusdox_per_doc)),
        ("phần việc riêng của hoso ≤ 20% trên typst (cùng tiến trình, 1 luồng)",
         f"{overhead * 100:.0f}% ({ms(packet_in_process)} ms so với {ms(typst_in_process)} ms)",
         overhead <= 0.2, ""),
        ("bộ nhớ đỉnh với 1.000 đảng viên ≤ 300 MB", f"{by_size[1000]['peak']:.0f} MB",
         by_size[1000]["peak"] <= 300, ""),
        ("một mẫu từ tiến trình mới ≤ 40 ms", f"{ms(cold)} ms", cold <= 0.040, ""),
    ]
    table += ["", "| Mục tiêu | Đo được | | Typst riêng đạt |", "|---|---:|---|---:|"]
    table += [f"| {name} | {value} | {verdict(ok)} | {alone} |"
              for name, value, ok, alone in targets]
    text = "\n".join(table) + "\n"
    print(text)
    (root / "benches/ket-qua.md").write_text(text)

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    members = [row["members"] for row in rows]
    docs = [row["documents"] for row in rows]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    ax.plot(members, [row["wall"] for row in rows], "o-", label="hoso packet (đo)")
    for name, per_doc in [("rusdox", rusdox_per_doc), ("typst CLI", typst_per_doc),
                          ("LibreOffice", lo_per_doc)]:
        ax.plot(members, [per_doc * d for d in docs], "s--",
                label=f"{name} (ms/văn bản đo trên {n if name != 'LibreOffice' else len(docx)} văn bản × số văn bản)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("đảng viên")
    ax.set_ylabel("thời gian (giây)")
    ax.set_title(f"Cả hồ sơ của đảng bộ, PDF và DOCX ({cores} nhân)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(root / "benches/hieu-nang.png")


if __name__ == "__main__":
    main()
