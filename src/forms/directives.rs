//! The directives of a form's body that draw on the data: signature roles (`<ky …/>`), the nơi
//! nhận, and tables (`<bang …/>`).

use crate::document::{
    Authority, Block, Column, Corner, Directives, MarkupError, Recipients, Signature,
};
use crate::dossier::{Dossier, Member, OrganisationKind};

/// The directives of a document about `member` (none for the collective's) of `dossier`.
pub struct DataDirectives<'a> {
    /// The unit.
    pub dossier: &'a Dossier,
    /// The member the document is about, if it is a personal one.
    pub member: Option<&'a Member>,
}

impl Directives for DataDirectives<'_> {
    fn corner(&self, role: &str) -> Result<Corner, MarkupError> {
        for_role(role, self.dossier, self.member)
    }

    fn table(&self, name: &str) -> Result<Block, MarkupError> {
        match (name, self.member) {
            ("phu-luc", Some(member)) => Ok(annex(self.dossier, member)),
            _ => Err(MarkupError(format!("bảng «{name}» không có"))),
        }
    }
}

/// The annex of tasks and results that evidences a member's 2025 points (HD 43-HD/BTCTW, 7.12).
fn annex(dossier: &Dossier, member: &Member) -> Block {
    let column = |header: &str, share| Column {
        header: header.to_string(),
        share,
    };
    let text = |value: &Option<crate::dossier::Text>| {
        value.as_ref().map(|t| t.to_string()).unwrap_or_default()
    };
    Block::Table {
        title: vec![
            "PHỤ LỤC".to_string(),
            format!("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {}", dossier.year),
            format!("(Kèm theo bản kiểm điểm của đồng chí {})", member.name),
        ],
        columns: vec![
            column("STT", 3),
            column("Tên nhiệm vụ", 9),
            column("Sản phẩm", 7),
            column("Tiến độ", 6),
            column("Chất lượng", 7),
        ],
        rows: member
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| {
                vec![
                    (index + 1).to_string(),
                    task.ten.to_string(),
                    text(&task.san_pham),
                    text(&task.tien_do),
                    text(&task.chat_luong),
                ]
            })
            .collect(),
    }
}

const SIGN_WITH_NAME: &str = "(Ký, ghi rõ họ tên)";
const SIGN_AND_SEAL: &str = "(Ký, ghi rõ họ tên và đóng dấu)";

/// What the corner of role `role` holds in a document about `member` (none for the
/// collective's documents).
fn for_role(role: &str, dossier: &Dossier, member: Option<&Member>) -> Result<Corner, MarkupError> {
    let needs_member = || MarkupError(format!("vai ký «{role}» chỉ dùng trong mẫu cá nhân"));
    Ok(Corner::Signature(match role {
        // The member who wrote the self-review.
        "ca-nhan" => Signature::personal(
            "Người tự kiểm điểm",
            Some(SIGN_WITH_NAME),
            Some(&member.ok_or_else(needs_member)?.name),
        ),
        // The head of the agency where the member works, who rates civil servants.
        "thu-truong" => {
            Signature::personal("Thủ trưởng cơ quan, đơn vị", Some(SIGN_AND_SEAL), None)
        }
        // The chi ủy's assessment of a member, signed by the secretary; on the secretary's own
        // form by the deputy, whose name is left to write by hand when the unit has none.
        "chi-bo" => {
            let member = member.ok_or_else(needs_member)?;
            let own = dossier
                .secretary()
                .is_some_and(|s| s.id.value == member.id.value);
            let (post, signer) = if own {
                ("Phó Bí thư", dossier.deputy())
            } else {
                ("Bí thư", dossier.secretary())
            };
            Signature::with_authority(
                Authority::OnBehalf,
                committee_of(dossier),
                Some(post),
                Some(SIGN_WITH_NAME),
                signer.map(|s| s.name.as_str()),
            )
        }
        // The collective's report, signed by the secretary for the committee.
        "tap-the" => Signature::with_authority(
            Authority::OnBehalf,
            committee_of(dossier),
            Some("Bí thư"),
            None,
            dossier.secretary().map(|s| s.name.as_str()),
        ),
        // The committee of the superior organisation, which decides the level; it has a seal.
        "dang-uy" => Signature::with_authority(
            Authority::OnBehalf,
            "Đảng ủy",
            Some("Bí thư"),
            Some(SIGN_AND_SEAL),
            None,
        ),
        // Who receives the document, bottom left.
        "noi-nhan" => return Ok(Corner::Recipients(Recipients::new(&recipients(dossier)))),
        other => return Err(MarkupError(format!("vai ký «{other}» không có"))),
    }))
}

/// The organ that signs for the unit: its đảng ủy, its chi ủy, or the chi bộ itself.
pub fn committee_of(dossier: &Dossier) -> &'static str {
    match dossier.organisation.kind {
        OrganisationKind::Committee => "Đảng ủy",
        OrganisationKind::Branch if dossier.organisation.has_committee => "Chi ủy",
        OrganisationKind::Branch => "Chi bộ",
    }
}

/// The recipients the data names, or by default the superior committee and the unit's archive.
fn recipients(dossier: &Dossier) -> Vec<String> {
    if let Some(named) = &dossier.collective.noi_nhan {
        return named.iter().map(|r| r.to_string()).collect();
    }
    let superior = dossier.organisation.superior.as_str();
    let committee = match superior.strip_prefix("Đảng bộ") {
        Some(rest) => format!("Đảng ủy{rest}"),
        None => superior.to_string(),
    };
    let archive = match dossier.organisation.kind {
        OrganisationKind::Committee => "Lưu Văn phòng Đảng ủy",
        OrganisationKind::Branch => "Lưu Chi bộ",
    };
    vec![committee, archive.to_string()]
}
