"""code: area, CAP topic, kind, testability, quantities and places (placeholder)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import CodedDocument, CodedStatement, Coding, SplitDocument


def code_text(text: str, sections: tuple[str, ...]) -> Coding:
    return Coding(area="koalition_personal", cap=20, kind="action", testable=True)


@stage("code", 1)
def code(doc: SplitDocument) -> CodedDocument:
    return CodedDocument(
        outlined=doc.outlined,
        statements=tuple(
            CodedStatement(s, code_text(s.text, doc.outlined.section_path(s.section)))
            for s in doc.statements
        ),
    )
