//! Why the server answers a request with an error: one type for every refusal and fault, with
//! its HTTP status and its message, shown on a small page through the page templates.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;

use crate::dossier::LoadError;
use crate::packet::SelectionError;

/// Why a request was not answered with what it asked for.
#[derive(Debug, thiserror::Error)]
pub(super) enum PageError {
    /// A request addressed to another name than the server's own address.
    #[error("hoso chỉ trả lời trang mở từ máy này (127.0.0.1)")]
    ElsewhereHost,
    /// A form asks for something no page of hoso asks for.
    #[error("yêu cầu không rõ")]
    Unclear,
    /// The page of a member the data does not have.
    #[error("Không có đảng viên mã «{0}».")]
    NoMember(String),
    /// What the address names does not exist: a form, a member, a kind of file.
    #[error("{0}")]
    NotFound(String),
    /// The unit file does not read.
    #[error("{0}")]
    Unreadable(LoadError),
    /// The data breaks the rating rules: the packet is not printed.
    #[error(
        "dữ liệu có {errors} lỗi theo quy định đánh giá, xếp loại (xem phần Kiểm tra): chưa in hồ sơ"
    )]
    RulesBroken {
        /// How many errors the rules found.
        errors: usize,
    },
    /// A fault: the file could not be read, or a document could not be made.
    #[error("{0}")]
    Fault(String),
}

impl PageError {
    /// A fault, with what went wrong.
    pub(super) fn fault(err: impl std::fmt::Display) -> PageError {
        PageError::Fault(err.to_string())
    }

    /// The HTTP status the error answers with.
    fn status(&self) -> StatusCode {
        match self {
            PageError::ElsewhereHost => StatusCode::FORBIDDEN,
            PageError::Unclear => StatusCode::BAD_REQUEST,
            PageError::NoMember(_) | PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::Unreadable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            PageError::RulesBroken { .. } => StatusCode::CONFLICT,
            PageError::Fault(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The page to go back to, and its name.
    fn back(&self) -> (&'static str, &'static str) {
        match self {
            PageError::NoMember(_) => ("/dang-vien", "Danh sách đảng viên"),
            _ => ("/", "Về trang đơn vị"),
        }
    }
}

/// The members a form is drawn for, as an address of the page asks: a member it does not have,
/// or a form not drawn for whom the address names, is not found.
impl From<SelectionError> for PageError {
    fn from(err: SelectionError) -> PageError {
        match err {
            SelectionError::UnknownMember { .. } | SelectionError::NoneReviewed => {
                PageError::NotFound(err.to_string())
            }
            SelectionError::Collective { .. }
            | SelectionError::Personal { .. }
            | SelectionError::Form(_) => {
                PageError::NotFound("mẫu này không in cho đối tượng đã chọn".to_string())
            }
        }
    }
}

impl IntoResponse for PageError {
    /// The error's status, and a page with its message and a link back.
    fn into_response(self) -> Response {
        let (back, back_name) = self.back();
        let data = context! { message => self.to_string(), back => back, back_name => back_name };
        let page = super::views().render("khong-lam-duoc.html", data);
        (self.status(), Html(page)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The status and the page an error answers with.
    fn answer(err: PageError) -> (StatusCode, String) {
        let response = err.into_response();
        let status = response.status();
        let body = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[test]
    fn each_error_answers_with_its_status_and_its_message_escaped() {
        let (status, page) = answer(PageError::NoMember("<b>an</b>".to_string()));
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(
            page.contains("Không có đảng viên mã «&lt;b&gt;an&lt;&#x2f;b&gt;»."),
            "{page}"
        );
        assert!(page.contains("Danh sách đảng viên"), "{page}");
        let (status, page) = answer(PageError::RulesBroken { errors: 2 });
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(page.contains(r#"<p id="loi">dữ liệu có 2 lỗi"#), "{page}");
        assert!(page.contains("Về trang đơn vị"), "{page}");
        let refused = SelectionError::Personal {
            form: "ca-nhan".to_string(),
        };
        let (status, page) = answer(refused.into());
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(
            page.contains("mẫu này không in cho đối tượng đã chọn"),
            "{page}"
        );
        assert_eq!(answer(PageError::ElsewhereHost).0, StatusCode::FORBIDDEN);
        assert_eq!(answer(PageError::Unclear).0, StatusCode::BAD_REQUEST);
        assert_eq!(
            answer(PageError::fault("hỏng")).0,
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
