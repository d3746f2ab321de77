//! Filling a form with a member's data: the Frame from metadata, the body from the template.

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::{Catalogue, Form, FormError};
use crate::document::{
    Document, Frame, Metadata, PARTY_NAME, Subtitle, blocks_from_markdown, lines_of, one_line,
};
use crate::dossier::{Dossier, Member};

impl Catalogue {
    /// The Document of `form` for `member` of `dossier`.
    pub fn personal_document(
        &self,
        form: &Form,
        dossier: &Dossier,
        member: &Member,
    ) -> Result<Document, FormError> {
        let data = context! {
            nam => dossier.year,
            to_chuc => Value::from(Serde(&dossier.organisation)),
            hoi_nghi => Value::from(Serde(&dossier.meeting)),
            dv => Value::from(Serde(member)),
        };
        let date = member.signed_on.unwrap_or(dossier.meeting.date);
        let subtitles = form
            .meta
            .dong_phu
            .iter()
            .map(|line| Ok(Subtitle::new(self.engine.render_str(line, data.clone())?)))
            .collect::<Result<Vec<_>, FormError>>()?;
        let frame = Frame {
            form_code: Some(form.meta.ma_mau.clone()),
            superior: lines_of(&dossier.organisation.superior.to_uppercase()),
            issuer: lines_of(&dossier.organisation.name.to_uppercase()),
            party: PARTY_NAME.to_string(),
            place_date: format!(
                "{}, {}",
                one_line(&dossier.organisation.place),
                date.long_vi()
            ),
            title: form.meta.ten_loai.clone(),
            subtitles,
        };
        let markdown = self
            .engine
            .get_template(&form.body_template())?
            .render(data)?;
        let body = blocks_from_markdown(&markdown, &|role| {
            super::signatures::for_role(role, dossier, member)
        })?;
        let meta = Metadata {
            title: format!(
                "{} năm {} - {}",
                sentence_case(&form.meta.ten_loai),
                dossier.year,
                one_line(&member.name)
            ),
            author: one_line(&member.name),
            date,
        };
        Ok(Document { meta, frame, body })
    }
}

/// "BẢN KIỂM ĐIỂM CÁ NHÂN" → "Bản kiểm điểm cá nhân".
fn sentence_case(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
