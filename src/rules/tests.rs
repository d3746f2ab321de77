//! One test per rule, with data that passes and data that fails, under each regime where the
//! rule applies.

use super::*;
use crate::dossier::parse;

/// A clean unit of six full members reviewed in 2026 (2025 rules): every level "tốt".
const UNIT: &str = "nam: 2026
to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng, bi_thu: an}
hoi_nghi: {ngay: 2026-12-05}
tap_the: {de_xuat: hoan_thanh_tot}
dang_vien:
  - id: an
    ho_ten: Nguyễn Văn An
    ngay_sinh: 1972-03-12
  - id: binh
    ho_ten: Trần Thị Bình
    ngay_sinh: 1980-07-01
  - id: cuong
    ho_ten: Lê Văn Cường
    ngay_sinh: 1981-01-01
  - id: dung
    ho_ten: Phạm Dũng
    ngay_sinh: 1985-01-01
  - id: giang
    ho_ten: Vũ Giang
    ngay_sinh: 1986-01-01
  - id: ha
    ho_ten: Đỗ Hà
    ngay_sinh: 1987-01-01
";

/// The unit under 2023 rules: reviewed in 2024.
fn in_2024(yaml: &str) -> String {
    yaml.replace("nam: 2026", "nam: 2024")
        .replace("2026-", "2024-")
}

/// `yaml` with `fields` (YAML lines, indented as a member's) added to member `id`.
fn with(yaml: &str, id: &str, fields: &str) -> String {
    let at = format!("  - id: {id}\n");
    let indented: String = fields.lines().map(|line| format!("    {line}\n")).collect();
    assert!(yaml.contains(&at), "no member {id}");
    yaml.replace(&at, &format!("{at}{indented}"))
}

/// `yaml` with the level `level` proposed by member `id` itself.
fn proposes(yaml: &str, id: &str, level: &str) -> String {
    with(
        yaml,
        id,
        &format!("tu_kiem_diem: {{tu_xep_loai_dang_vien: {level}}}"),
    )
}

/// The findings of `rule` on `yaml`: (level, path) each.
fn found(yaml: &str, rule: &str) -> Vec<(Level, String)> {
    let dossier = parse(yaml, "don-vi.yaml").unwrap_or_else(|err| panic!("{err}"));
    let catalogue = Catalogue::builtin().unwrap();
    check(&dossier, &catalogue)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.level, f.path))
        .collect()
}

fn error(path: &str) -> (Level, String) {
    (Level::Error, path.to_string())
}

fn warning(path: &str) -> (Level, String) {
    (Level::Warning, path.to_string())
}

/// Every member but the first rated `level` by the meeting, with six voters.
fn all_voted(yaml: &str, level: &str) -> String {
    ["binh", "cuong", "dung", "giang", "ha"]
        .iter()
        .fold(yaml.to_string(), |yaml, id| {
            with(
                &yaml,
                id,
                &format!("danh_gia: {{phieu: {{{level}: 6}}, ket_luan: Đồng ý.}}"),
            )
        })
}

#[test]
fn every_rule_has_an_id_a_summary_and_a_source_for_each_regime() {
    let mut ids = Vec::new();
    for rule in RULES {
        assert!(!ids.contains(&rule.id), "{} twice", rule.id);
        ids.push(rule.id);
        assert!(!rule.summary.is_empty());
        for regime in rule.regimes {
            assert!(!(rule.source)(*regime).is_empty());
        }
    }
}

#[test]
fn a_clean_unit_breaks_no_rule() {
    for yaml in [UNIT.to_string(), in_2024(UNIT)] {
        let dossier = parse(&yaml, "don-vi.yaml").unwrap();
        let findings = check(&dossier, &Catalogue::builtin().unwrap());
        assert_eq!(errors(&findings), 0, "{findings:#?}");
    }
}

#[test]
fn quota_of_excellent_members() {
    // Two of six proposing themselves "xuất sắc" beside four "tốt": a warning only.
    let yaml = ["an", "binh"]
        .iter()
        .fold(UNIT.to_string(), |y, id| proposes(&y, id, "HTXSNV"));
    let yaml = ["cuong", "dung", "giang", "ha"]
        .iter()
        .fold(yaml, |y, id| proposes(&y, id, "HTTNV"));
    let path = "dang_vien[1].tu_kiem_diem.tu_xep_loai_dang_vien";
    assert_eq!(found(&yaml, "ty-le-xuat-sac"), vec![warning(path)]);
    // Voted by the meeting, it is an error, under either regime.
    let voted = with(
        &yaml,
        "binh",
        "danh_gia: {phieu: {HTXSNV: 6}, ket_luan: Đồng ý.}",
    );
    assert_eq!(
        found(&voted, "ty-le-xuat-sac"),
        vec![error("dang_vien[1].danh_gia.phieu")]
    );
    assert_eq!(found(&in_2024(&voted), "ty-le-xuat-sac").len(), 1);
    // Below five "tốt", one "xuất sắc" is allowed.
    let one = proposes(&all_voted(UNIT, "HTTNV"), "an", "HTXSNV");
    assert_eq!(found(&one, "ty-le-xuat-sac"), vec![]);
}

#[test]
fn the_raised_quota_needs_the_2025_rules() {
    let mut yaml = UNIT.replace("bi_thu: an}", "bi_thu: an, ty_le_xuat_sac: 25}");
    for (id, name) in [("khanh", "Khánh"), ("lam", "Lâm"), ("minh", "Minh")] {
        yaml.push_str(&format!(
            "  - id: {id}\n    ho_ten: Ngô {name}\n    ngay_sinh: 1990-01-01\n"
        ));
    }
    let mut voted = yaml.clone();
    for id in ["an", "binh"] {
        voted = with(
            &voted,
            id,
            "danh_gia: {phieu: {HTXSNV: 9}, ket_luan: Đồng ý.}",
        );
    }
    for id in ["cuong", "dung", "giang", "ha", "khanh", "lam", "minh"] {
        voted = with(&voted, id, "tu_kiem_diem: {tu_xep_loai_dang_vien: HTTNV}");
    }
    // 25% of seven "tốt" is one: two is one too many even so.
    assert_eq!(found(&voted, "ty-le-xuat-sac").len(), 1);
    let voted = with(&voted, "an", "danh_gia: {}").replace(
        "    danh_gia: {}\n    danh_gia: {phieu: {HTXSNV: 9}, ket_luan: Đồng ý.}\n",
        "    tu_kiem_diem: {tu_xep_loai_dang_vien: HTTNV}\n",
    );
    assert_eq!(found(&voted, "ty-le-xuat-sac"), vec![]);
    assert_eq!(
        found(&in_2024(&voted), "ty-le-xuat-sac"),
        vec![error("to_chuc.ty_le_xuat_sac")]
    );
}

#[test]
fn the_secretary_is_not_rated_above_the_collective_before_2025() {
    let yaml = in_2024(&with(UNIT, "an", "danh_gia: {chi_bo_de_xuat: HTXSNV}"));
    let rule = "nguoi-dung-dau-khong-cao-hon-tap-the";
    assert_eq!(
        found(&yaml, rule),
        vec![error("dang_vien[0].danh_gia.chi_bo_de_xuat")]
    );
    let moved = with(
        &yaml,
        "an",
        "chuyen_den: {ngay: 2024-02-01, noi_cu: Chi bộ Phòng Tài chính}",
    );
    assert_eq!(found(&moved, rule), vec![]);
    let same = yaml.replace(
        "{de_xuat: hoan_thanh_tot}",
        "{de_xuat: hoan_thanh_xuat_sac}",
    );
    assert_eq!(found(&same, rule), vec![]);
    let unit_lower = same.replace("bi_thu: an}", "bi_thu: an, xep_loai: HTTNV}");
    assert_eq!(
        found(&unit_lower, rule).len(),
        2,
        "the collective and the secretary"
    );
}

#[test]
fn new_members_are_not_rated_before_2025_and_not_reviewed_from_2025() {
    let new = with(UNIT, "ha", "ngay_vao_dang: 2026-08-01\ndu_bi: true");
    assert_eq!(
        found(&new, "dang-vien-moi-khong-kiem-diem"),
        vec![warning("dang_vien[5].ngay_vao_dang")]
    );
    let rated = proposes(&new, "ha", "HTTNV");
    let path = "dang_vien[5].tu_kiem_diem.tu_xep_loai_dang_vien";
    assert_eq!(
        found(&rated, "dang-vien-moi-khong-kiem-diem"),
        vec![error(path)]
    );
    assert_eq!(
        found(&in_2024(&new), "dang-vien-moi-khong-xep-loai"),
        vec![]
    );
    assert_eq!(
        found(&in_2024(&rated), "dang-vien-moi-khong-xep-loai"),
        vec![error(path)]
    );
    let old_enough = rated.replace("2026-08-01", "2026-06-05");
    assert_eq!(found(&old_enough, "dang-vien-moi-khong-kiem-diem"), vec![]);
}

#[test]
fn long_sick_leave_caps_the_level_before_2025_and_is_noted_from_2025() {
    let sick = proposes(&with(UNIT, "binh", "nghi_om_thang: 4"), "binh", "HTTNV");
    let path = "dang_vien[1].tu_kiem_diem.tu_xep_loai_dang_vien";
    assert_eq!(
        found(&in_2024(&sick), "nghi-om-duoi-muc-tot"),
        vec![error(path)]
    );
    let completed = sick.replace("HTTNV", "HTNV");
    assert_eq!(found(&in_2024(&completed), "nghi-om-duoi-muc-tot"), vec![]);
    let short = sick.replace("nghi_om_thang: 4", "nghi_om_thang: 2");
    assert_eq!(found(&in_2024(&short), "nghi-om-duoi-muc-tot"), vec![]);
    assert_eq!(
        found(&sick, "nghi-om-thai-san"),
        vec![warning("dang_vien[1].nghi_om_thang")]
    );
}

#[test]
fn maternity_leave_is_a_warning_in_every_regime() {
    let yaml = with(UNIT, "binh", "nghi_thai_san: true");
    let path = "dang_vien[1].nghi_thai_san";
    assert_eq!(found(&yaml, "nghi-om-thai-san"), vec![warning(path)]);
    assert_eq!(found(&in_2024(&yaml), "nghi-thai-san"), vec![warning(path)]);
    assert_eq!(found(&in_2024(UNIT), "nghi-thai-san"), vec![]);
}

#[test]
fn the_proposed_level_agrees_with_the_points() {
    let scored = |general: &str, tasks: &str, level: &str| {
        with(
            UNIT,
            "binh",
            &format!(
                "tu_kiem_diem: {{diem: {{nhom_chung: {general}, nhom_nhiem_vu: {tasks}}}, tu_xep_loai_dang_vien: {level}}}"
            ),
        )
    };
    let path = "dang_vien[1].tu_kiem_diem.tu_xep_loai_dang_vien";
    assert_eq!(
        found(&scored("25", "60", "HTXSNV"), "diem-va-muc"),
        vec![error(path)]
    );
    assert_eq!(
        found(&scored("28", "\"61,9\"", "HTXSNV"), "diem-va-muc"),
        vec![error(path)]
    );
    assert_eq!(found(&scored("28", "62", "HTXSNV"), "diem-va-muc"), vec![]);
    assert_eq!(
        found(&scored("28", "62", "HTTNV"), "diem-va-muc"),
        vec![warning(path)]
    );
    assert_eq!(found(&scored("20", "29", "KHTNV"), "diem-va-muc"), vec![]);
    // The collective too.
    let collective = UNIT.replace(
        "{de_xuat: hoan_thanh_tot}",
        "{de_xuat: hoan_thanh_tot, diem: {nhom_chung: 20, nhom_nhiem_vu: 40}}",
    );
    assert_eq!(
        found(&collective, "diem-va-muc"),
        vec![error("tap_the.de_xuat")]
    );
}

#[test]
fn each_level_needs_its_conditions_beside_the_points() {
    let excellent = |results: &str| {
        proposes(
            &with(UNIT, "an", &format!("ket_qua_nhiem_vu: {{{results}}}")),
            "an",
            "HTXSNV",
        )
    };
    let path = "dang_vien[0].tu_kiem_diem.tu_xep_loai_dang_vien";
    let met = "hoan_thanh: 100, vuot_muc: 35, khac_phuc_han_che: 100";
    assert_eq!(found(&excellent(met), "dieu-kien-muc"), vec![]);
    let few_beyond = "hoan_thanh: 100, vuot_muc: 20";
    assert_eq!(
        found(&excellent(few_beyond), "dieu-kien-muc"),
        vec![error(path)]
    );
    let disciplined = with(&excellent(met), "an", "vi_pham: {ky_luat: khien_trach}");
    assert_eq!(found(&disciplined, "dieu-kien-muc"), vec![error(path)]);
    // Nothing recorded: a warning that the conditions are unchecked.
    assert_eq!(
        found(&proposes(UNIT, "an", "HTXSNV"), "dieu-kien-muc"),
        vec![warning(path)]
    );
    let late = proposes(
        &with(
            UNIT,
            "an",
            "ket_qua_nhiem_vu: {hoan_thanh: 100, cham_tien_do: 25}",
        ),
        "an",
        "HTNV",
    );
    assert_eq!(found(&late, "dieu-kien-muc"), vec![error(path)]);
    assert_eq!(
        found(&in_2024(&late), "dieu-kien-muc"),
        vec![],
        "2025 rules only"
    );
}

#[test]
fn listed_cases_fail_whatever_the_points() {
    let degraded = proposes(
        &with(UNIT, "binh", "vi_pham: {suy_thoai: true}"),
        "binh",
        "HTTNV",
    );
    let path = "dang_vien[1].tu_kiem_diem.tu_xep_loai_dang_vien";
    assert_eq!(
        found(&degraded, "truong-hop-khong-hoan-thanh"),
        vec![error(path)]
    );
    let failing = degraded.replace("HTTNV", "KHTNV");
    assert_eq!(found(&failing, "truong-hop-khong-hoan-thanh"), vec![]);
    // A leader below 70% of tasks; another member only below 50%.
    let leader = proposes(
        &with(
            UNIT,
            "an",
            "chuc_vu_chinh_quyen: Trưởng phòng\nket_qua_nhiem_vu: {hoan_thanh: 60}",
        ),
        "an",
        "HTNV",
    );
    assert_eq!(found(&leader, "truong-hop-khong-hoan-thanh").len(), 1);
    let member = proposes(
        &with(UNIT, "an", "ket_qua_nhiem_vu: {hoan_thanh: 60}"),
        "an",
        "HTNV",
    );
    assert_eq!(found(&member, "truong-hop-khong-hoan-thanh"), vec![]);
    let low_trust = proposes(
        &with(UNIT, "an", "vi_pham: {tin_nhiem_thap: 55}"),
        "an",
        "HTNV",
    );
    assert_eq!(found(&low_trust, "truong-hop-khong-hoan-thanh").len(), 1);
}

#[test]
fn comments_of_the_former_and_the_temporary_chi_bo() {
    let moved = |day: &str, comment: &str| {
        with(
            UNIT,
            "binh",
            &format!("chuyen_den: {{ngay: {day}, noi_cu: Chi bộ Phòng Tài chính{comment}}}"),
        )
    };
    let path = "dang_vien[1].chuyen_den.nhan_xet_noi_cu";
    for yaml in [moved("2026-08-01", ""), in_2024(&moved("2026-08-01", ""))] {
        assert_eq!(found(&yaml, "nhan-xet-noi-cu"), vec![error(path)]);
    }
    assert_eq!(
        found(
            &moved("2026-08-01", ", nhan_xet_noi_cu: Tốt."),
            "nhan-xet-noi-cu"
        ),
        vec![]
    );
    assert_eq!(found(&moved("2026-03-01", ""), "nhan-xet-noi-cu"), vec![]);
    let temporary = with(
        UNIT,
        "binh",
        "sinh_hoat_tam_thoi: {noi: Chi bộ Khu dân cư số 3}",
    );
    let path = "dang_vien[1].sinh_hoat_tam_thoi.nhan_xet";
    assert_eq!(
        found(&temporary, "nhan-xet-sinh-hoat-tam-thoi"),
        vec![error(path)]
    );
    let commented = temporary.replace("số 3}", "số 3, nhan_xet: Gương mẫu.}");
    assert_eq!(found(&commented, "nhan-xet-sinh-hoat-tam-thoi"), vec![]);
}

#[test]
fn votes_stay_within_the_full_members_present() {
    let yaml = with(UNIT, "ha", "ngay_vao_dang: 2026-03-01\ndu_bi: true");
    let over = with(
        &yaml,
        "an",
        "danh_gia: {phieu: {HTTNV: 6}, ket_luan: Đồng ý.}",
    );
    let findings = found(&over, "phieu-khong-vuot-so-bieu-quyet");
    assert_eq!(findings, vec![error("dang_vien[0].danh_gia.phieu")]);
    let within = over.replace("HTTNV: 6}", "HTTNV: 5}");
    assert_eq!(found(&within, "phieu-khong-vuot-so-bieu-quyet"), vec![]);
    // An absent member does not vote either.
    let away = within.replace(
        "hoi_nghi: {ngay: 2026-12-05}",
        "hoi_nghi: {ngay: 2026-12-05, vang_mat: [{id: binh, ly_do: Ốm}]}",
    );
    assert_eq!(found(&away, "phieu-khong-vuot-so-bieu-quyet").len(), 1);
}

#[test]
fn the_adopted_level_has_a_majority_and_is_the_one_proposed() {
    let split = with(
        UNIT,
        "an",
        "danh_gia: {phieu: {HTXSNV: 2, HTTNV: 1}, ket_luan: Đồng ý.}",
    );
    assert_eq!(
        found(&split, "muc-duoc-qua-nua"),
        vec![error("dang_vien[0].danh_gia.phieu")]
    );
    let adopted = split.replace("HTTNV: 1}", "HTTNV: 2}");
    assert_eq!(found(&adopted, "muc-duoc-qua-nua"), vec![]);
    let other = adopted.replace("danh_gia: {", "danh_gia: {chi_bo_de_xuat: HTXSNV, ");
    assert_eq!(
        found(&other, "muc-duoc-qua-nua"),
        vec![error("dang_vien[0].danh_gia.chi_bo_de_xuat")]
    );
}

#[test]
fn every_vote_has_the_chairs_conclusion_and_every_member_a_vote() {
    let voted = all_voted(UNIT, "HTTNV");
    assert_eq!(found(&voted, "ket-luan-chu-tri"), vec![]);
    let bare = voted.replacen(", ket_luan: Đồng ý.", "", 1);
    assert_eq!(
        found(&bare, "ket-luan-chu-tri"),
        vec![error("dang_vien[1].danh_gia.ket_luan")]
    );
    assert_eq!(
        found(&voted, "chua-bieu-quyet"),
        vec![
            warning("tap_the.danh_gia"),
            warning("dang_vien[0].danh_gia")
        ]
    );
    assert_eq!(
        found(UNIT, "chua-bieu-quyet"),
        vec![],
        "no meeting recorded yet"
    );
}

#[test]
fn an_absence_gives_its_reason() {
    let away = UNIT.replace(
        "{ngay: 2026-12-05}",
        "{ngay: 2026-12-05, vang_mat: [{id: binh}]}",
    );
    assert_eq!(
        found(&away, "ly-do-vang-mat"),
        vec![warning("hoi_nghi.vang_mat[0]")]
    );
    let said = away.replace("{id: binh}", "{id: binh, ly_do: Đi công tác}");
    assert_eq!(found(&said, "ly-do-vang-mat"), vec![]);
}

#[test]
fn probation_follows_the_admission_date() {
    let recent = with(UNIT, "binh", "ngay_vao_dang: 2026-03-01");
    assert_eq!(
        found(&recent, "thoi-ky-du-bi"),
        vec![error("dang_vien[1].du_bi")]
    );
    let marked = with(&recent, "binh", "du_bi: true");
    assert_eq!(found(&marked, "thoi-ky-du-bi"), vec![]);
    let long_ago = with(UNIT, "binh", "ngay_vao_dang: 2010-03-01\ndu_bi: true");
    assert_eq!(
        found(&long_ago, "thoi-ky-du-bi"),
        vec![warning("dang_vien[1].du_bi")]
    );
}

#[test]
fn a_year_of_birth_alone_is_a_warning_and_the_age_rules_give_it_the_benefit_of_the_doubt() {
    let (alone, dates) = ("nam-sinh", "ngay-thang-hop-ly");
    assert_eq!(found(UNIT, alone), vec![]);
    let year = UNIT.replace("ngay_sinh: 1980-07-01", "ngay_sinh: 1980");
    assert_eq!(found(&year, alone), vec![warning("dang_vien[1].ngay_sinh")]);
    assert_eq!(found(&year, dates), vec![]);
    let dossier = parse(&year, "don-vi.yaml").unwrap();
    let findings = check_only(&dossier, &Catalogue::builtin().unwrap(), &[alone]);
    assert_eq!(findings[0].line, Some(11));
    assert!(
        findings[0]
            .message
            .contains("Trần Thị Bình: chỉ có năm sinh 1980, chưa có ngày, tháng"),
        "{}",
        findings[0].message
    );
    // Admitted in the year she turns 18: she may have been 18 already, so no error; the
    // warning says what a year alone cannot tell.
    let turning = with(&year, "binh", "ngay_vao_dang: 1998-03-01");
    assert_eq!(found(&turning, dates), vec![]);
    let dossier = parse(&turning, "don-vi.yaml").unwrap();
    let findings = check_only(&dossier, &Catalogue::builtin().unwrap(), &[alone]);
    assert!(
        findings[0]
            .message
            .contains("chưa kiểm được đã đủ 18 tuổi chưa"),
        "{}",
        findings[0].message
    );
    // Admitted the year before: under 18 whatever her birthday.
    let young = with(&year, "binh", "ngay_vao_dang: 1997-12-31");
    assert_eq!(
        found(&young, dates),
        vec![error("dang_vien[1].ngay_vao_dang")]
    );
    // Born in 1906, 120 years before the meeting only if born before its day.
    let old = UNIT.replace("ngay_sinh: 1972-03-12", "ngay_sinh: 1906");
    assert_eq!(found(&old, dates), vec![]);
    let older = UNIT.replace("ngay_sinh: 1972-03-12", "ngay_sinh: 1905");
    assert_eq!(found(&older, dates), vec![error("dang_vien[0].ngay_sinh")]);
}

#[test]
fn dates_that_cannot_be_true() {
    let rule = "ngay-thang-hop-ly";
    let young = with(UNIT, "binh", "ngay_vao_dang: 1996-07-01");
    assert_eq!(
        found(&young, rule),
        vec![error("dang_vien[1].ngay_vao_dang")]
    );
    let adult = with(UNIT, "binh", "ngay_vao_dang: 1998-07-01");
    assert_eq!(found(&adult, rule), vec![]);
    let old = UNIT.replace("ngay_sinh: 1972-03-12", "ngay_sinh: 1905-03-12");
    assert_eq!(found(&old, rule), vec![error("dang_vien[0].ngay_sinh")]);
    let before = with(UNIT, "binh", "danh_gia: {ngay: 2026-12-01}");
    assert_eq!(
        found(&before, rule),
        vec![error("dang_vien[1].danh_gia.ngay")]
    );
    let late = with(UNIT, "binh", "ngay_ky: 2027-01-20");
    assert_eq!(found(&late, rule), vec![warning("dang_vien[1].ngay_ky")]);
    let moved = with(
        UNIT,
        "binh",
        "chuyen_den: {ngay: 2025-11-01, noi_cu: Chi bộ A, nhan_xet_noi_cu: Tốt.}",
    );
    assert_eq!(
        found(&moved, rule),
        vec![error("dang_vien[1].chuyen_den.ngay")]
    );
}

#[test]
fn documents_after_the_deadline_are_a_warning() {
    let yaml = UNIT.replace(
        "{ngay: 2026-12-05}",
        "{ngay: 2026-12-05, han_nop: 2026-12-15}",
    );
    assert_eq!(found(&yaml, "han-nop"), vec![]);
    let late = yaml.replace("han_nop: 2026-12-15", "han_nop: 2026-12-01");
    assert_eq!(found(&late, "han-nop"), vec![warning("hoi_nghi.ngay")]);
}

#[test]
fn blank_parts_of_each_form_are_listed() {
    let rule = "thieu-noi-dung";
    let findings = found(UNIT, rule);
    assert_eq!(
        findings.len(),
        7,
        "the report and six blank self-reviews: {findings:?}"
    );
    let written = with(
        UNIT,
        "binh",
        "tu_kiem_diem:\n  pham_chat: Tốt.\n  thuc_hien_nhiem_vu: Tốt.",
    );
    let dossier = parse(&written, "don-vi.yaml").unwrap();
    let finding = check(&dossier, &Catalogue::builtin().unwrap())
        .into_iter()
        .find(|f| f.rule == rule && f.path == "dang_vien[1].tu_kiem_diem")
        .unwrap();
    assert!(finding.message.contains("han_che"), "{}", finding.message);
    assert!(
        !finding.message.contains("pham_chat"),
        "{}",
        finding.message
    );
    // The block of the self-review starts on the line after its key.
    assert_eq!(finding.line, Some(11));
}

#[test]
fn the_readme_lists_every_rule_with_its_sources() {
    let readme = include_str!("../../README.md");
    for rule in RULES {
        let row = readme
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", rule.id)))
            .unwrap_or_else(|| panic!("README has no row for {}", rule.id));
        for regime in rule.regimes {
            let source = format!("{}: {}", regime.key(), (rule.source)(*regime));
            assert!(
                row.contains(&source),
                "{}: «{source}» not in the README",
                rule.id
            );
        }
    }
}

mod any_data {
    use super::*;
    use proptest::prelude::*;

    const LEVELS: [&str; 4] = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the votes, dates, shares and levels, the rules report; they never panic.
        #[test]
        fn the_rules_never_panic(
            votes in proptest::collection::vec(0u32..=u32::MAX, 4),
            admitted in (1930i32..=2026, 1u32..=12, 1u32..=28),
            sick in 0u8..=12,
            shares in proptest::collection::vec(0u8..=100, 4),
            levels in proptest::collection::vec(0usize..4, 3),
            probation in any::<bool>(),
            regime_2023 in any::<bool>(),
        ) {
            let fields = format!(
                "ngay_vao_dang: {:04}-{:02}-{:02}\ndu_bi: {probation}\nnghi_om_thang: {sick}\n\
                 ket_qua_nhiem_vu: {{hoan_thanh: {}, vuot_muc: {}, cham_tien_do: {}, khac_phuc_han_che: {}}}\n\
                 tu_kiem_diem: {{diem: {{nhom_chung: 25, nhom_nhiem_vu: 60}}, tu_xep_loai_dang_vien: {}}}\n\
                 danh_gia: {{chi_bo_de_xuat: {}, phieu: {{HTXSNV: {}, HTTNV: {}, HTNV: {}, KHTNV: {}}}}}",
                admitted.0, admitted.1, admitted.2,
                shares[0], shares[1], shares[2], shares[3],
                LEVELS[levels[0]], LEVELS[levels[1]],
                votes[0], votes[1], votes[2], votes[3],
            );
            let yaml = with(UNIT, "binh", &fields)
                .replace("{de_xuat: hoan_thanh_tot}", &format!("{{de_xuat: {}}}", LEVELS[levels[2]]));
            let yaml = if regime_2023 { in_2024(&yaml) } else { yaml };
            let dossier = parse(&yaml, "don-vi.yaml").unwrap_or_else(|err| panic!("{err}"));
            let findings = check(&dossier, &Catalogue::builtin().unwrap());
            prop_assert!(findings.iter().all(|f| !f.message.is_empty() && !f.source.is_empty()));
        }
    }
}

#[test]
fn the_share_remedied_comes_from_section_three_and_must_agree_with_the_one_given() {
    let section_three = "tu_kiem_diem:
  tu_xep_loai_dang_vien: hoan_thanh_xuat_sac
  han_che_ky_truoc:
    - {han_che: Báo cáo gửi chậm, tinh_trang: da_khac_phuc}
    - {han_che: Đi họp muộn, tinh_trang: dang_khac_phuc}
";
    let counted = with(
        UNIT,
        "an",
        &format!("{section_three}ket_qua_nhiem_vu: {{hoan_thanh: 100, vuot_muc: 35}}"),
    );
    // Half of last year's shortcomings remedied: not "xuất sắc".
    assert_eq!(
        found(&counted, "dieu-kien-muc"),
        vec![(
            Level::Error,
            "dang_vien[0].tu_kiem_diem.tu_xep_loai_dang_vien".to_string()
        )]
    );
    assert!(found(&counted, "ty-le-khac-phuc").is_empty());
    let given = with(
        UNIT,
        "an",
        &format!(
            "{section_three}ket_qua_nhiem_vu: {{hoan_thanh: 100, vuot_muc: 35, khac_phuc_han_che: 100}}"
        ),
    );
    assert_eq!(
        found(&given, "ty-le-khac-phuc"),
        vec![(
            Level::Warning,
            "dang_vien[0].ket_qua_nhiem_vu.khac_phuc_han_che".to_string()
        )]
    );
}

#[test]
fn a_field_in_an_old_encoding_is_a_warning_with_its_reading() {
    assert_eq!(found(UNIT, "ma-cu"), vec![]);
    let yaml = UNIT
        .replace("ho_ten: Trần Thị Bình", "ho_ten: TrÇn ThÞ B×nh")
        .replace("ten: Chi bộ Phòng Kế toán", "ten: Chi boä Phoøng Keá toaùn");
    assert_eq!(
        found(&yaml, "ma-cu"),
        vec![warning("to_chuc.ten"), warning("dang_vien[1].ho_ten")]
    );
    let dossier = parse(&yaml, "don-vi.yaml").unwrap();
    let findings = check_only(&dossier, &Catalogue::builtin().unwrap(), &["ma-cu"]);
    assert_eq!(findings[1].line, Some(10));
    assert!(
        findings[1].message.contains(
            "«TrÇn ThÞ B×nh» có vẻ gõ bằng bảng mã TCVN3 (ABC): đọc là «Trần Thị Bình»; chạy hoso chuyen-ma don-vi.yaml"
        ),
        "{}",
        findings[1].message
    );
    assert!(
        findings[0].message.contains("VNI"),
        "{}",
        findings[0].message
    );
}
