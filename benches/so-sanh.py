"""Measures hoso and its peers side by side; called by benches/so-sanh.sh, which installs them.

Every measurement runs once per round, all in the same order, for --rounds rounds made here,
now: figures are medians over the rounds, ratios the medians of the rounds' ratios. Wall times
come from the parent's clock around each process, peak memory from the kernel's account of the
child (ru_maxrss).
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
# Runs of one form from a cold process in each round.
COLD_RUNS = 4


def once(cmd, cwd=None, before=None):
    """Wall seconds, peak memory (MB) and standard output of one run of cmd."""
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode()
    if status != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} thất bại (mã {status})")
    return wall, usage.ru_maxrss / 1024, out


class Rounds:
    """Every measurement once per round, in the same order, round after round: a slow or fast
    spell of the machine falls on hoso and its peers alike. Figures are medians over the
    rounds, and each ratio the median of the rounds' ratios."""

    def __init__(self):
        self.jobs = {}

    def add(self, name, run):
        """Measures run(), which returns (wall seconds, peak MB, output), as name; a name of
        None runs it in its turn without keeping what it measures."""
        self.jobs[name or f"-{len(self.jobs)}"] = run

    def measure(self, rounds):
        self.walls = {name: [] for name in self.jobs}
        self.peaks = {name: 0.0 for name in self.jobs}
        self.outs = {}
        for _ in range(rounds):
            for name, run in self.jobs.items():
                wall, peak, out = run()
                if name.startswith("-"):
                    continue
                self.walls[name].append(wall)
                self.peaks[name] = max(self.peaks[name], peak)
                self.outs[name] = out

    def wall(self, name):
        return statistics.median(self.walls[name])

    def ratio(self, slow, slow_items, fast, fast_items):
        """The median over the rounds of slow's time per item over fast's."""
        return statistics.median((a / slow_items) / (b / fast_items)
                                 for a, b in zip(self.walls[slow], self.walls[fast]))


def hoso_share(work_root):
    """hoso's whole packet over typst's work alone, in one process (benches/render.rs)."""
    path = work_root / "target/criterion/don-vi-mau-2026/phan-rieng.json"
    return json.loads(path.read_text())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--tools", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root, work, rounds = args.root, args.work, args.rounds
    hoso = root / "target/release/hoso"
    examples = root / "target/release/examples"
    cores = os.cpu_count()

    # The inputs: synthetic đảng bộ of each size, and the peers' inputs for every document of
    # one chi bộ of 30 members.
    for members, units in SIZES:
        data = work / f"du-lieu-{members}"
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run(
            [examples / "dang_bo", "--chi-bo", str(units), "--dang-vien", str(members),
             "-o", data], check=True, stdout=subprocess.DEVNULL)
    unit = sorted((work / "du-lieu-30").glob("*.yaml"))[0]
    inputs = work / "dau-vao"
    shutil.rmtree(inputs, ignore_errors=True)
    subprocess.run([examples / "bench_inputs", unit, inputs], check=True,
                   stdout=subprocess.DEVNULL)
    typst_dirs = sorted((inputs / "typst").iterdir())
    n = len(typst_dirs)
    docx = sorted((inputs / "docx").glob("*.docx"))[:LIBREOFFICE_SAMPLE]
    profile = work / "libreoffice-profile"
    lo_cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
              "--convert-to", "pdf", "--outdir", work / "libreoffice"]
    subprocess.run([*lo_cmd, *docx], check=True, stdout=subprocess.DEVNULL)  # the profile, once

    def fresh(out):
        return lambda: shutil.rmtree(out, ignore_errors=True)

    measured = Rounds()
    # hoso packet over each đảng bộ, and at 300 on one thread, for what the cores bring.
    for members, _ in SIZES:
        out = work / f"ho-so-{members}"
        measured.add(f"packet-{members}", lambda out=out, members=members: once(
            [hoso, "packet", work / f"du-lieu-{members}", "-o", out], before=fresh(out)))
    out_one = work / "ho-so-300-mot-luong"
    measured.add("packet-300-1", lambda: once(
        [hoso, "-j", "1", "packet", work / "du-lieu-300", "-o", out_one], before=fresh(out_one)))

    # The typst CLI, one process per document.
    def typst_cli():
        start = time.perf_counter()
        for d in typst_dirs:
            subprocess.run([args.tools / "bin/typst", "compile", "--root", d,
                            "--font-path", root / "fonts", "--ignore-system-fonts",
                            d / "main.typ", d / "out.pdf"], check=True)
        return time.perf_counter() - start, 0.0, ""
    measured.add("typst-cli", typst_cli)

    rusdox_dir = work / "rusdox"
    def fresh_rusdox():
        shutil.rmtree(rusdox_dir, ignore_errors=True)
        shutil.copytree(inputs / "rusdox", rusdox_dir / "rusdox")
    measured.add("rusdox", lambda: once([args.tools / "bin/rusdox", "rusdox", "--with-pdf"],
                                        cwd=rusdox_dir, before=fresh_rusdox))

    # LibreOffice: the sample in one process, and, as a clerk converts one file, a process per
    # DOCX (the median of a few).
    measured.add("libreoffice", lambda: once([*lo_cmd, *docx]))
    def libreoffice_alone():
        walls = [once([*lo_cmd, one])[0] for one in docx[:LIBREOFFICE_ALONE]]
        return statistics.median(walls), 0.0, ""
    measured.add("libreoffice-1", libreoffice_alone)
    # The first process after LibreOffice's gets the memory it leaves fragmented and waits on
    # the kernel compacting it for huge pages (a third more time, all of it in the kernel): a
    # run that is not kept takes that turn.
    measured.add(None, lambda: once([examples / "typst_alone", inputs / "typst"]))

    # hoso on the very documents the peers make, in one process: PDF only (as the typst CLI
    # makes), and PDF and DOCX (as rusdox makes), without the packet's index and print file.
    for formats in ["pdf", "both"]:
        out = work / f"cung-van-ban-{formats}"
        measured.add(f"render-{formats}", lambda out=out, formats=formats: once(
            [hoso, "render", "--all", "--format", formats, unit, "-o", out], before=fresh(out)))

    # typst's own work on the very same documents, in one process on every core, and nothing
    # else (no YAML, forms, DOCX or file): the least time any tool drawing these PDFs with typst
    # could take. Each ratio's ceiling is the peer's time over this one.
    measured.add("typst-alone", lambda: once([examples / "typst_alone", inputs / "typst"]))

    # One form from a cold process, start to both files written: the median of a few.
    member = re.search(r"^  - id: (\S+)", unit.read_text(), re.M).group(1)
    def cold_form():
        walls = [once([hoso, "render", "--form", "ca-nhan-lanh-dao", "--member", member, unit,
                       "-o", work / "mot-mau"])[0] for _ in range(COLD_RUNS)]
        return statistics.median(walls), 0.0, ""
    measured.add("cold", cold_form)

    measured.measure(rounds)

    rows = []
    for members, units in SIZES:
        name = f"packet-{members}"
        documents = int(re.search(r": (\d+) văn bản", measured.outs[name]).group(1))
        rows.append({"members": members, "units": units, "documents": documents,
                     "wall": measured.wall(name), "peak": measured.peaks[name]})
    by_size = {row["members"]: row for row in rows}
    for formats in ["pdf", "both"]:
        made = len(list((work / f"cung-van-ban-{formats}").glob("**/*.pdf")))
        if made != n:
            raise SystemExit(f"hoso render --all in {made} văn bản, các công cụ khác {n}")
    wall = measured.wall
    one_thread = wall("packet-300-1")
    typst_per_doc = wall("typst-cli") / n
    rusdox_wall = wall("rusdox")
    rusdox_per_doc = rusdox_wall / n
    lo_wall = wall("libreoffice")
    lo_per_doc = lo_wall / len(docx)
    lo_alone = wall("libreoffice-1")
    hoso_pdf_per_doc = wall("render-pdf") / n
    hoso_both_per_doc = wall("render-both") / n
    typst_alone_wall = wall("typst-alone")
    typst_alone_per_doc = typst_alone_wall / n
    cold = wall("cold")

    # In one process, on one thread: hoso's whole packet against typst's compile and export of
    # the same documents, in alternate pairs (benches/render.rs).
    share = hoso_share(root)
    overhead = share["ratio"] - 1
    packet_in_process, typst_in_process = share["ho_so"], share["typst"]

    ms = lambda s: f"{s * 1000:.1f}"
    table = [
        f"Máy đo: {cores} nhân; {rounds} lượt, mỗi lượt chạy mọi phép đo một lần theo cùng thứ tự; "
        "thời gian là trung vị các lượt, tỉ lệ là trung vị tỉ lệ của từng lượt; mỗi văn bản của "
        "hoso gồm PDF, DOCX, danh mục và tệp PDF gộp.",
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
                 f"{wall('typst-cli'):.2f} s | {ms(typst_per_doc)} | "
                 f"{1 / typst_per_doc:.0f} | |")
    table.append(f"| rusdox, một tiến trình cho cả lô (DOCX + PDF) | {n} | {rusdox_wall:.2f} s | "
                 f"{ms(rusdox_per_doc)} | {1 / rusdox_per_doc:.0f} | |")
    table.append(f"| LibreOffice, DOCX → PDF, một tiến trình | {len(docx)} | {lo_wall:.2f} s | "
                 f"{ms(lo_per_doc)} | {1 / lo_per_doc:.1f} | |")
    table.append(f"| LibreOffice, DOCX → PDF, mỗi tệp một tiến trình | {LIBREOFFICE_ALONE} | "
                 f"{lo_alone * LIBREOFFICE_ALONE:.2f} s | {ms(lo_alone)} | {1 / lo_alone:.1f} | |")
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
    # Ratios to the peers, each the median of the rounds' ratios: (peer, its items, hoso's
    # run, its items). The packet's documents are those of the 300-member run.
    packet = ("packet-300", by_size[300]["documents"])
    same_pdf, same_both = ("render-pdf", n), ("render-both", n)
    alone = ("typst-alone", n)
    cli, rusdox = ("typst-cli", n), ("rusdox", n)
    lo_batch, lo_one = ("libreoffice", len(docx)), ("libreoffice-1", 1)
    ratio = lambda peer, ours: measured.ratio(*peer, *ours)
    # Each target: what it asks, what was measured, whether it is met, and for a ratio to a
    # peer, the same ratio for typst's own work alone (its ceiling for any tool using typst).
    def versus(name, peer, ours, goal, digits=1):
        measured_ratio, ceiling = ratio(peer, ours), ratio(peer, alone)
        return (name, f"{measured_ratio:.{digits}f}×", measured_ratio >= goal,
                f"{ceiling:.{digits}f}×")
    # The ceiling the style library and the build set for typst alone, as a ratio to the typst
    # CLI on the very documents: 4.5× before both were changed, to be raised by at least 15%.
    ceiling_before, ceiling_goal = 4.5, 4.5 * 1.15
    ceiling = ratio(cli, alone)
    # hoso's PDFs of the very documents against typst's work alone on them: how near hoso comes.
    near = ratio(alone, same_pdf)
    targets = [
        (f"trần của typst riêng nâng ≥ 15%: nhanh hơn typst CLI ≥ {ceiling_goal:.1f}× "
         f"(trước: {ceiling_before}×)", f"{ceiling:.1f}×", ceiling >= ceiling_goal, ""),
        ("hoso đạt ≥ 0,85 trần ấy (cùng văn bản, chỉ PDF, một tiến trình)", f"{near:.2f}",
         near >= 0.85, ""),
        versus("nhanh hơn typst CLI ≥ 5× (cùng văn bản, chỉ PDF)", cli, same_pdf, 5),
        versus("thông lượng ≥ 1,25× rusdox (cùng văn bản, PDF và DOCX, một tiến trình)", rusdox,
               same_both, 1.25, 2),
        ("phần việc riêng của hoso ≤ 15% trên typst (cùng tiến trình, 1 luồng)",
         f"{overhead * 100:.0f}% ({ms(packet_in_process)} ms so với {ms(typst_in_process)} ms)",
         overhead <= 0.15, ""),
        ("300 đảng viên, 10 chi bộ, cả hồ sơ ≤ 3,5 s", f"{by_size[300]['wall']:.2f} s",
         by_size[300]["wall"] <= 3.5, ""),
        ("bộ nhớ đỉnh với 1.000 đảng viên ≤ 250 MB", f"{by_size[1000]['peak']:.0f} MB",
         by_size[1000]["peak"] <= 250, ""),
        ("một mẫu từ tiến trình mới ≤ 35 ms", f"{ms(cold)} ms", cold <= 0.035, ""),
    ]
    table += ["", "| Mục tiêu | Đo được | | Typst riêng đạt |", "|---|---:|---|---:|"]
    table += [f"| {name} | {value} | {verdict(ok)} | {alone} |"
              for name, value, ok, alone in targets]
    # The other ratios, without a target: the whole packet against each peer's documents, and
    # LibreOffice on the very documents.
    others = [
        ("typst CLI (cả hồ sơ của hoso so với PDF của typst)", cli, packet, 1),
        ("rusdox (cả hồ sơ của hoso)", rusdox, packet, 2),
        ("LibreOffice, mỗi tệp một tiến trình (cả hồ sơ của hoso)", lo_one, packet, 0),
        ("LibreOffice, cả lô trong một tiến trình (cả hồ sơ của hoso)", lo_batch, packet, 0),
    ]
    table += ["", "| Nhanh hơn | hoso | Typst riêng |", "|---|---:|---:|"]
    table += [f"| {name} | {ratio(peer, ours):.{digits}f}× | {ratio(peer, alone):.{digits}f}× |"
              for name, peer, ours, digits in others]
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
    ax.plot(members, [typst_alone_per_doc * d for d in docs], ":", color="gray",
            label=f"typst riêng, chỉ PDF: trần của mọi công cụ dùng typst (đo trên {n} văn bản)")
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
