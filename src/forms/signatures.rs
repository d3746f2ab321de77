//! Signature roles a template may name in `<ky …/>`, filled from the Dossier.

use crate::document::{Authority, MarkupError, Signature};
use crate::dossier::{Dossier, Member};

const SIGN_WITH_NAME: &str = "(Ký, ghi rõ họ tên)";
const SIGN_AND_SEAL: &str = "(Ký, ghi rõ họ tên và đóng dấu)";

/// The signature block of `role` for a document about `member`.
pub fn for_role(role: &str, dossier: &Dossier, member: &Member) -> Result<Signature, MarkupError> {
    let organisation = &dossier.organisation;
    Ok(match role {
        // The member who wrote the self-review.
        "ca-nhan" => Signature::personal(
            "Người tự kiểm điểm",
            Some(SIGN_WITH_NAME),
            Some(&member.name),
        ),
        // The head of the agency where the member works, who rates civil servants.
        "thu-truong" => {
            Signature::personal("Thủ trưởng cơ quan, đơn vị", Some(SIGN_AND_SEAL), None)
        }
        // The chi ủy (or the chi bộ without one), signed by the secretary.
        "chi-bo" => Signature::with_authority(
            Authority::OnBehalf,
            if organisation.has_committee {
                "Chi ủy"
            } else {
                "Chi bộ"
            },
            Some("Bí thư"),
            Some(SIGN_WITH_NAME),
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
        other => return Err(MarkupError(format!("vai ký «{other}» không có"))),
    })
}
